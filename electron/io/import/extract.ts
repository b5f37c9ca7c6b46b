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
  const rows = sheet.rows;
  const filled = new Map<number, CellValue[]>();
  const rowAt = (r: number) => {
    let row = filled.get(r);
    if (!row) filled.set(r, (row = [...(rows[r] ?? [])]));
    return row;
  };
  for (const m of sheet.merges) {
    if (m.r1 <= headerEnd) continue;
    const v = rows[m.r1]?.[m.c1] ?? null;
    if (v === null) continue;
    for (let r = m.r1; r <= m.r2; r++) {
      const row = rowAt(r);
      for (let c = m.c1; c <= m.c2; c++) if (row[c] === null || row[c] === undefined) row[c] = v;
    }
  }
  const out: DataRow[] = [];
  for (let r = headerEnd + 1; r < rows.length; r++) {
    const cells = filled.get(r) ?? rows[r] ?? [];
    const texts = cells.map(cellText).filter((t) => t !== '');
    if (texts.length === 0) continue;
    if (texts.slice(0, 3).some((t) => TOTAL.test(t))) continue;
    if (FOOTER.test(texts[0])) continue;
    if (isHeaderLike(cells)) continue;
    out.push({ row: r + 1, cells });
  }
  return out;
}
