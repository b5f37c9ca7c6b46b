import { afterAll, describe, expect, it } from 'vitest';
import XLSX from 'xlsx';
import { builder } from '../helpers/build';
import { downloaded, withDownloads } from '../helpers/downloads';
import { tempLedger } from '../helpers/ledger';

const t = withDownloads(tempLedger());
afterAll(() => t.close());

/** Every ID-number cell of an exported sheet, read back with SheetJS. */
async function idCells(sheet: 'T1' | 'T2' | 'T4'): Promise<string[]> {
  const r = await t.api.exports.sheet({ sheet, from: '2014-01-01', to: '2014-06-30' });
  const wb = XLSX.read(downloaded(t, r));
  const grid = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]], { header: 1, defval: null });
  return grid.flat().filter((v): v is string => typeof v === 'string' && /^620902/.test(v));
}

describe('设置 → 隐去身份证号 covers the exported sheets', () => {
  it('writes 620902********0010 in T1, T2 and T4 when on, the whole number when off', async () => {
    const b = builder(t);
    const unit = await b.unit('区统计局');
    const h = await b.household('新上村', '张三', 'poor', '620902198001010010');
    await b.pair(await b.cadre(unit, '李四'), h);
    await b.aid(unit, h, 10000);
    for (const s of ['T1', 'T2', 'T4'] as const) expect(await idCells(s)).toEqual(['620902198001010010']);
    await t.api.settings.set({ key: 'maskIdNumbers', value: true });
    for (const s of ['T1', 'T2', 'T4'] as const) expect(await idCells(s)).toEqual(['620902********0010']);
    // The ledger itself keeps the whole number.
    expect(t.ctx.ledger.sqlite.prepare('select id_number from households where id = ?').pluck().get(h)).toBe('620902198001010010');
  });
});
