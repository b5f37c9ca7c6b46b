import * as XLSX from 'xlsx';
import iconv from 'iconv-lite';
import { checkChar } from '../../electron/values/idcard';

export type TestSheet = { name: string; rows: unknown[][]; merges?: string[]; hidden?: boolean };

/** An .xlsx in memory, as a unit's Excel would write it (values only: no styles). */
export function xlsxBytes(sheets: TestSheet[], as: { excel?: boolean } = {}): Buffer {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(s.rows);
    if (s.merges) ws['!merges'] = s.merges.map((m) => XLSX.utils.decode_range(m));
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  wb.Workbook = { Sheets: sheets.map((s) => ({ name: s.name, Hidden: s.hidden ? 1 : 0 })) };
  // `excel`: compressed, with a shared-string table, as Excel and WPS save (a big sheet stays small).
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', ...(as.excel ? { compression: true, bookSST: true } : {}) }) as Buffer;
}

/** A valid 18-digit ID number of 上坝镇 (620902), born on `birth` (YYYYMMDD), sequence `seq` (odd: male). */
export function idNumber(birth: string, seq: number): string {
  const first17 = `620902${birth}${String(seq).padStart(3, '0')}`;
  return first17 + checkChar(first17);
}

/** An Excel 97-2003 .xls (BIFF8) in memory, one sheet. */
export function xlsBytes(name: string, rows: unknown[][]): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  return XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer;
}

/** A CSV in GBK, as WPS and old Excel save it in China. */
export function gbkCsv(rows: unknown[][]): Buffer {
  const text = rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))).join(',')).join('\r\n');
  return iconv.encode(text, 'gbk');
}
