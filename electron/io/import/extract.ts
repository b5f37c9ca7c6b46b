import type { CellValue, RawSheet } from '../read/types';
import { cellText, isHeaderLike } from './recognize';

/** A data row: its number as Excel shows it (1-based), and its cells by column index. */
export type DataRow = { row: number; cells: CellValue[] };

const TOTAL = /^(合\s*计|小\s*计|总\s*计|共\s*计)/;
const FOOTER = /^(单位负责人|负责人|主要负责人|分管领导|审核人|审核|填表人|制表人|填报人|报出日期|填报日期|制表日期|说明[：:]|注[：:]|备注[：:])/;

/**
 * The records of a sheet below its header: blank rows, 合计/小计 rows, footers and repeated header rows
 * left out; a cell merged down (a 村 over its households) given to every row it covers.
 */
export function dataRows(sheet: RawSheet, headerEnd: number): DataRow[] {
  const next = dataRowReader(headerEnd, sheet.merges);
  const out: DataRow[] = [];
  for (let r = headerEnd + 1; r < sheet.rows.length; r++) out.push(...next(r, sheet.rows[r] ?? []));
  return out;
}

/**
 * `dataRows` for a sheet that arrives row by row (a streamed read): give it the sheet's rows in order
 * (those holding a value are enough); it returns the records up to that row, including rows left out
 * of the stream that a merge above fills. A merge is taken from its top row's value when that row comes.
 */
export function dataRowReader(headerEnd: number, merges: RawSheet['merges']): (r: number, cells: CellValue[]) => DataRow[] {
  const starting = new Map<number, { i: number; m: RawSheet['merges'][number] }[]>();
  merges.forEach((m, i) => {
    if (m.r1 <= headerEnd) return;
    let list = starting.get(m.r1);
    if (!list) starting.set(m.r1, (list = []));
    list.push({ i, m });
  });
  // Merges over the rows being read, in the sheet's order (the first one fills a cell two of them cover).
  let active: { i: number; m: RawSheet['merges'][number]; v: CellValue }[] = [];
  let next = headerEnd + 1;
  const one = (r: number, raw: CellValue[], out: DataRow[]) => {
    const starts = starting.get(r);
    if (starts) {
      for (const s of starts) {
        const v = raw[s.m.c1] ?? null;
        if (v !== null) active.push({ ...s, v });
      }
      active.sort((a, b) => a.i - b.i);
    }
    if (active.length) active = active.filter((a) => a.m.r2 >= r);
    let cells = raw;
    if (active.length) {
      cells = [...raw];
      for (const a of active) for (let c = a.m.c1; c <= a.m.c2; c++) if (cells[c] === null || cells[c] === undefined) cells[c] = a.v;
    }
    // The first three cells with text tell a record from a blank, 合计, footer or repeated header row. A
    // number's text is never one of their words, and a row with a number is no header (isHeaderLike):
    // a record, which nearly every row is, is told without the text of each of its cells.
    let texts = 0, number = false;
    for (let c = 0; c < cells.length && texts < 3; c++) {
      const v = cells[c];
      if (typeof v === 'number') { texts++; number = true; continue; }
      const t = cellText(v);
      if (t === '') continue;
      if (TOTAL.test(t) || (texts === 0 && FOOTER.test(t))) return;
      texts++;
    }
    if (texts === 0) return;
    if (!number && isHeaderLike(cells)) return;
    out.push({ row: r + 1, cells });
  };
  return (r, cells) => {
    const out: DataRow[] = [];
    if (r < next) return out;
    // Rows without a value of their own count only where a merge above fills them.
    for (let g = next; g < r && active.some((a) => a.m.r2 >= g); g++) one(g, [], out);
    one(r, cells, out);
    next = r + 1;
    return out;
  };
}
