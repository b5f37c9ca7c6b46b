import { fromExcelSerial } from '../../values/dates';
import type { SheetColumn, SheetDef } from '../sheets';
import type { DataRow } from './extract';
import { convertCell, isBlank } from './convert';
import { EVENT_DATES } from './kinds';
import type { ColumnMap } from './recognize';
import { cellText } from './recognize';
import { cleanText, stripInvisible } from '../../values/text';
import { RowCtx } from './row';
import type { Issue } from './types';

/** The clerk's answers for words that are not listed values: column key → the word as written → the listed value. */
export type ValueDecisions = Record<string, Record<string, string>>;

/** How an unlisted word is compared: half-width, no spaces (贫困户（已脱贫） and 贫困户(已脱贫) are one word). */
export const valueWord = (s: string) => cleanText(s)?.replace(/\s+/g, '') ?? '';

/** A word the clerk is asked about: where, what it says, and what it would become. */
export type Unlisted = { key: string; original: string; suggestion: string | null };

/**
 * A mapped column, and the last cell it read cleanly with what that cell became: neighbouring rows
 * repeat cells (a household's village, group and ID number on each of its plots, the same 流转方式), and
 * reading a cell depends on nothing else (the same decisions and date system, by identity).
 */
type Field = { m: ColumnMap; col: SheetColumn; raw: unknown; value: unknown; decisions: ValueDecisions | null; date1904: boolean };
type Plan = { def: SheetDef; fields: Field[]; headers: Map<string, string> };
const plans = new WeakMap<ColumnMap[], Plan>();

/**
 * The columns a sheet's rows are read by, worked out once per sheet, not per row: each mapped
 * column with its definition, and the headers messages name (shared by the rows' RowCtx, never changed).
 */
function planOf(def: SheetDef, columns: ColumnMap[]): Plan {
  const had = plans.get(columns);
  if (had?.def === def) return had;
  const plan: Plan = { def, fields: [], headers: new Map() };
  for (const m of columns) {
    const col = m.key ? def.columns.find((c) => c.key === m.key) : undefined;
    if (!col || col.type === 'seq' || col.paperOnly) continue;
    plan.headers.set(col.key, m.header);
    plan.fields.push({ m, col, raw: undefined, value: undefined, decisions: null, date1904: false });
  }
  plans.set(columns, plan);
  return plan;
}

/**
 * Reads one data row's cells as their columns' types. Every problem of the row is reported (each with
 * its column), not only the first, so the clerk can mend the row in one go.
 * A blank 五个知晓/五个关心 cell is left out (undefined): an empty cell never clears a stored √; a
 * new visit stores it as not ticked. Only × / 否 / 0 clears a tick.
 */
export function readRow(def: SheetDef, columns: ColumnMap[], dr: DataRow, date1904: boolean, today: string, decisions: ValueDecisions = {}): RowCtx | (Issue & { unlisted?: Unlisted })[] {
  const values = new Map<string, unknown>();
  const { fields, headers } = planOf(def, columns);
  const issues: (Issue & { unlisted?: Unlisted })[] = [];
  const notes: Issue[] = [];
  for (const f of fields) {
    const { m, col } = f;
    let raw = dr.cells[m.index] ?? null;
    const cell = raw, noted = notes.length;
    if (cell !== null && cell === f.raw && f.decisions === decisions && f.date1904 === date1904) {
      values.set(col.key, f.value);
      continue;
    }
    f.raw = undefined;
    if (typeof raw === 'string') {
      const { text, removed } = stripInvisible(raw);
      if (removed) notes.push({ row: dr.row, column: m.header, code: 'invisible_removed', message: `${m.header}中有 ${removed} 个看不见的控制字符（如文字方向控制符），已去掉` });
      raw = text;
    }
    if (isBlank(raw)) {
      if (col.required) issues.push({ row: dr.row, column: m.header, code: 'missing_required', message: `${m.header}必须填写，本行为空；请补填后再导入` });
      continue;
    }
    if (col.type === 'enum') {
      const said = valueWord(String(raw));
      const chosen = decisions[col.key]?.[said];
      if (chosen !== undefined && col.values?.includes(chosen) && chosen !== said) {
        values.set(col.key, chosen);
        notes.push({ row: dr.row, column: m.header, code: 'value_decided', message: `${m.header}“${String(raw).trim()}”按您的确认记为“${chosen}”` });
        continue;
      }
    }
    const r = convertCell(col, raw, date1904);
    if (r.ok) {
      if (col.max && typeof r.value === 'string' && [...r.value].length > col.max) {
        issues.push({ row: dr.row, column: m.header, code: 'too_long', message: `${m.header}有 ${[...r.value].length} 个字，最多 ${col.max} 个字；请删减后再导入` });
      } else {
        values.set(col.key, r.value);
        // Only a cell read without a note: a note names its row.
        if (notes.length === noted) { f.raw = cell; f.value = r.value; f.decisions = decisions; f.date1904 = date1904; }
      }
    } else {
      const message = r.message.startsWith('身份证号') ? r.message : `${m.header}${r.message}`;
      const unlisted = r.code === 'value_unconfirmed' || r.code === 'bad_enum'
        ? { key: col.key, original: String(raw).trim(), suggestion: r.suggestion ?? null } : undefined;
      issues.push({ row: dr.row, column: m.header, code: r.code, message, ...(unlisted ? { unlisted } : {}) });
    }
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
  const since = values.get('since'), until = values.get('until');
  if (def.code === 'T1' && typeof since === 'string' && typeof until === 'string' && until < since) {
    issues.push({ row: dr.row, column: headers.get('until') ?? null, code: 'end_before_start', message: `${headers.get('until')} ${until} 早于${headers.get('since')} ${since}；请核对结对的起止日期` });
  }
  if (issues.length) return issues;
  const ctx = new RowCtx(dr.row, values, headers);
  ctx.warnings.push(...notes);
  return ctx;
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
    else { const t = stripInvisible(cellText(raw)).text; out.push(t === '' ? null : t); }
  }
  return out;
}
