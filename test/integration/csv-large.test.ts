import { describe, expect, it } from 'vitest';
import { VILLAGES, groupName } from '../../seeds/base';
import { importFiles } from '../../electron/io/import/run';
import { LIMITS } from '../../electron/io/read/limits';
import { WorkbookReader } from '../../electron/io/read/read';
import { tempLedger } from '../helpers/ledger';
import { idNumber } from '../helpers/sheets';

const ROWS = 91_313;
const HEADER = ['序号', '村', '村民小组', '户主姓名', '身份证号码', '性别', '民族', '家庭人口', '劳动力', '户类型', '贫困户属性', '主要致贫原因', '年人均纯收入(元)', '联系电话', '备注'];
const NOTE = '该户家庭情况已由联户干部入户核实。帮扶措施已落实到位。'.repeat(5);

/** A 帮扶户基本信息表 as a UTF-8 CSV: 91,313 households × 15 columns, about 45 MB. */
function bigCsv(): Buffer {
  const lines = [HEADER.join(',')];
  const base = Date.UTC(1940, 0, 1);
  for (let i = 0; i < ROWS; i++) {
    const v = VILLAGES[i % VILLAGES.length];
    const birth = new Date(base + (i % 20_000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
    const seq = 100 + Math.floor(i / 20_000) * 2 + (i % 2);
    lines.push([i + 1, v.name, groupName(1 + (i % v.groups)), `户主${i + 1}`, idNumber(birth, seq), seq % 2 ? '男' : '女', '汉族',
      1 + (i % 6), i % 3, i % 5 ? '贫困户' : '特殊户', '', '缺技术', 1500 + (i % 1000), `139${String(10_000_000 + i).slice(0, 8)}`, `${NOTE}${i}`].join(','));
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

describe('a large CSV inside every stated limit', () => {
  it('imports 45 MB, 91,313 rows × 15 columns, read as a stream in the capped reading process', async () => {
    const bytes = bigCsv();
    expect(bytes.length).toBeGreaterThan(44 * 1024 * 1024);
    expect(bytes.length).toBeLessThan(LIMITS.fileBytes);
    const t = tempLedger();
    const reader = new WorkbookReader();
    try {
      const r = await importFiles(t.ctx.ledger.sqlite, [{ name: '上坝镇机关-帮扶户.csv', bytes }], { dryRun: false, reader: { process: reader, own: false }, previewRows: 0 });
      expect(r.files[0].error).toBeUndefined();
      expect(r.files[0]).toMatchObject({ format: 'csv', encoding: 'UTF-8' });
      const sheet = r.files[0].sheets[0];
      expect(sheet.kind).toBe('T2');
      expect(sheet.errors).toEqual([]);
      expect(sheet.added).toBe(ROWS);
      const n = (t.ctx.ledger.sqlite.prepare('select count(*) as n from households').get() as { n: number }).n;
      expect(n).toBe(ROWS);
      const last = t.ctx.ledger.sqlite.prepare('select head, note from households where head = ?').get(`户主${ROWS}`) as { head: string; note: string };
      expect(last.note).toBe(`${NOTE}${ROWS - 1}`);
    } finally {
      await reader.close();
      t.close();
    }
  }, 600_000);
});
