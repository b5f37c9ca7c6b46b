import { once } from 'node:events';
import { createWriteStream, openSync, type WriteStream } from 'node:fs';
import { setImmediate } from 'node:timers/promises';
import type ExcelJS from 'exceljs';
// The streaming writer alone: ExcelJS's main module loads its reader and in-memory workbook too (a
// fifth of a second at every export's start).
import WorkbookWriter from 'exceljs/lib/stream/xlsx/workbook-writer.js';
import { sheetTitle, type SheetColumn, type SheetDef } from '../sheets';
import { cellValue, chineseDate, horizontal, numFmt, textWidth } from './cells';
import type { MeasuredColumns } from './columns';
import type { SheetRow } from './select';
import { SheetSums, singleUnit } from './sums';

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

/**
 * The rows of a sheet: how many, the columns as measured over all of them (columns.ts), where each
 * column's value is in a row (-1: the rows do not have it), and the rows themselves a page at a time.
 */
export type SheetSource = MeasuredColumns & { total: number; index(key: string): number; pages(): Iterable<SheetRow[]> };

/** The stages an export reports: measuring the columns over every row, then writing the rows. */
export type ExportStep = '排版' | '写入';

/** Where the workbook goes, and who hears how far it got (and may stop it by throwing). */
export type SheetOutput = { path: string; onProgress?: (step: ExportStep, done: number, total: number) => void };

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

type Pipe = { _writableState?: { length?: number }; once(event: 'drain', listener: () => void): unknown };

/** Rows written between two turns of the event loop: about one 64 KB piece of the sheet's XML. */
const TURN = 100;
/** Sheet XML the zip may have waiting before the rows stop for it: a few MB, nothing against 300 MB. */
const AHEAD = 4 * 2 ** 20;

/**
 * Lets the zip take in the rows written so far, without letting it fall behind. ExcelJS's streaming
 * writer pushes each committed row into the zip's input without waiting, and the zip deflates one
 * piece per turn of the event loop (on libuv's thread pool): waiting for it to empty at every page
 * would leave this thread idle while it deflates and it idle while rows are made, so rows go on while
 * less than AHEAD waits, and only beyond that wait for it to drain (without any wait the whole
 * uncompressed sheet, about 0.65 MB per 1,000 rows of T2, would pile up). The writer exposes no
 * backpressure, so this looks at its worksheet stream's one pipe (ExcelJS 4.4 internals); if their
 * shape differs it only lets the loop turn.
 */
async function zipCatchUp(ws: ExcelJS.Worksheet): Promise<void> {
  const pipe = (ws as unknown as { stream?: { pipes?: Pipe[] } }).stream?.pipes?.[0];
  if ((pipe?._writableState?.length ?? 0) > AHEAD) await new Promise<void>((resolve) => pipe!.once('drain', resolve));
  else await setImmediate();
}

/**
 * The style of a data row itself (none; its cells have theirs), one object for all rows. A row comes
 * with an empty style object of its own, and ExcelJS looks a style up by the object (a WeakMap) before
 * rendering its XML to find it: one object shared by 100,000 rows is found at once, 100,000 are each rendered.
 */
const NO_ROW_STYLE = Object.freeze({});

/** The style of every cell of a column in data rows (bold in 小计 and 合计), one object shared by all of them. */
function cellStyle(c: SheetColumn, bold: boolean): Partial<ExcelJS.Style> {
  const fmt = numFmt(c);
  return {
    font: font(10, bold),
    border: THIN,
    alignment: { horizontal: horizontal(c), vertical: 'middle', wrapText: c.type === 'text' },
    ...(fmt ? { numFmt: fmt } : {}),
  };
}

/**
 * Writes one district sheet in the district's layout (FORMATS.md "Layout of every sheet"): title,
 * 填报单位 line, grouped header rows, numbered data rows, optional 小计 rows by village, the 合计 row
 * and the signature footer; 宋体 throughout, thin borders on the table, A4 landscape with the header
 * repeated on every page, frozen below the header.
 *
 * Streamed to `out.path` with ExcelJS's streaming writer: rows are committed as they are written and
 * sums added up on the way, so memory stays flat in the row count. A streamed sheet states its column
 * widths before its first row, so the source comes with them measured. With
 * `subtotals` the source must give the rows village by village (sheetQuery's `villageFirst`).
 * If `onProgress` throws (the person cancelled), the file is closed and the error passes on.
 */
export async function writeSheet(def: SheetDef, source: SheetSource, heading: SheetHeading, opts: { subtotals?: boolean }, out: SheetOutput): Promise<WrittenSheet> {
  const { cols, widths } = source;
  const n = cols.length;
  const spans = groupSpans(cols);
  const depth = spans.length ? 2 : 1;
  const headerBottom = HEADER_TOP + depth - 1;
  const sumCols = cols.map((c, i) => [c, i] as const).filter(([c]) => c.sum);
  const villageCol = cols.findIndex((c) => c.key === 'village');

  // Opened here, so that a path that cannot be written fails at once with its own message.
  const stream = createWriteStream(out.path, { fd: openSync(out.path, 'w') });
  // A write that fails later (a full disk) would otherwise leave the writer waiting for ever.
  let streamError: Error | undefined;
  const broken = new Promise<never>((_, reject) => stream.once('error', (e) => { streamError = e; reject(e); }));
  broken.catch(() => undefined);
  // Strings inline (t="str"), not in a shared table that would grow with every distinct name and ID.
  const wb = new WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
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
  printCentered(ws);
  try {
    const written = await writeRows();
    ws.commit();
    await Promise.race([wb.commit(), broken]);
    await closed(stream);
    return written;
  } catch (err) {
    await abandon(wb, ws, stream, streamError !== undefined);
    throw err;
  }

  async function writeRows(): Promise<WrittenSheet> {
    const letter = (i: number) => ws.getColumn(i + 1).letter;
    // Widths go first: the streaming writer writes them with the first committed row.
    widths.forEach((w, i) => { ws.getColumn(i + 1).width = w; });

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
    for (let r = HEADER_TOP; r <= headerBottom; r++) {
      for (let i = 0; i < n; i++) ws.getCell(r, i + 1).border = THIN;
    }

    const plain = cols.map((c) => cellStyle(c, false));
    const bold = cols.map((c) => cellStyle(c, true));
    const styleRow = (row: ExcelJS.Row, lines: number, styles: Partial<ExcelJS.Style>[]) => {
      (row as unknown as { style: object }).style = NO_ROW_STYLE;
      for (let i = 0; i < n; i++) row.getCell(i + 1).style = styles[i];
      row.height = Math.max(1, lines) * 14 + 6;
    };

    const sums = new SheetSums(sumCols.map(([c]) => c), source.index);
    const at = cols.map((c) => source.index(c.key));
    const villageAt = source.index('_village');
    const villageSortAt = source.index('_villageSort');
    let r = headerBottom + 1;
    const firstDataRow = r;
    let seq = 0;
    const subtotalRows: number[] = [];
    let groupStart = r;
    const writeUnit = (row: ExcelJS.Row, c: SheetColumn, unit: string) => {
      const at = cols.findIndex((x) => x.key === c.sumPer);
      if (at >= 0) row.getCell(at + 1).value = unit || null;
    };

    const writeSubtotal = (village: string | null) => {
      const row = ws.getRow(r);
      row.getCell(1).value = '小计';
      if (villageCol >= 0) row.getCell(villageCol + 1).value = village ?? '全镇';
      for (const [c, i] of sumCols) {
        const result = sums.group[c.key] / (c.type === 'int' ? 1 : 100);
        if (c.sumPer) {
          const unit = singleUnit(sums.groupUnits[c.key]);
          if (unit === null) continue;
          writeUnit(row, c, unit);
        }
        row.getCell(i + 1).value = { formula: `SUBTOTAL(9,${letter(i)}${groupStart}:${letter(i)}${r - 1})`, result };
      }
      styleRow(row, 1, bold);
      row.commit();
      subtotalRows.push(r);
      r++;
      groupStart = r;
      sums.newGroup();
    };

    let previous: SheetRow | null = null;
    let done = 0;
    let sinceTurn = 0;
    for (const page of source.pages()) {
      for (const src of page) {
        if (opts.subtotals && previous && src[villageSortAt] !== previous[villageSortAt]) writeSubtotal(previous[villageAt] as string | null);
        const row = ws.getRow(r);
        (row as unknown as { style: object }).style = NO_ROW_STYLE;
        let lines = 1;
        for (let i = 0; i < n; i++) {
          const c = cols[i];
          const v = c.type === 'seq' ? ++seq : cellValue(c, at[i] < 0 ? undefined : src[at[i]]);
          const cell = row.getCell(i + 1);
          cell.value = v;
          cell.style = plain[i];
          // A text at most half as long as its column is wide fits on one line (textWidth counts 2 at most a character).
          if (c.type === 'text' && typeof v === 'string' && 2 * v.length > widths[i] - 1) lines = Math.max(lines, Math.ceil(textWidth(v) / (widths[i] - 1)));
        }
        row.height = lines * 14 + 6;
        sums.add(src);
        row.commit();
        r++;
        previous = src;
        if (++sinceTurn === TURN) {
          sinceTurn = 0;
          await Promise.race([zipCatchUp(ws), broken]);
        }
      }
      done += page.length;
      out.onProgress?.('写入', done, source.total);
    }
    if (opts.subtotals && previous) writeSubtotal(previous[villageAt] as string | null);

    // 合计: money, area and count columns summed (the cached values are the exact integer sums).
    const totalRow = r;
    const total = ws.getRow(r);
    total.getCell(1).value = '合计';
    const totals: Record<string, number> = { ...sums.total };
    for (const [c, i] of sumCols) {
      const result = totals[c.key] / (c.type === 'int' ? 1 : 100);
      const range = `${letter(i)}${firstDataRow}:${letter(i)}${r - 1}`;
      if (c.sumPer && seq) {
        const unit = singleUnit(Object.keys(sums.perUnit[c.key]));
        if (unit === null) { delete totals[c.key]; continue; }
        writeUnit(total, c, unit);
      }
      total.getCell(i + 1).value = seq === 0 ? 0
        : { formula: subtotalRows.length ? `SUBTOTAL(9,${range})` : `SUM(${range})`, result };
    }
    styleRow(total, 1, bold);
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

    return { rows: seq, sums: totals, sumsPer: sums.perUnit, layout: { headerRows: [HEADER_TOP, headerBottom], firstDataRow, totalRow, footerRow } };
  }
}

/**
 * Centres the table on the printed page (horizontalCentered), as the in-memory writer did: ExcelJS's
 * streaming worksheet writes no <printOptions> at all, so it is written just before <pageMargins>,
 * where the schema wants it (ExcelJS 4.4 internals; without them the page is merely left-aligned).
 */
function printCentered(ws: ExcelJS.Worksheet): void {
  const writer = ws as unknown as { _writePageMargins?: () => void; stream: { write(xml: string): void } };
  const margins = writer._writePageMargins?.bind(writer);
  if (!margins) return;
  writer._writePageMargins = () => {
    writer.stream.write('<printOptions horizontalCentered="1"/>');
    margins();
  };
}

/** Resolves once the file is closed (its descriptor let go), so that it can be renamed or removed at once. */
async function closed(stream: WriteStream): Promise<void> {
  if (!stream.closed) await once(stream, 'close');
}

/**
 * After a failure or a cancel: finish the zip of what was written (it is then thrown away) so that no
 * stream is left writing into a file about to be removed; if even that fails, close the file outright.
 */
async function abandon(wb: InstanceType<typeof WorkbookWriter>, ws: ExcelJS.Worksheet, stream: WriteStream, failed: boolean): Promise<void> {
  if (failed) {
    // The file itself failed: the zip could never finish into it.
    stream.destroy();
    await closed(stream);
    return;
  }
  try {
    ws.commit();
    await wb.commit();
  } catch {
    // The original error is the one to report; this one only means the partial file is broken anyway.
    stream.destroy();
  }
  await closed(stream);
}
