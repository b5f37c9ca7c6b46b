import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../electron/api/define';
import { callMethod } from '../../electron/api/dispatch';
import { bigLandSheet } from '../helpers/generate';
import { tempLedger, type TestLedger } from '../helpers/ledger';

/**
 * An export and an import at the same time on one ledger (the backend's one connection): the import
 * writes in one transaction that stays open across its progress steps, and the export reads its rows
 * a page at a time across awaits. The export must show the ledger as committed when it began.
 */
let t: TestLedger;
beforeEach(() => { t = tempLedger(); });
afterEach(() => t.close());

const landFile = (n: number) => ({ files: [{ name: '上坝镇机关-土地流转台账.xlsx', base64: bigLandSheet(n).toString('base64') }] });
const plots = () => (t.ctx.ledger.sqlite.prepare('select count(*) as n from land_plots').get() as { n: number }).n;

/** The contract numbers (合同编号, column R) of the data rows of an exported T5, read back from the file. */
async function contracts(path: string, rows: number): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0];
  // Title, 填报单位 and two header rows (四至 over 东南西北), then the plots.
  return Array.from({ length: rows }, (_, i) => String(ws.getCell(5 + i, 18).value));
}

describe('an export while an import is writing', () => {
  it('holds only the rows committed when it began: not the import\'s uncommitted rows, nor what it commits meanwhile', async () => {
    // 400 plots committed first: SZ-000001 … SZ-000400.
    await t.api.imports.commit(landFile(400));
    expect(plots()).toBe(400);

    // The same 400 and 1,600 more; at its 1,000th row (its transaction open, rows not yet committed) an export starts.
    let exported: Promise<unknown> | undefined;
    let uncommittedSeen = -1;
    const out = join(t.dir, 'T5-during.xlsx');
    const onProgress = (e: ProgressEvent) => {
      if (exported || e.step !== '写入' || e.done < 1000) return;
      uncommittedSeen = plots(); // what the import's own connection sees at this moment
      exported = t.api.exports.sheet({ sheet: 'T5', reportDate: '2014-06-30', out });
    };
    const imported = await callMethod({ ...t.ctx, progress: onProgress }, 'imports.commit', landFile(2000)) as { totals: { added: number } };
    const during = await exported as { rows: number };

    // The export really started inside the import's transaction, and the import went on to commit.
    expect(uncommittedSeen).toBeGreaterThan(400);
    expect(imported.totals.added).toBe(1600);
    expect(plots()).toBe(2000);
    // The export written meanwhile holds the 400 committed plots, and nothing else.
    expect(during.rows).toBe(400);
    const numbers = await contracts(out, 401);
    expect(numbers.slice(0, 400).sort()).toEqual(Array.from({ length: 400 }, (_, i) => `SZ-${String(i + 1).padStart(6, '0')}`));
    expect(numbers[400]).not.toMatch(/^SZ-/);

    // An export begun after the import holds all 2,000.
    const after = await t.api.exports.sheet({ sheet: 'T5', reportDate: '2014-06-30', out: join(t.dir, 'T5-after.xlsx') }) as { rows: number };
    expect(after.rows).toBe(2000);
  });

  it('started while an import runs that is then cancelled, holds none of the import\'s rows', async () => {
    const ac = new AbortController();
    let exported: Promise<unknown> | undefined;
    const out = join(t.dir, 'T5-cancelled.xlsx');
    const onProgress = (e: ProgressEvent) => {
      if (e.step !== '写入') return;
      if (!exported && e.done >= 500) exported = t.api.exports.sheet({ sheet: 'T5', reportDate: '2014-06-30', out });
      else if (exported && e.done >= 1500) ac.abort();
    };
    await expect(callMethod({ ...t.ctx, progress: onProgress, signal: ac.signal }, 'imports.commit', landFile(2000))).rejects.toThrow('已取消');
    expect(plots()).toBe(0);
    const during = await exported as { rows: number };
    expect(during.rows).toBe(0);
  });
});
