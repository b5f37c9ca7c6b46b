import { fromExcelSerial } from '../../values/dates';
import type { SheetDef } from '../sheets';
import type { DataRow } from './extract';
import { convertCell, isBlank } from './convert';
import { EVENT_DATES } from './kinds';
import type { ColumnMap } from './recognize';
import { cellText } from './recognize';
import { RowCtx } from './row';
import type { Issue } from './types';

/**
 * Reads one data row's cells as their columns' types. Every problem of the row is reported (each with
 * its column), not only the first, so the clerk can mend the row in one go.
 */
export function readRow(def: SheetDef, columns: ColumnMap[], dr: DataRow, date1904: boolean, today: string): RowCtx | Issue[] {
  const values = new Map<string, unknown>();
  const headers = new Map<string, string>();
  const issues: Issue[] = [];
  for (const m of columns) {
    const col = m.key ? def.columns.find((c) => c.key === m.key) : undefined;
    if (!col || col.type === 'seq' || col.paperOnly) continue;
    headers.set(col.key, m.header);
    const raw = dr.cells[m.index] ?? null;
    if (isBlank(raw)) {
      if (col.type === 'mark') values.set(col.key, false);
      else if (col.required) issues.push({ row: dr.row, column: m.header, code: 'missing_required', message: `${m.header}必须填写，本行为空；请补填后再导入` });
      continue;
    }
    const r = convertCell(col, raw, date1904);
    if (r.ok) values.set(col.key, r.value);
    else issues.push({ row: dr.row, column: m.header, code: r.code, message: r.message.startsWith('身份证号') ? r.message : `${m.header}${r.message}` });
  }
  for (const key of EVENT_DATES[def.code] ?? []) {
    const v = values.get(key);
    if (typeof v === 'string' && v > today) {
      issues.push({ row: dr.row, column: headers.get(key) ?? null, code: 'future_date', message: `${headers.get(key)} ${v} 晚于今天，事情还没有发生；请核对日期` });
    }
  }
  const start = values.get('start'), end = values.get('end');
  if (def.code === 'T5' && typeof start === 'string' && typeof end === 'string' && end < start) {
    issues.push({ row: dr.row, column: headers.get('end') ?? null, code: 'end_before_start', message: `${headers.get('end')} ${end} 早于${headers.get('start')} ${start}；请核对流转期限` });
  }
  return issues.length ? issues : new RowCtx(dr.row, values, headers);
}

/** The row's cells as the preview grid shows them: text, dates of date columns as 2014-03-05. */
export function displayCells(def: SheetDef | null, columns: ColumnMap[], dr: DataRow, date1904: boolean, width: number): (string | null)[] {
  const out: (string | null)[] = [];
  for (let i = 0; i < width; i++) {
    const raw = dr.cells[i] ?? null;
    const m = columns[i];
    const type = m?.key && def ? def.columns.find((c) => c.key === m.key)?.type : undefined;
    if (type === 'date' && typeof raw === 'number' && raw > 1 && raw < 2958465) out.push(fromExcelSerial(raw, date1904));
    else if (type === 'id' && typeof raw === 'number') out.push(String(raw));
    else { const t = cellText(raw); out.push(t === '' ? null : t); }
  }
  return out;
}
