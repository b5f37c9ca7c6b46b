import type * as XLSX from 'xlsx';
import { parseDate } from '../../values/dates';
import { decodeText, parseCsv } from './csv';
import { LIMITS, mb } from './limits';
import { ReadRefusal, type CellValue, type RawMerge, type RawSheet, type RawWorkbook } from './types';
import { readXlsxStream, streamXlsxSheet, worthStreaming, type RowBatch, type SheetHead } from './xlsx-stream';
import { checkInflatedSizes, checkZip, inMemory, zipDirectory, zipEntryText, type ByteSource, type ZipEntry } from './zip';

/**
 * SheetJS and its code pages, loaded at the first file that needs them: a big xlsx is read by our own
 * streaming reader, and loading them cost the reading process a third of a second before its first row.
 */
let sheetjs: Promise<typeof XLSX> | null = null;
function loadSheetJs(): Promise<typeof XLSX> {
  sheetjs ??= Promise.all([import('xlsx'), import('xlsx/dist/cpexcel.full.mjs')]).then(([x, cptable]) => {
    // Old .xls (BIFF5) from Chinese Excel and WPS store text in code page 936.
    x.set_cptable(cptable);
    return x;
  });
  return sheetjs;
}

const ERROR_TEXT: Record<number, string> = { 0: '#NULL!', 7: '#DIV/0!', 15: '#VALUE!', 23: '#REF!', 29: '#NAME?', 36: '#NUM!', 42: '#N/A', 43: '#GETTING_DATA' };
const PASSWORD = '文件设有密码（已加密），请在 Excel 或 WPS 中取消密码后另存，再导入';
const NOT_A_SHEET = (ext: string) =>
  `${ext ? `扩展名是 .${ext}，但` : ''}文件内容不是表格（Excel、WPS、ODS 或 CSV），请确认选对了文件`;

type Format = RawWorkbook['format'];

function extension(name: string): string {
  const m = /\.([^.\\/]+)$/.exec(name);
  return m ? m[1].toLowerCase() : '';
}

const isOle = (b: Uint8Array) => b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1 && b[6] === 0x1a && b[7] === 0xe1;
const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6);
/** A bare BIFF2–BIFF4 worksheet (Excel 2.x–4.0): a BOF record, no OLE container. */
const isBareBiff = (b: Uint8Array) => b.length >= 4 && b[1] <= 0x08 && [0x09, 0x0209, 0x0409, 0x0809].includes(b[0] | (b[1] << 8)) && b[2] >= 4 && b[2] <= 20 && b[3] === 0;

function looksLikeText(b: Uint8Array): boolean {
  const n = Math.min(b.length, 8192);
  for (let i = 0; i < n; i++) if (b[i] === 0) return b[0] === 0xff || b[0] === 0xfe; // UTF-16 has NULs
  return true;
}

/** Decides what the bytes are, refusing what is not a spreadsheet before any parser runs. */
export function sniff(bytes: Uint8Array, name: string): Format | 'sheetjs-text' {
  const ext = extension(name);
  if (bytes.length === 0) throw new ReadRefusal('文件是空的（0 字节），请让报送单位重新发送');
  if (bytes.length > LIMITS.fileBytes) throw new ReadRefusal(`文件有 ${mb(bytes.length)}，超过导入上限 ${mb(LIMITS.fileBytes)}；请按村或按单位拆分后再导入`);
  if (isZip(bytes)) return checkZip(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (isOle(bytes) || isBareBiff(bytes)) return 'xls';
  if (!looksLikeText(bytes)) throw new ReadRefusal(NOT_A_SHEET(ext));
  const head = decodeText(bytes.subarray(0, 2048)).text.replace(/^\s+/, '').slice(0, 1024);
  // Web systems and old Office save tables as XML or HTML under an .xls name; SheetJS reads those.
  if (/^<(\?xml|Workbook|office:document|html|table|!DOCTYPE html)/i.test(head)) return 'sheetjs-text';
  if (/^ID;P/.test(head) && ext === 'slk') return 'sheetjs-text';
  if (['csv', 'txt', 'tsv'].includes(ext)) return 'csv';
  throw new ReadRefusal(NOT_A_SHEET(ext));
}

function cellValue(cell: XLSX.CellObject | undefined, date1904: boolean): CellValue {
  if (!cell) return null;
  switch (cell.t) {
    case 's': return cell.v === undefined || cell.v === '' ? null : String(cell.v);
    case 'n': return typeof cell.v === 'number' && Number.isFinite(cell.v) ? cell.v : null;
    case 'b': return Boolean(cell.v);
    case 'e': return ERROR_TEXT[cell.v as number] ?? '#ERROR';
    case 'd': {
      const r = parseDate(cell.v, { date1904 });
      return r.ok ? r.value : null;
    }
    default: return null;
  }
}

function toRawSheet(ws: XLSX.WorkSheet | undefined, name: string, hidden: boolean, date1904: boolean, budget: { cells: number }): RawSheet {
  const data = (ws?.['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  if (data.length > LIMITS.sheetRows) {
    throw new ReadRefusal(`工作表“${name}”超过 ${LIMITS.sheetRows.toLocaleString('en-US')} 行，超过导入上限；请拆分后再导入`);
  }
  const rows: CellValue[][] = [];
  let last = -1;
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    if (!src) { rows.push([]); continue; }
    const row: CellValue[] = [];
    const n = Math.min(src.length, LIMITS.columns);
    for (let c = 0; c < n; c++) {
      const v = cellValue(src[c], date1904);
      row[c] = v;
      if (v !== null) {
        last = r;
        if (--budget.cells < 0) throw new ReadRefusal(`文件的非空单元格超过 ${LIMITS.cells.toLocaleString('en-US')} 个，超过导入上限；请拆分后再导入`);
      }
    }
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
    while (row.length && row[row.length - 1] === null) row.pop();
    rows.push(row);
  }
  rows.length = last + 1;
  const merges: RawMerge[] = (ws?.['!merges'] ?? []).slice(0, 100_000)
    .map((m) => ({ r1: m.s.r, c1: m.s.c, r2: Math.min(m.e.r, last), c2: Math.min(m.e.c, LIMITS.columns - 1) }))
    .filter((m) => m.r1 <= m.r2 && m.c1 <= m.c2);
  return { name, hidden, rows, merges };
}

/**
 * An ODS says "this row again N times" in one attribute: a 1 KB file can claim a billion rows, and
 * SheetJS would build them all. No spreadsheet program has more than 1,048,576 rows or 16,384 columns.
 */
function checkOdsRepeats(bytes: Uint8Array): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const content = zipDirectory(buf).find((e) => e.name === 'content.xml');
  if (!content) return;
  const xml = zipEntryText(buf, content, LIMITS.unzippedBytes);
  const re = /number-(rows|columns)-repeated="(\d+)"/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (Number(m[2]) > (m[1] === 'rows' ? 1_048_576 : 16_384)) {
      throw new ReadRefusal(`文件声称有 ${Number(m[2]).toLocaleString('en-US')} ${m[1] === 'rows' ? '行' : '列'}，超过任何表格软件的上限，文件异常，已拒绝导入`);
    }
  }
}

/** SheetJS's own errors are English; the clerk gets the reason in Chinese, the detail stays for the log. */
function refusalFor(e: unknown): ReadRefusal {
  if (e instanceof ReadRefusal) return e;
  const detail = e instanceof Error ? e.message : String(e);
  if (/password|encrypt/i.test(detail)) return new ReadRefusal(PASSWORD, detail);
  if (/unsupported|not supported|unrecognized|cannot find file .* in zip/i.test(detail)) {
    return new ReadRefusal('文件格式不受支持或内部结构不完整，无法读取；请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入', detail);
  }
  return new ReadRefusal('文件已损坏或不完整，无法读取；请让报送单位重新导出后发送，或在 Excel、WPS 中打开后另存为 .xlsx 再导入', detail);
}

/** Bytes to the importer's neutral workbook. Runs inside the reading process (see read.ts). */
export async function parseWorkbook(bytes: Uint8Array, name: string, opts: { stream?: boolean } = {}): Promise<RawWorkbook> {
  try {
    const kind = sniff(bytes, name);
    if (kind === 'csv') {
      const { rows, encoding } = await parseCsv(bytes);
      return { format: 'csv', date1904: false, encoding, sheets: [{ name: null, hidden: false, rows, merges: [] }] };
    }
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // A big xlsx is read as a stream (it checks every part's inflated size as it goes).
    const directory = kind === 'xlsx' && opts.stream !== false ? zipDirectory(buf) : null;
    const streamed = directory && (opts.stream ?? worthStreaming(directory)) ? await readXlsxStream(inMemory(buf), directory) : null;
    if (streamed) return streamed;
    if (kind === 'xlsx' || kind === 'ods') await checkInflatedSizes(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (kind === 'ods') checkOdsRepeats(bytes);
    const wb = (await loadSheetJs()).read(bytes, {
      type: 'buffer', dense: true, cellText: false, cellFormula: false, cellHTML: false, cellStyles: false, cellNF: false,
      cellDates: false, sheetRows: LIMITS.sheetRows + 1, WTF: false,
    });
    const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
    const budget = { cells: LIMITS.cells };
    const sheets = wb.SheetNames.map((n, i) =>
      toRawSheet(wb.Sheets[n], n, Boolean(wb.Workbook?.Sheets?.[i]?.Hidden), date1904, budget));
    return { format: kind === 'sheetjs-text' ? 'other' : kind, date1904, sheets };
  } catch (e) {
    throw refusalFor(e);
  }
}

/**
 * A big one-sheet xlsx handed over row batch by row batch as it is read (see streamXlsxSheet); false
 * when the file is anything else, and nothing was handed over (read it whole with parseWorkbook).
 * `src` may be a file read by ranges (inFile): then the reading process never holds the file whole.
 */
export async function streamWorkbook(src: Uint8Array | ByteSource, name: string, out: { head: (h: SheetHead) => void; rows: (b: RowBatch) => Promise<void> }): Promise<boolean> {
  try {
    let from: ByteSource;
    let directory: ZipEntry[];
    if (src instanceof Uint8Array) {
      if (sniff(src, name) !== 'xlsx') return false;
      from = inMemory(Buffer.from(src.buffer, src.byteOffset, src.byteLength));
      directory = zipDirectory(from);
    } else {
      // What is not a zip of a sensible size is read whole, where sniff refuses it as it should.
      if (src.size === 0 || src.size > LIMITS.fileBytes || !isZip(src.bytes(0, 4))) return false;
      // A file's directory is read from disk once, and checked, weighed and opened from that one read.
      directory = zipDirectory(src);
      if (checkZip(src, directory) !== 'xlsx') return false;
      from = src;
    }
    return worthStreaming(directory) && await streamXlsxSheet(from, out, directory);
  } catch (e) {
    throw refusalFor(e);
  }
}
