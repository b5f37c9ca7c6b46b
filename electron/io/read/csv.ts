import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { LIMITS } from './limits';
import { ReadRefusal, type CellValue } from './types';

type Encoding = { label: string; name: string; bom: number };

/**
 * How the unit saved the text: a BOM decides; else UTF-8 if the bytes are valid UTF-8, else GB18030
 * (a superset of GBK, what Excel and WPS write for "CSV" on a Chinese Windows).
 */
function detectEncoding(bytes: Uint8Array): Encoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { label: 'utf-8', name: 'UTF-8', bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { label: 'utf-16le', name: 'UTF-16LE', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { label: 'utf-16be', name: 'UTF-16BE', bom: 2 };
  return isUtf8(bytes) ? { label: 'utf-8', name: 'UTF-8', bom: 0 } : { label: 'gb18030', name: 'GB18030', bom: 0 };
}

/** The whole text at once: for short pieces (the head of a file, to see what it is). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  const e = detectEncoding(bytes);
  return { text: new TextDecoder(e.label).decode(bytes.subarray(e.bom)), encoding: e.name };
}

/** Comma, or tab / semicolon when the first lines hold more of those (some systems export "CSV" that way). */
function delimiter(head: string): string {
  const first = head.split(/\r\n|\n|\r/).slice(0, 5).join('\n');
  const count = (c: string) => first.split(c).length - 1;
  const tabs = count('\t'), commas = count(','), semis = count(';');
  if (tabs > commas && tabs >= semis) return '\t';
  if (semis > commas) return ';';
  return ',';
}

/** The text, decoded 1 MB at a time: the file is never one string in memory. */
function* textChunks(bytes: Uint8Array, e: Encoding): Generator<string> {
  const decoder = new TextDecoder(e.label);
  const step = 1024 * 1024;
  for (let i = e.bom; i < bytes.length; i += step) yield decoder.decode(bytes.subarray(i, i + step), { stream: true });
  const tail = decoder.decode();
  if (tail) yield tail;
}

/**
 * A CSV read as a stream (csv-parse) with what real files do: CRLF, LF or CR-only lines, quoted fields
 * holding line breaks and doubled quotes, quotes inside unquoted fields kept. Every field stays text:
 * an 18-digit ID number must never become a number.
 */
export async function parseCsv(bytes: Uint8Array): Promise<{ rows: CellValue[][]; encoding: string }> {
  const e = detectEncoding(bytes);
  const sep = delimiter(new TextDecoder(e.label).decode(bytes.subarray(e.bom, e.bom + 4096)));
  const source = Readable.from(textChunks(bytes, e), { objectMode: false });
  const parser = source.pipe(parse({
    delimiter: sep, record_delimiter: ['\r\n', '\n', '\r'], quote: '"', escape: '"',
    relax_quotes: true, relax_column_count: true, skip_empty_lines: false,
  }));
  const rows: CellValue[][] = [];
  let cells = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      cells += record.length;
      if (cells > LIMITS.cells) throw new ReadRefusal(`文件的单元格超过 ${LIMITS.cells.toLocaleString('en-US')} 个，超过导入上限；请拆分后再导入`);
      const row = record.length > LIMITS.columns ? record.slice(0, LIMITS.columns) : record;
      rows.push(row.map((v) => (v === '' ? null : v)));
      if (rows.length > LIMITS.sheetRows) throw new ReadRefusal(`文件超过 ${LIMITS.sheetRows.toLocaleString('en-US')} 行，超过导入上限；请拆分后再导入`);
    }
  } catch (err) {
    if (err instanceof CsvError) {
      throw new ReadRefusal(`CSV 文件第 ${err.lines ?? '?'} 行的引号不成对或格式有误，无法读取；请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入`, err.message);
    }
    throw err;
  } finally {
    source.destroy();
    parser.destroy();
  }
  return { rows, encoding: e.name };
}
