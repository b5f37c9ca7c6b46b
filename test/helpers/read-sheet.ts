import XLSX from 'xlsx';
import { headerKey, type SheetColumn, type SheetDef } from '../../electron/io/sheets';
import { parseDate } from '../../electron/values/dates';
import { parseIdNumber } from '../../electron/values/idcard';
import { parseScaled } from '../../electron/values/numbers';
import { cleanText } from '../../electron/values/text';

export type ReadValue = string | number | boolean | null;

/**
 * Reads a district sheet the way an importer must (FORMATS.md): the header found by its content (the
 * row holding 序号), each column named by its lowest header cell, data rows up to 合计, 小计 rows
 * skipped, values parsed with the ledger's own value parsers into the ledger's units. A test reader,
 * deliberately small: it proves what the export writes is readable, not how units' files are read.
 */
export function readDistrictSheet(bytes: Buffer, def: SheetDef): { headers: string[]; rows: Record<string, ReadValue>[] } {
  const wb = XLSX.read(bytes);
  const ws = wb.Sheets[wb.SheetNames[0]];
  const grid = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null, blankrows: true });
  const top = grid.findIndex((r) => r.some((c) => typeof c === 'string' && headerKey(c) === '序号'));
  if (top < 0) throw new Error('no header row with 序号');
  let bottom = top;
  while (bottom + 1 < grid.length && !grid[bottom + 1].some((c) => typeof c === 'number')) bottom++;
  const width = Math.max(...grid.slice(top, bottom + 1).map((r) => r.length));
  const headers = Array.from({ length: width }, (_, c) => {
    for (let r = bottom; r >= top; r--) {
      const v = grid[r][c];
      if (typeof v === 'string' && v.trim()) return headerKey(v);
    }
    return '';
  });
  const byHeader = new Map<string, SheetColumn>();
  for (const col of def.columns) for (const w of [col.header, ...(col.synonyms ?? [])]) byHeader.set(headerKey(w), col);
  const cols = headers.map((h) => byHeader.get(h) ?? null);

  const rows: Record<string, ReadValue>[] = [];
  for (const line of grid.slice(bottom + 1)) {
    const first = line[0];
    if (first === '合计') break;
    if (first === '小计' || line.every((c) => c === null || c === '')) continue;
    const row: Record<string, ReadValue> = {};
    cols.forEach((col, i) => { if (col && col.type !== 'seq' && !col.paperOnly) row[col.key] = parse(col, line[i] ?? null); });
    rows.push(row);
  }
  return { headers, rows };
}

function parse(col: SheetColumn, v: unknown): ReadValue {
  if (v === null || v === '') return col.type === 'mark' ? false : null;
  const ok = <T>(r: { ok: true; value: T } | { ok: false; reason: string }): T => {
    if (!r.ok) throw new Error(`${col.header}: ${r.reason}`);
    return r.value;
  };
  switch (col.type) {
    case 'id': return ok(parseIdNumber(v));
    case 'date': return ok(parseDate(v));
    case 'money': case 'area': case 'number': return ok(parseScaled(v, 2));
    case 'int': return ok(parseScaled(v, 0));
    case 'mark': return v === '√';
    default: return cleanText(v);
  }
}
