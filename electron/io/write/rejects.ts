import ExcelJS from 'exceljs';
import { sheetByCode, sheetTitle, type SheetCode, type SheetColumn } from '../sheets';
import { textWidth } from './cells';

/** A refused row as 导入记录 keeps it (table import_rejects). */
export type RejectedRow = {
  file: string;
  sheet: string | null;
  kind: string | null;
  unit: string | null;
  row: number | null;
  column: string | null;
  reason: string;
  cells: { header: string; key: string | null; text: string | null }[];
};

const FONT = '宋体';
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const REASON: SheetColumn = { key: '_reason', header: '退回原因', type: 'text', width: 40 };
const PLACE: SheetColumn = { key: '_place', header: '原表位置', type: 'text', width: 18 };

/**
 * 退回清单: one workbook for one unit, a sheet per kind of table, each in the district layout of
 * electron/io/sheets.ts (title, 填报单位 line, grouped header) with the refused rows as the unit wrote
 * them, and two columns more: where the row stood in the unit's file and why it was refused. The
 * cells stay text, as written (a wrong date is sent back as it was, not "corrected"). The unit mends
 * the rows and sends the sheet again; the importer ignores the two extra columns.
 */
export async function writeRejects(unit: string, rows: RejectedRow[], place: { county: string; township: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '双联台账';
  const kinds = [...new Set(rows.map((r) => r.kind).filter((k): k is SheetCode => Boolean(k)))];
  for (const kind of kinds) {
    const def = sheetByCode(kind);
    const cols = [...def.columns.filter((c) => !c.paperOnly), PLACE, REASON];
    const mine = rows.filter((r) => r.kind === kind);
    const ws = wb.addWorksheet(`${def.title.slice(0, 24)}退回`, {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      views: [{ state: 'frozen', ySplit: 4 }],
    });
    const n = cols.length;
    ws.mergeCells(1, 1, 1, n);
    Object.assign(ws.getCell(1, 1), { value: sheetTitle(def, place.county, place.township), font: { name: FONT, size: 16, bold: true }, alignment: { horizontal: 'center' } });
    ws.mergeCells(2, 1, 2, n);
    Object.assign(ws.getCell(2, 1), { value: `填报单位（盖章）：${unit}    以下 ${mine.length} 行未能导入台账，请按“退回原因”改正后重新报送`, font: { name: FONT, size: 11 } });
    // Group header on row 3 over its columns; a single header merged down through row 4.
    cols.forEach((c, i) => {
      const top = ws.getCell(3, i + 1), bottom = ws.getCell(4, i + 1);
      if (c.group) { top.value = c.group; bottom.value = c.header; } else { top.value = c.header; ws.mergeCells(3, i + 1, 4, i + 1); }
    });
    for (let i = 0; i < n; i++) {
      let j = i;
      while (cols[i].group && cols[j + 1]?.group === cols[i].group) j++;
      if (j > i) { ws.mergeCells(3, i + 1, 3, j + 1); i = j; }
    }
    for (const r of [3, 4]) for (let i = 1; i <= n; i++) {
      const cell = ws.getCell(r, i);
      Object.assign(cell, { font: { name: FONT, size: 11, bold: true }, border: THIN, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } });
    }
    mine.forEach((rej, k) => {
      const text = (c: SheetColumn): string | number | null => {
        if (c === PLACE) return `${rej.file}${rej.sheet ? ` · ${rej.sheet}` : ''}${rej.row ? ` · 第 ${rej.row} 行` : ''}`;
        if (c === REASON) return rej.reason;
        if (c.type === 'seq') return k + 1;
        return rej.cells.find((x) => x.key === c.key)?.text ?? null;
      };
      const row = ws.getRow(5 + k);
      cols.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        cell.value = text(c);
        cell.numFmt = c.type === 'seq' ? 'General' : '@';
        cell.font = { name: FONT, size: 10, color: c === REASON ? { argb: 'FFC00000' } : undefined };
        cell.border = THIN;
        cell.alignment = { vertical: 'middle', wrapText: c.type === 'text' };
      });
    });
    cols.forEach((c, i) => {
      const longest = Math.max(textWidth(c.header) + 2, ...mine.map((r) => textWidth(String(ws.getCell(5 + mine.indexOf(r), i + 1).value ?? '')) + 2));
      ws.getColumn(i + 1).width = Math.min(c === REASON ? 60 : 40, Math.max(c.width, longest));
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 退回清单-区统计局-第3批.xlsx */
export const rejectsFileName = (unit: string, batch: number) => `退回清单-${unit}-第${batch}批.xlsx`.replace(/[\\/:*?"<>|]/g, '_');
