import { LIMITS } from './limits';
import { ReadRefusal, type CellValue } from './types';

/**
 * Text as the unit saved it: a BOM decides; else strict UTF-8 if the bytes are valid UTF-8, else
 * GB18030 (a superset of GBK, what Excel and WPS write for "CSV" on a Chinese Windows).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
  }
}

/** Comma, or tab / semicolon when a line holds more of those (some systems export "CSV" that way). */
function delimiter(text: string): string {
  const first = text.slice(0, 4096).split(/\r\n|\n|\r/).slice(0, 5).join('\n');
  const count = (c: string) => first.split(c).length - 1;
  const tabs = count('\t'), commas = count(','), semis = count(';');
  if (tabs > commas && tabs >= semis) return '\t';
  if (semis > commas) return ';';
  return ',';
}

/**
 * RFC 4180 with what real files do: CRLF, LF or CR-only lines, quoted fields holding line breaks and
 * doubled quotes. Every field stays text: an 18-digit ID number must never become a number.
 */
export function parseCsv(text: string): CellValue[][] {
  const sep = delimiter(text);
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let field = '';
  let quoted = false;
  let cells = 0;
  const endField = () => {
    row.push(field === '' ? null : field);
    field = '';
    if (++cells > LIMITS.cells) throw new ReadRefusal(`文件的单元格超过 ${LIMITS.cells.toLocaleString('en-US')} 个，超过导入上限；请拆分后再导入`);
  };
  const endRow = () => {
    endField();
    rows.push(row.length > LIMITS.columns ? row.slice(0, LIMITS.columns) : row);
    row = [];
    if (rows.length > LIMITS.sheetRows) throw new ReadRefusal(`文件超过 ${LIMITS.sheetRows.toLocaleString('en-US')} 行，超过导入上限；请拆分后再导入`);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) endField();
    else if (c === '\r') { if (text[i + 1] === '\n') i++; endRow(); }
    else if (c === '\n') endRow();
    else field += c;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}
