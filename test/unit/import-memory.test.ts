import { describe, expect, it } from 'vitest';
import { SeenStore } from '../../electron/io/import/seen';
import type { ImportReport, Issue, SheetReport } from '../../electron/io/import/types';
import { keepWarnings, restoreWarnings, warningCount } from '../../electron/io/import/warning-log';

describe('SeenStore (what a file said about each household, the oldest on disk)', () => {
  it('gives back every entry as it was given, the first row to name a key staying, in memory and on disk alike', () => {
    const s = new SeenStore({ keep: 2 });
    const values = (i: number) => ({ village_id: i % 9, head: `户主${i}`, size: i % 2 ? undefined : i, note: null, income_fen: i * 1.5 });
    for (let i = 0; i < 50; i++) s.add(`id:${i}`, { row: i + 5, values: values(i) });
    // A later row naming the same household (on disk or still in memory) does not replace the first.
    s.add('id:0', { row: 900, values: { head: '别人' } });
    s.add('id:49', { row: 901, values: { head: '别人' } });
    for (let i = 0; i < 50; i++) {
      const got = s.get(`id:${i}`)!;
      expect(got.row).toBe(i + 5);
      expect(got.values).toStrictEqual(values(i));
    }
    expect(s.get('id:50')).toBeUndefined();
    s.clear();
    expect(s.get('id:0')).toBeUndefined();
    expect(s.get('id:49')).toBeUndefined();
  });
});

describe('keepWarnings (a sheet\'s row warnings held deflated while its rows are written)', () => {
  const sheet = (): SheetReport => ({
    sheet: '土地流转', kind: 'T5', title: null, hidden: false, skipped: null, unit: null, headerRows: null, columns: [], rows: 0, added: 0, updated: 0,
    unchanged: 0, errors: [], warnings: [], preview: [], previewTruncated: false, unlisted: [], notices: [], reportDate: null, completeRoster: false, ended: [],
  });
  const report = (sheets: SheetReport[]): ImportReport => ({
    batch: 1, dryRun: false, links: [], totals: { rows: 0, added: 0, updated: 0, unchanged: 0, errors: 0, warnings: 0 }, files: [{ file: 'a.xlsx', sha256: '', bytes: 0, format: 'xlsx', encoding: null, sheets }],
  });

  it('counts them while kept and puts them back in the order given, between the sheet\'s own warnings before and after its rows', () => {
    const s = sheet();
    const before: Issue = { row: null, column: '备注2', message: '“备注2”列不属于土地流转台账，已忽略', code: 'column_ignored' };
    s.warnings.push(before);
    const rows: Issue[] = [];
    for (let r = 5; r < 1005; r++) {
      const w: Issue[] = [{ row: r, column: '转出方(户主)', message: `台账中没有这一户（新上村 户主${r}），已作为普通户新增`, code: 'household_created' }];
      if (r % 7 === 0) w.push({ row: r, column: '流转面积(亩)', code: 'value_decided', message: `流转面积(亩)“${r}”按您的确认记为“${r}”` });
      if (r % 11 === 0) w.push({ row: r, column: null, message: '没有代码的提示' });
      rows.push(...w);
      keepWarnings(s, w);
    }
    const after: Issue = { row: null, column: null, message: '表中有被拒绝的行', code: 'roster_incomplete' };
    s.warnings.push(after);
    expect(warningCount(s)).toBe(rows.length + 2);
    const other = sheet();
    keepWarnings(other, [{ row: 9, column: 'x', message: '另一张表' }]);
    restoreWarnings(report([s, other]));
    expect(s.warnings).toStrictEqual([before, ...rows, after]);
    expect(other.warnings).toStrictEqual([{ row: 9, column: 'x', message: '另一张表' }]);
    // Restored once: a second restore changes nothing and the count is the array's.
    restoreWarnings(report([s, other]));
    expect(s.warnings.length).toBe(rows.length + 2);
    expect(warningCount(s)).toBe(rows.length + 2);
  });
});
