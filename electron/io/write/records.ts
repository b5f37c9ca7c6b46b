import ExcelJS from 'exceljs';

export type RecordSheetColumn = { key: string; title: string; type: 'text' | 'int' | 'money' | 'area' | 'number' | 'date' };

/**
 * A plain list of records as an .xlsx (the drill-down of a report figure, a check's findings): a
 * title row, one header row, one row a record, 宋体, thin borders. Money, areas and quantities are
 * kept in hundredths and written as value / 100 with two decimals (quantities as plain numbers).
 */
export async function writeRecordSheet(title: string, columns: RecordSheetColumn[], rows: Record<string, unknown>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '双联台账';
  const ws = wb.addWorksheet(title.replace(/[\\/?*[\]:]/g, '_').slice(0, 31) || '记录', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  const font = (bold = false): Partial<ExcelJS.Font> => ({ name: '宋体', size: 11, bold, charset: 134 });
  const thin: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  const all = [{ key: '_seq', title: '序号', type: 'int' as const }, ...columns];
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
    ws.getColumn(i + 1).width = c.type === 'text' ? 16 : 12;
  });
  rows.forEach((r, k) => {
    all.forEach((c, i) => {
      const cell = ws.getCell(k + 3, i + 1);
      const v = c.key === '_seq' ? k + 1 : r[c.key];
      if (v === null || v === undefined) cell.value = null;
      else if (c.type === 'money' || c.type === 'area') { cell.value = Number(v) / 100; cell.numFmt = '0.00'; }
      else if (c.type === 'number') cell.value = Number(v) / 100;
      else if (c.type === 'int') cell.value = Number(v);
      else { cell.value = String(v); cell.numFmt = '@'; }
      cell.font = font();
      cell.border = thin;
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
