import { describe, expect, it } from 'vitest';
import { cliJson, cliShape } from '../../electron/cli/import';
import type { ImportReport, Issue, SheetReport } from '../../electron/io/import/types';
import { keepWarnings, restoreWarnings } from '../../electron/io/import/warning-log';

const sheet = (over: Partial<SheetReport>): SheetReport => ({
  sheet: '土地流转', kind: 'T5', title: '土地流转台账', hidden: false, skipped: null, unit: '上坝镇机关', headerRows: [3, 3], columns: [],
  rows: 0, added: 0, updated: 0, unchanged: 0, errors: [], warnings: [], preview: [], previewTruncated: false, unlisted: [], notices: [],
  reportDate: null, completeRoster: false, ended: [], ...over,
});
const warning = (row: number): Issue => ({ row, column: '转出方(户主)', message: `台账中没有这一户（新上村 户主${row}），已作为普通户新增；"引号"与\\反斜杠`, code: 'household_created' });

describe('the CLI JSON report written in pieces', () => {
  it('is byte for byte the report as one JSON text: files refused and read, sheets skipped, errors, 1,201 warnings, ended pairings', () => {
    const report: ImportReport = {
      batch: 3, dryRun: false, totals: { rows: 0, added: 0, updated: 0, unchanged: 0, errors: 0, warnings: 0 },
      links: [{ unit: '上坝镇机关', village: '新上村', since: '2014-01-01' }],
      files: [
        { file: '坏.xlsx', sha256: 'x', bytes: 1, format: null, encoding: null, error: '文件已损坏', sheets: [] },
        { file: '上坝镇机关-土地流转台账.xlsx', sha256: 'y', bytes: 2, format: 'xlsx', encoding: null, sheets: [
          sheet({ sheet: '说明', kind: null, skipped: '空白工作表' }),
          sheet({ rows: 1203, added: 1201, updated: 1, unchanged: 1,
            errors: [{ row: 7, column: '流转面积(亩)', message: '不是数字', code: 'number' }, { row: null, column: null, message: '整表' }],
            warnings: Array.from({ length: 1201 }, (_, i) => warning(i + 5)),
            ended: [{ cadre: '张丽', household: '新上村 户主1', until: '2014-06-30' }] }),
        ] },
        { file: '花名册.csv', sha256: 'z', bytes: 3, format: 'csv', encoding: 'gb18030', sheets: [sheet({ sheet: null, kind: 'T1', rows: 0 })] },
      ],
    };
    const pieces = [...cliJson(report)];
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.join('')).toBe(JSON.stringify(cliShape(report)));
    expect(JSON.parse(pieces.join('')).files[1].sheets[1].warnings).toHaveLength(1201);
  });

  it('writes warnings kept deflated during the import (read back a piece at a time) exactly as the same warnings held whole', () => {
    const s = sheet({ rows: 3000, added: 3000, warnings: [{ row: null, column: '备注2', message: '“备注2”列不属于土地流转台账，已忽略', code: 'column_ignored' }] });
    for (let r = 5; r < 3005; r += 2) keepWarnings(s, [warning(r)]);
    s.warnings.push({ row: null, column: null, message: '作为完整花名册导入，但表中有被拒绝的行', code: 'roster_incomplete' });
    const report = restoreWarnings({
      batch: 1, dryRun: false, totals: { rows: 0, added: 0, updated: 0, unchanged: 0, errors: 0, warnings: 0 }, links: [],
      files: [{ file: '上坝镇机关-土地流转台账.xlsx', sha256: 'y', bytes: 2, format: 'xlsx', encoding: null, sheets: [s] }],
    });
    const streamed = [...cliJson(report)].join('');
    const whole = JSON.stringify(cliShape(report));
    expect(streamed).toBe(whole);
    const warnings = JSON.parse(whole).files[0].sheets[0].warnings as Issue[];
    expect(warnings).toHaveLength(1502);
    expect(warnings[0].column).toBe('备注2');
    expect(warnings[1].row).toBe(5);
    expect(warnings[1500].row).toBe(3003);
    expect(warnings[1501].message).toBe('作为完整花名册导入，但表中有被拒绝的行');
  });
});
