import ExcelJS from 'exceljs';
import { plain } from './model';
import type { ReportDoc, ReportTable } from './types';

const FONT = '宋体';
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const font = (size: number, bold = false): Partial<ExcelJS.Font> => ({ name: FONT, size, bold, charset: 134 });

/** "263" and "1940.00" become numbers (so the clerk can sum them); "—", "+3" and words stay text. */
function value(text: string): { v: string | number; fmt?: string } {
  if (/^\d+$/.test(text)) return { v: Number(text) };
  if (/^\d+\.\d{2}$/.test(text)) return { v: Number(text), fmt: '0.00' };
  return { v: text };
}

function tableSheet(wb: ExcelJS.Workbook, name: string, heading: string, t: ReportTable): void {
  const ws = wb.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const n = t.columns.length;
  ws.mergeCells(1, 1, 1, n);
  const title = ws.getCell(1, 1);
  title.value = heading;
  title.font = font(16, true);
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  const header = ws.getRow(2);
  t.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c;
    cell.font = font(11, true);
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN;
  });
  t.rows.forEach((r, ri) => {
    const row = ws.getRow(3 + ri);
    r.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const { v, fmt } = value(typeof c === 'string' ? c : c.text);
      cell.value = v;
      if (fmt) cell.numFmt = fmt;
      cell.font = font(11);
      cell.border = THIN;
      cell.alignment = { horizontal: i === 0 ? 'left' : typeof v === 'number' ? 'right' : 'center', vertical: 'middle' };
    });
  });
  t.columns.forEach((c, i) => {
    const widest = Math.max(c.length, ...t.rows.map((r) => String(typeof r[i] === 'string' ? r[i] : (r[i] as { text: string }).text).length));
    ws.getColumn(i + 1).width = Math.min(48, Math.max(10, widest * 2 + 2));
  });
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  ws.pageSetup.printTitlesRow = '2:2';
}

/** The report's tables as a workbook, a sheet each, with the report's text on the first sheet. */
export async function reportXlsx(doc: ReportDoc): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = doc.township;
  const text = wb.addWorksheet('报告正文', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  text.getColumn(1).width = 100;
  const line = (s: string, f: Partial<ExcelJS.Font>, center = false) => {
    const row = text.addRow([s]);
    row.getCell(1).font = f;
    row.getCell(1).alignment = { wrapText: true, vertical: 'top', horizontal: center ? 'center' : 'left' };
  };
  line(doc.title, font(16, true), true);
  line(`（${doc.period.from} 至 ${doc.period.to}）`, font(12), true);
  line(plain(doc.intro), font(12));
  for (const s of doc.sections) {
    line(s.heading, font(12, true));
    for (const p of s.paragraphs) line(`${p.lead ?? ''}${plain(p.body)}`, font(12));
  }
  doc.tables.forEach((t, i) => tableSheet(wb, `附表${i + 1} ${t.title}`.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '), `${doc.township}${doc.periodLabel}${t.title}`, t));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
