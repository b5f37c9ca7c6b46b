import ExcelJS from 'exceljs';
import { sheetTitle, type SheetColumn, type SheetDef } from '../sheets';
import { cellValue, chineseDate, horizontal, numFmt, shownText, textWidth } from './cells';
import type { SheetRow } from './select';

/** What the title, the 填报单位 line and the footer print. */
export type SheetHeading = {
  county: string;
  township: string;
  /** 填报单位（盖章）. */
  unit: string;
  filledBy: string;
  phone: string;
  checkedBy: string;
  head: string;
  /** 填报时间 and 报出日期, YYYY-MM-DD. */
  reportDate: string;
};

export type WrittenSheet = {
  buffer: Buffer;
  rows: number;
  /**
   * 合计 of each summed column, in the ledger's units (分, hundredths of a 亩, hundredths, whole counts).
   * A column summed per unit (sumPer) is here only when all its rows share one unit.
   */
  sums: Record<string, number>;
  /** A column summed per unit: its sum for each unit, e.g. { quantity: { 册: 267000, 条: 1500 } }. */
  sumsPer: Record<string, Record<string, number>>;
  /** Where things are, for tests and messages: 1-based row numbers. */
  layout: { headerRows: [number, number]; firstDataRow: number; totalRow: number; footerRow: number };
};

export const FONT = '宋体';
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' },
};
const TITLE_ROW = 1;
const INFO_ROW = 2;
const HEADER_TOP = 3;

/** Consecutive columns under the same group header: [group, first index, last index]. */
function groupSpans(cols: SheetColumn[]): [string, number, number][] {
  const spans: [string, number, number][] = [];
  cols.forEach((c, i) => {
    const last = spans[spans.length - 1];
    if (c.group && last && last[0] === c.group && last[2] === i - 1) last[2] = i;
    else if (c.group) spans.push([c.group, i, i]);
  });
  return spans;
}

function font(size: number, bold = false): Partial<ExcelJS.Font> {
  return { name: FONT, size, bold, charset: 134 };
}

/**
 * Writes one district sheet in the district's layout (FORMATS.md "Layout of every sheet"): title,
 * 填报单位 line, grouped header rows, numbered data rows, optional 小计 rows by village, the 合计 row
 * and the signature footer; 宋体 throughout, thin borders on the table, A4 landscape with the header
 * repeated on every page, frozen below the header.
 */
export async function writeSheet(def: SheetDef, input: SheetRow[], heading: SheetHeading, opts: { subtotals?: boolean } = {}): Promise<WrittenSheet> {
  const cols = def.columns;
  const n = cols.length;
  const spans = groupSpans(cols);
  const depth = spans.length ? 2 : 1;
  const headerBottom = HEADER_TOP + depth - 1;
  const sumCols = cols.map((c, i) => [c, i] as const).filter(([c]) => c.sum);
  const villageCol = cols.findIndex((c) => c.key === 'village');

  // Subtotals need the rows of one village together; a stable sort keeps the sheet's own order within it.
  const rows = opts.subtotals ? [...input].sort((a, b) => a._villageSort - b._villageSort) : input;

  const wb = new ExcelJS.Workbook();
  wb.creator = '双联台账';
  wb.created = new Date();
  const ws = wb.addWorksheet(def.title.slice(0, 31), {
    properties: { defaultRowHeight: 18 },
    pageSetup: {
      paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_TOP}:${headerBottom}`,
    },
    headerFooter: { oddFooter: '&"宋体"&10第 &P 页，共 &N 页' },
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerBottom, topLeftCell: `A${headerBottom + 1}`, activeCell: `A${headerBottom + 1}` }],
  });
  const letter = (i: number) => ws.getColumn(i + 1).letter;

  // Title and 填报单位 line, each merged across the table.
  ws.mergeCells(TITLE_ROW, 1, TITLE_ROW, n);
  const title = ws.getCell(TITLE_ROW, 1);
  title.value = sheetTitle(def, heading.county, heading.township);
  title.font = font(18, true);
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(TITLE_ROW).height = 34;
  ws.mergeCells(INFO_ROW, 1, INFO_ROW, n);
  const info = ws.getCell(INFO_ROW, 1);
  info.value = `填报单位（盖章）：${heading.unit}    填报人：${heading.filledBy}    电话：${heading.phone}    填报时间：${chineseDate(heading.reportDate)}`;
  info.font = font(11);
  info.alignment = { horizontal: 'left', vertical: 'middle' };
  ws.getRow(INFO_ROW).height = 22;

  // Header: a group header merged over its columns, a single header merged down through the header rows.
  const headerCell = (r: number, c: number, text: string) => {
    const cell = ws.getCell(r, c + 1);
    cell.value = text;
    cell.font = font(11, true);
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  cols.forEach((c, i) => {
    if (c.group) headerCell(headerBottom, i, c.header);
    else {
      headerCell(HEADER_TOP, i, c.header);
      if (depth > 1) ws.mergeCells(HEADER_TOP, i + 1, headerBottom, i + 1);
    }
  });
  for (const [group, a, b] of spans) {
    headerCell(HEADER_TOP, a, group);
    if (b > a) ws.mergeCells(HEADER_TOP, a + 1, HEADER_TOP, b + 1);
  }
  for (let r = HEADER_TOP; r <= headerBottom; r++) ws.getRow(r).height = r === headerBottom ? 30 : 20;

  // Widths: at least the table's, wide enough for the longest value (names, 18-digit IDs whole);
  // free text wraps beyond 40.
  // A short header stays on one line; a mark column's (经济状况) and a long one's wrap onto two.
  const headerWidth = (c: SheetColumn) => {
    const w = textWidth(c.header);
    return c.type === 'mark' || w > 10 ? Math.ceil(w / 2) + 2.5 : w + 1.5;
  };
  const widths = cols.map((c) => Math.max(c.width, headerWidth(c)));
  const cap = (c: SheetColumn) => (c.type === 'text' ? 40 : 60);

  const values = rows.map((r) => cols.map((c) => cellValue(c, r[c.key])));
  values.forEach((vals) => vals.forEach((v, i) => {
    if (v !== null) widths[i] = Math.min(cap(cols[i]), Math.max(widths[i], Math.ceil(textWidth(shownText(cols[i], v))) + 2));
  }));
  widths.forEach((w, i) => { ws.getColumn(i + 1).width = w; });

  const styleRow = (r: number, lines = 1, bold = false) => {
    const row = ws.getRow(r);
    cols.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.font = font(10, bold);
      cell.border = THIN;
      cell.alignment = { horizontal: horizontal(c), vertical: 'middle', wrapText: c.type === 'text' };
      const fmt = numFmt(c);
      if (fmt) cell.numFmt = fmt;
    });
    row.height = Math.max(1, lines) * 14 + 6;
  };
  for (let r = HEADER_TOP; r <= headerBottom; r++) {
    for (let i = 0; i < n; i++) ws.getCell(r, i + 1).border = THIN;
  }

  const sums: Record<string, number> = Object.fromEntries(sumCols.map(([c]) => [c.key, 0]));
  let r = headerBottom + 1;
  const firstDataRow = r;
  let seq = 0;
  const subtotalRows: number[] = [];
  let groupStart = r;
  let groupSums: Record<string, number> = { ...sums };

  // The units met by each per-unit column, overall and in the current 小计 group.
  const perCols = sumCols.filter(([c]) => c.sumPer);
  const unitOf = (c: SheetColumn, src: SheetRow) => String(src[c.sumPer!] ?? '');
  const sumsPer: Record<string, Record<string, number>> = Object.fromEntries(perCols.map(([c]) => [c.key, {}]));
  let groupUnits: Record<string, Set<string>> = Object.fromEntries(perCols.map(([c]) => [c.key, new Set<string>()]));
  /** The one unit of a per-unit column in these rows, or null when they differ (the cell then stays empty). */
  const single = (units: Set<string> | Iterable<string>) => { const u = [...units]; return u.length === 1 ? u[0] : null; };
  const writeUnit = (row: ExcelJS.Row, c: SheetColumn, unit: string) => {
    const at = cols.findIndex((x) => x.key === c.sumPer);
    if (at >= 0) row.getCell(at + 1).value = unit || null;
  };

  const writeSubtotal = (village: string | null) => {
    const row = ws.getRow(r);
    row.getCell(1).value = '小计';
    if (villageCol >= 0) row.getCell(villageCol + 1).value = village ?? '全镇';
    for (const [c, i] of sumCols) {
      const result = groupSums[c.key] / (c.type === 'int' ? 1 : 100);
      if (c.sumPer) {
        const unit = single(groupUnits[c.key]);
        if (unit === null) continue;
        writeUnit(row, c, unit);
      }
      row.getCell(i + 1).value = { formula: `SUBTOTAL(9,${letter(i)}${groupStart}:${letter(i)}${r - 1})`, result };
    }
    styleRow(r, 1, true);
    subtotalRows.push(r);
    r++;
  };

  rows.forEach((src, k) => {
    const row = ws.getRow(r);
    const vals = values[k];
    let lines = 1;
    cols.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.value = c.type === 'seq' ? ++seq : vals[i];
      if (c.type === 'text' && vals[i] !== null) lines = Math.max(lines, Math.ceil(textWidth(String(vals[i])) / (widths[i] - 1)));
    });
    for (const [c] of sumCols) {
      const v = src[c.key];
      if (typeof v === 'number') { sums[c.key] += v; groupSums[c.key] += v; }
      if (c.sumPer && typeof v === 'number') {
        const unit = unitOf(c, src);
        sumsPer[c.key][unit] = (sumsPer[c.key][unit] ?? 0) + v;
        groupUnits[c.key].add(unit);
      }
    }
    styleRow(r, lines);
    r++;
    if (opts.subtotals && (k === rows.length - 1 || rows[k + 1]._villageSort !== src._villageSort)) {
      writeSubtotal(src._village);
      groupStart = r;
      groupSums = Object.fromEntries(sumCols.map(([c]) => [c.key, 0]));
      groupUnits = Object.fromEntries(perCols.map(([c]) => [c.key, new Set<string>()]));
    }
  });

  // 合计: money, area and count columns summed (the cached values are the exact integer sums).
  const totalRow = r;
  const total = ws.getRow(r);
  total.getCell(1).value = '合计';
  for (const [c, i] of sumCols) {
    const result = sums[c.key] / (c.type === 'int' ? 1 : 100);
    const range = `${letter(i)}${firstDataRow}:${letter(i)}${r - 1}`;
    if (c.sumPer && rows.length) {
      const unit = single(Object.keys(sumsPer[c.key]));
      if (unit === null) { delete sums[c.key]; continue; }
      writeUnit(total, c, unit);
    }
    total.getCell(i + 1).value = rows.length === 0 ? 0
      : { formula: subtotalRows.length ? `SUBTOTAL(9,${range})` : `SUM(${range})`, result };
  }
  styleRow(r, 1, true);
  r += 2;

  // Footer: four signature fields spread across the width, as the district's papers print them.
  const footerRow = r;
  const q = Math.max(1, Math.floor(n / 4));
  const footer = [`单位负责人：${heading.head}`, `审核人：${heading.checkedBy}`, `填表人：${heading.filledBy}`, `报出日期：${chineseDate(heading.reportDate)}`];
  footer.forEach((text, k) => {
    const cell = ws.getCell(footerRow, 1 + k * q);
    cell.value = text;
    cell.font = font(11);
    cell.alignment = { horizontal: 'left', vertical: 'middle' };
  });
  ws.getRow(footerRow).height = 22;
  ws.pageSetup.printArea = `A1:${letter(n - 1)}${footerRow}`;

  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, rows: rows.length, sums, sumsPer, layout: { headerRows: [HEADER_TOP, headerBottom], firstDataRow, totalRow, footerRow } };
}
