import { createWriteStream, openSync } from 'node:fs';
import ExcelJS from 'exceljs';

export type RecordSheetColumn = { key: string; title: string; type: 'text' | 'int' | 'money' | 'area' | 'number' | 'date' };

/**
 * A plain list of records as an .xlsx (the drill-down of a report figure, a check's findings): a
 * title row, one header row, one row a record, 宋体, thin borders. Money, areas and quantities are
 * kept in hundredths and written as value / 100 with two decimals (quantities as plain numbers).
 * Streamed to `path` with ExcelJS's streaming writer, each row committed as it is written.
 */
export async function writeRecordSheet(path: string, title: string, columns: RecordSheetColumn[], rows: Record<string, unknown>[]): Promise<void> {
  // Opened here, so that a path that cannot be written fails at once with its own message.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(path, { fd: openSync(path, 'w') }), useStyles: true, useSharedStrings: false });
  wb.creator = '双联台账';
  const ws = wb.addWorksheet(title.replace(/[\\/?*[\]:]/g, '_').slice(0, 31) || '记录', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  const font = (bold = false): Partial<ExcelJS.Font> => ({ name: '宋体', size: 11, bold, charset: 134 });
  const thin: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  const all = [{ key: '_seq', title: '序号', type: 'int' as const }, ...columns];
  all.forEach((c, i) => { ws.getColumn(i + 1).width = c.type === 'text' ? 16 : 12; });
  ws.mergeCells(1, 1, 1, all.length);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { ...font(true), size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  all.forEach((c, i) => {
    const cell = ws.getCell(2, i + 1);
    cell.value = c.title;
    cell.font = font(true);
    cell.border = thin;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  // One style object per column, shared by its cells (the streaming writer then looks it up once);
  // an empty cell keeps no number format, as before.
  const empty: Partial<ExcelJS.Style> = { font: font(), border: thin };
  const styles = all.map((c): Partial<ExcelJS.Style> => ({
    font: font(), border: thin,
    ...(c.type === 'money' || c.type === 'area' ? { numFmt: '0.00' } : c.type === 'text' || c.type === 'date' ? { numFmt: '@' } : {}),
  }));
  rows.forEach((r, k) => {
    const row = ws.getRow(k + 3);
    all.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const v = c.key === '_seq' ? k + 1 : r[c.key];
      if (v === null || v === undefined) cell.value = null;
      else if (c.type === 'money' || c.type === 'area' || c.type === 'number') cell.value = Number(v) / 100;
      else if (c.type === 'int') cell.value = Number(v);
      else cell.value = String(v);
      cell.style = v === null || v === undefined ? empty : styles[i];
    });
    row.commit();
  });
  ws.commit();
  await wb.commit();
}
