import { pipeline, Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { LIMITS, mb } from './limits';
import { ReadRefusal, type CellValue, type RawMerge, type RawSheet, type RawWorkbook } from './types';
import { collectYoung, COLLECT_EVERY } from './collect';
import { entryChunks, zipDirectory, zipEntryText, type ByteSource, type ZipEntry } from './zip';

/**
 * A big .xlsx read as a stream: each worksheet part is inflated chunk by chunk and its rows are taken
 * out of the XML as they arrive, so neither the inflated XML nor a workbook object model is ever
 * whole in memory (SheetJS has no streaming xlsx reader: it inflates every part and builds every cell
 * object first). Only what the importer needs is read: values (shared strings, inline strings,
 * numbers, booleans, errors, cached formula results), merges, sheet names, hidden state, date1904.
 * The reader's limits hold here too: rows, columns, non-empty cells, and every part's inflated size
 * (refused at the first byte past its stated size or past the whole file's budget: a zip bomb).
 */

const TRUNCATED = '文件不完整或已损坏（压缩结构缺失），可能下载或拷贝时中断了；请让报送单位重新发送';

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Text as an XML parser gives it (CDATA opened, line ends normalised to LF), then the entities, then
 * OOXML's own `_xHHHH_` escapes (a control character written as text): what SheetJS gives too.
 */
function unescape(s: string): string {
  if (s.indexOf('<![CDATA[') >= 0) {
    return s.split(/<!\[CDATA\[([\s\S]*?)\]\]>/).map((part, i) => (i % 2 ? part.replace(/\r\n?/g, '\n') : unescape(part))).join('');
  }
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  if (s.indexOf('&') >= 0) {
    s = s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITY[e]);
  }
  if (s.indexOf('_x') >= 0) s = s.replace(/_x([0-9a-fA-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

const attrRes = new Map<string, RegExp>();
const attr = (attrs: string, name: string): string | undefined => {
  let re = attrRes.get(name);
  if (!re) attrRes.set(name, (re = new RegExp(`(?:^|\\s)(?:\\w+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(attrs);
  return m ? unescape(m[1] ?? m[2]) : undefined;
};

/** The text of a string item (shared string or inline): its runs' <t>, phonetic guides (<rPh>) left out. */
function itemText(xml: string): string {
  const body = xml.indexOf('rPh') >= 0 ? xml.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '') : xml;
  let out = '';
  const re = /<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) out += m[1] ?? '';
  return unescape(out);
}

/** 'AB' → 27 (0-based column of a cell reference's letters). */
function column(ref: string): number {
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const k = ref.charCodeAt(i);
    if (k < 65 || k > 90) break;
    c = c * 26 + (k - 64);
  }
  return c - 1;
}
const rowOf = (ref: string) => Number(/\d+/.exec(ref)?.[0] ?? 0) - 1;

type Budget = { unzipped: number; cells: number };

/** Inflates one part as a stream of byte chunks, refusing it past its stated size or the file's budget. */
async function* partBytes(src: ByteSource, e: ZipEntry, budget: Budget, seen?: { bytes: number }): AsyncGenerator<Buffer> {
  const count = (n: number) => {
    if (seen) seen.bytes += n;
    budget.unzipped -= n;
    if (budget.unzipped < 0) throw new ReadRefusal(`文件解压后超过导入上限 ${mb(LIMITS.unzippedBytes)}；请按村或按单位拆分成几个文件再导入`);
  };
  if (e.method === 0) {
    for (const chunk of entryChunks(src, e)) { count(chunk.length); yield chunk; }
    return;
  }
  if (e.method !== 8) throw new ReadRefusal('文件使用了不支持的压缩方式，请在 Excel 或 WPS 中另存为 .xlsx 后再导入');
  const z = createInflateRaw({ chunkSize: 1 << 20 });
  // The compressed bytes go in as the inflater takes them (a file source reads a MB at a time).
  const input = Readable.from(entryChunks(src, e), { objectMode: false });
  pipeline(input, z, () => {});
  let n = 0;
  try {
    for await (const chunk of z as AsyncIterable<Buffer>) {
      n += chunk.length;
      if (n > e.size) throw new ReadRefusal(`文件内部部件 ${e.name} 解压后超过了文件自己声明的大小（声明 ${e.size.toLocaleString('en-US')} 字节），文件异常，已拒绝导入`);
      count(chunk.length);
      yield chunk;
    }
  } catch (err) {
    if (err instanceof ReadRefusal) throw err;
    throw new ReadRefusal('文件已损坏（压缩数据无法解开），请让报送单位重新导出后发送', (err as Error).message);
  } finally {
    input.destroy();
    z.destroy();
  }
}

/** Inflates one part as a stream of text chunks (UTF-8), refusing it as `partBytes` does. */
async function* partText(src: ByteSource, e: ZipEntry, budget: Budget, seen?: { bytes: number }): AsyncGenerator<string> {
  const utf8 = new TextDecoder('utf-8');
  for await (const chunk of partBytes(src, e, budget, seen)) yield utf8.decode(chunk, { stream: true });
  yield utf8.decode();
}

/**
 * Calls `each` for every complete element matching `re` as the text streams in; returns what follows
 * the last one (the part's tail: merges, for a sheet). `re` must be global and match whole elements.
 */
async function scan(chunks: AsyncIterable<string>, re: RegExp, each: (m: RegExpExecArray) => void, between?: () => Promise<void>): Promise<string> {
  let pending = '';
  for await (const chunk of chunks) {
    pending += chunk;
    re.lastIndex = 0;
    let end = 0;
    for (let m = re.exec(pending); m; m = re.exec(pending)) { each(m); end = re.lastIndex; }
    // What follows the last complete element waits for the next chunk.
    if (end > 0) pending = pending.slice(end);
    if (pending.length > 64 * 1024 * 1024) throw new ReadRefusal('文件中有一行或一个单元格的内容异常巨大，文件异常，已拒绝导入');
    if (between) await between();
  }
  return pending;
}

const ROW = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const VALUE = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/;
const SST_ITEM = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;

/**
 * A cell's attributes as Excel, WPS and ExcelJS write them (` r="B7" s="3" t="s"`): reference and type
 * read by one match, with nothing to unescape. Any other spelling goes through `attr`.
 */
const PLAIN_CELL = /^\s+r="([A-Z]{1,3}\d+)"(?:\s+s="\d+")?(?:\s+t="([a-zA-Z]+)")?\s*$/;

/** The text of a cell's value element: `<v>…</v>` with nothing else inside taken as it is. */
function valueText(body: string): string | undefined {
  if (body.startsWith('<v>') && body.endsWith('</v>') && body.indexOf('<', 3) === body.length - 4) return body.slice(3, -4);
  return VALUE.exec(body)?.[1];
}

function cellValue(t: string, body: string | undefined, sst: string[]): CellValue {
  if (t === 'inlineStr') {
    const text = body ? itemText(body) : '';
    return text === '' ? null : text;
  }
  const raw = body ? valueText(body) : undefined;
  if (raw === undefined) return null;
  switch (t) {
    case 's': { const s = sst[Number(raw)]; return s === undefined || s === '' ? null : s; }
    case 'str': { const s = unescape(raw); return s === '' ? null : s; }
    case 'b': return raw.trim() === '1' || raw.trim() === 'true';
    case 'e': return unescape(raw) || '#ERROR';
    case 'd': { const ms = Date.parse(raw); return Number.isFinite(ms) ? ms / 86400000 + 25569 : null; }
    default: { const n = Number(raw); return raw.trim() !== '' && Number.isFinite(n) ? n : null; }
  }
}

/** Where the rows of a sheet go when they are handed over as read (see streamXlsxSheet) instead of kept. */
type RowSink = { row: (r: number, cells: CellValue[]) => void; between: () => Promise<void>; seen: { bytes: number } };

async function readSheet(src: ByteSource, e: ZipEntry | undefined, name: string, hidden: boolean, sst: string[], budget: Budget, sink?: RowSink): Promise<RawSheet> {
  const rows: CellValue[][] = [];
  let last = -1;
  let next = 0;
  if (!e) return { name, hidden, rows, merges: [] };
  const tail = await scan(partText(src, e, budget, sink?.seen), ROW, (m) => {
    const r = Number(attr(m[1], 'r') ?? next + 1) - 1;
    next = r + 1;
    const body = m[2];
    if (!body) return;
    const row: CellValue[] = [];
    let c = -1;
    CELL.lastIndex = 0;
    for (let cm = CELL.exec(body); cm; cm = CELL.exec(body)) {
      const plain = PLAIN_CELL.exec(cm[1]);
      const ref = plain ? plain[1] : attr(cm[1], 'r');
      c = ref ? column(ref) : c + 1;
      if (c < 0 || c >= LIMITS.columns) continue;
      const v = cellValue(plain ? plain[2] ?? 'n' : attr(cm[1], 't') ?? 'n', cm[2], sst);
      if (v === null) continue;
      row[c] = v;
      if (--budget.cells < 0) throw new ReadRefusal(`文件的非空单元格超过 ${LIMITS.cells.toLocaleString('en-US')} 个，超过导入上限；请拆分后再导入`);
    }
    if (row.length === 0) return;
    if (r >= LIMITS.sheetRows) throw new ReadRefusal(`工作表“${name}”超过 ${LIMITS.sheetRows.toLocaleString('en-US')} 行，超过导入上限；请拆分后再导入`);
    for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = null;
    last = r;
    if (sink) { sink.row(r, row); return; }
    while (rows.length < r) rows.push([]);
    rows[r] = row;
  }, sink?.between);
  rows.length = last + 1;
  return { name, hidden, rows, merges: mergesIn(tail, last) };
}

/** The merged ranges of a sheet's tail (what follows its rows), cut at its last row with a value. */
function mergesIn(tail: string, last: number): RawMerge[] {
  const merges: RawMerge[] = [];
  const re = /<(?:\w+:)?mergeCell\b[^>]*?\bref\s*=\s*"([A-Z]+\d+)(?::([A-Z]+\d+))?"/g;
  for (let m = re.exec(tail); m && merges.length < 100_000; m = re.exec(tail)) {
    const to = m[2] ?? m[1];
    const mm = { r1: rowOf(m[1]), c1: column(m[1]), r2: Math.min(rowOf(to), last), c2: Math.min(column(to), LIMITS.columns - 1) };
    if (mm.r1 <= mm.r2 && mm.c1 <= mm.c2) merges.push(mm);
  }
  return merges;
}

/**
 * The tail of a sheet part (what follows its rows: the merges), found by inflating the part once
 * without reading its rows, so a streamed sheet's merges are known before its first row is handed over.
 */
async function sheetTail(src: ByteSource, e: ZipEntry): Promise<string> {
  const end = /<\/(?:\w+:)?sheetData>|<(?:\w+:)?sheetData\s*\/>/;
  const tail: Buffer[] = [];
  let found = false;
  let carry = Buffer.alloc(0);
  let sinceCollect = 0;
  // Its own budget: the part is inflated twice, and the file's budget counts it once (the read proper).
  // Markup is ASCII: the element's name is looked for in the bytes, and only the text around each one
  // is decoded (as latin1) and matched, many times faster than decoding and matching the whole part.
  for await (const chunk of partBytes(src, e, { unzipped: LIMITS.unzippedBytes, cells: 0 })) {
    if (found) { tail.push(chunk); continue; }
    // Only the seam with the last chunk is copied, not the chunk: a copy of each inflated MB was garbage too.
    const seam = carry.length ? Buffer.concat([carry, chunk.subarray(0, 256)]) : null;
    const at = seam ? endIn(seam, end, carry.length) : -1;
    if (at >= 0) {
      found = true;
      tail.push(seam!.subarray(at), chunk.subarray(256));
      continue;
    }
    const inChunk = endIn(chunk, end, 0);
    if (inChunk >= 0) {
      found = true;
      tail.push(chunk.subarray(inChunk));
    } else {
      // The inflater hands over what one MB of compressed input gave, which can be a few bytes: the seam
      // keeps the last 256 bytes of all read so far, so a close tag spread over three chunks is still whole in it.
      carry = chunk.length >= 256 ? Buffer.from(chunk.subarray(chunk.length - 256)) : Buffer.concat([carry, chunk]).subarray(-256);
    }
    // Each inflated MB is a buffer of its own that only a collection frees, and this pass makes too
    // little JavaScript garbage to start one: 70 MB of a 100,000-row sheet's XML piled up in the reading process.
    if ((sinceCollect += chunk.length) >= COLLECT_EVERY) { sinceCollect = 0; collectYoung(); }
  }
  return Buffer.concat(tail).toString('latin1');
}

/**
 * Where `end` (the close of sheetData) starts in `bytes`, looking only around each 'sheetData', for
 * a match that ends past `from` (a seam's bytes before it were looked at with their chunk); -1 if none.
 */
function endIn(bytes: Buffer, end: RegExp, from: number): number {
  for (let i = bytes.indexOf('sheetData'); i >= 0; i = bytes.indexOf('sheetData', i + 1)) {
    const start = Math.max(0, i - 64);
    const m = end.exec(bytes.toString('latin1', start, Math.min(bytes.length, i + 128)));
    if (m && start + m.index + m[0].length > from) return start + m.index;
  }
  return -1;
}

/** Where a relationship's target lies in the zip: relative to xl/, or absolute from the root. */
const partName = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target}`).replace(/\/\.\//g, '/');

/** A workbook's parts opened: its sheets' entries, its shared strings' entry and the file's inflation budget. */
type OpenBook = { date1904: boolean; sstEntry: ZipEntry | undefined; budget: Budget; sheets: { name: string; hidden: boolean; entry: ZipEntry | undefined }[] };

/** The workbook's parts (from its zip directory, read once by the caller); null for a package laid out unlike Excel's and WPS's (SheetJS reads those). */
function openXlsx(src: ByteSource, directory: ZipEntry[]): OpenBook | null {
  const entries = new Map(directory.map((e) => [e.name.replace(/^\//, ''), e] as const));
  const part = (n: string) => entries.get(n) ?? [...entries.entries()].find(([k]) => k.toLowerCase() === n.toLowerCase())?.[1];
  const wbEntry = part('xl/workbook.xml');
  if (!wbEntry || !part('xl/_rels/workbook.xml.rels')) return null;
  const budget: Budget = { unzipped: LIMITS.unzippedBytes, cells: LIMITS.cells };
  const workbook = zipEntryText(src, wbEntry);
  const relsEntry = part('xl/_rels/workbook.xml.rels');
  const rels = new Map<string, { target: string; type: string }>();
  if (relsEntry) {
    for (const m of zipEntryText(src, relsEntry).matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)) {
      rels.set(attr(m[1], 'Id') ?? '', { target: attr(m[1], 'Target') ?? '', type: attr(m[1], 'Type') ?? '' });
    }
  }
  const sstRel = [...rels.values()].find((r) => /\/sharedStrings$/.test(r.type));
  const sstEntry = part(sstRel ? partName(sstRel.target) : 'xl/sharedStrings.xml');
  const pr = /<(?:\w+:)?workbookPr\b([^>]*)>/.exec(workbook)?.[1] ?? '';
  const date1904 = ['1', 'true'].includes(attr(pr, 'date1904') ?? '');
  const sheets: OpenBook['sheets'] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const name = attr(m[1], 'name') ?? `Sheet${sheets.length + 1}`;
    const state = attr(m[1], 'state');
    const rel = rels.get(attr(m[1], 'id') ?? '');
    const entry = rel ? (/\/worksheet$/.test(rel.type) ? part(partName(rel.target)) : undefined) : part(`xl/worksheets/sheet${sheets.length + 1}.xml`);
    sheets.push({ name, hidden: state === 'hidden' || state === 'veryHidden', entry });
  }
  return { date1904, sstEntry, budget, sheets };
}

/**
 * A string of its own: V8 gives a match of 13 characters or more as a slice of the text it was found
 * in, and the shared strings are kept for the whole read, so each long one (an ID number) held its
 * whole chunk of XML (a heap snapshot of a 100,000-row read: 8 MB of the shared strings' XML kept in
 * 2 MB chunks). Flattening a one-character join copies the text alone.
 */
const own = (s: string) => (s.length < 13 ? s : (' ' + s).slice(1));

/** The workbook's shared strings, in order. */
async function sharedStrings(src: ByteSource, book: OpenBook): Promise<string[]> {
  const sst: string[] = [];
  if (book.sstEntry) await scan(partText(src, book.sstEntry, book.budget), SST_ITEM, (m) => { sst.push(m[1] ? own(itemText(m[1])) : ''); });
  return sst;
}

/** The workbook read as a stream; null for a package laid out unlike Excel's and WPS's (SheetJS reads those). */
export async function readXlsxStream(src: ByteSource, directory: ZipEntry[] = zipDirectory(src)): Promise<RawWorkbook | null> {
  const book = openXlsx(src, directory);
  if (!book) return null;
  const sst = await sharedStrings(src, book);
  const sheets: RawSheet[] = [];
  for (const s of book.sheets) sheets.push(await readSheet(src, s.entry, s.name, s.hidden, sst, book.budget));
  return { format: 'xlsx', date1904: book.date1904, sheets };
}

/** A streamed sheet before its rows: what the importer recognises it by (its merges come from its tail, uncut). */
export type SheetHead = { format: 'xlsx'; date1904: boolean; name: string; hidden: boolean; merges: RawMerge[] };
/** Rows as read: [0-based sheet row, cells], only rows holding a value, in order; `at`: the share of the sheet read so far. */
export type RowBatch = { rows: [number, CellValue[]][]; at: number };

/**
 * A one-sheet workbook handed over as it is read: its head, then its rows in batches (one per
 * inflated chunk), each passed to `rows` and awaited, so the reader waits while the importer is behind
 * and neither side holds the whole sheet. False (nothing handed over) for any other workbook.
 */
export async function streamXlsxSheet(src: ByteSource, out: { head: (h: SheetHead) => void; rows: (b: RowBatch) => Promise<void> }, directory: ZipEntry[] = zipDirectory(src)): Promise<boolean> {
  const book = openXlsx(src, directory);
  const sheet = book?.sheets.length === 1 ? book.sheets[0] : undefined;
  if (!book || !sheet?.entry) return false;
  const { name, hidden, entry } = sheet;
  // The head waits for the merges at the part's end: they are found by a pass of their own while the
  // shared strings and the first rows are read (the importer keeps rows that come before the head).
  // Once the read has failed the head is not sent: the reading process may be on to another file.
  let reading = true;
  const head = sheetTail(src, entry).then((tail) => {
    if (reading) out.head({ format: 'xlsx', date1904: book.date1904, name, hidden, merges: mergesIn(tail, Infinity) });
  });
  head.catch(() => {});
  // Fails as the head does, and otherwise never settles: a read waiting for the importer races it.
  const failure = head.then(() => new Promise<never>(() => {}));
  failure.catch(() => {});
  try {
    const sst = await sharedStrings(src, book);
    let batch: [number, CellValue[]][] = [];
    const seen = { bytes: 0 };
    const flush = async () => {
      if (batch.length === 0) return;
      const rows = batch;
      batch = [];
      // A read waiting for the importer stops at once when the merges' pass fails (the head would never come).
      await Promise.race([out.rows({ rows, at: Math.min(1, seen.bytes / Math.max(1, entry.size)) }), failure]);
      // Past the first chunk the rows wait for the head: parsing them would take every turn from the merges' pass.
      await head;
    };
    await readSheet(src, entry, name, hidden, sst, book.budget, { row: (r, cells) => batch.push([r, cells]), between: flush, seen });
    await flush();
    await head;
  } finally {
    reading = false;
  }
  return true;
}

/** Worth streaming: the worksheets inflate to more than this (a few thousand rows); smaller ones go to SheetJS as before. */
export const STREAM_FROM_BYTES = 4 * 1024 * 1024;

export function worthStreaming(directory: ZipEntry[]): boolean {
  const sheets = directory.filter((e) => /^\/?xl\/worksheets\/[^/]+\.xml$/i.test(e.name));
  return sheets.reduce((s, e) => s + e.size, 0) > STREAM_FROM_BYTES;
}
