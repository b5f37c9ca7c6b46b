import type { SheetColumn } from '../sheets';
import type { SheetValue } from './select';

/**
 * How one ledger value becomes one cell so that the importer reads back exactly what was written:
 * - id, phone, text, enum: string cells formatted as text ('@'), so Excel never turns an ID number
 *   into 6.20902E+17 or drops a phone number's leading 0;
 * - date: the text 2014-03-05 (also '@'). Text rather than a date serial because it reads back to the
 *   same day with any reader and in any time zone, sorts correctly as text, and is what FORMATS.md shows;
 * - money, area: numbers with two decimals ('0.00'); number (数量): a plain number; int: whole number;
 * - mark: √ or empty; paper-only columns (领取人签字) empty.
 * Money, areas and quantities are kept in hundredths in the ledger: the cell gets value / 100, which
 * reads back to the same hundredth (parseScaled rounds a spreadsheet number to two decimals).
 */
export function cellValue(col: SheetColumn, v: SheetValue | undefined): string | number | null {
  if (col.paperOnly || v === null || v === undefined) return null;
  switch (col.type) {
    case 'money':
    case 'area':
    case 'number':
      return Number(v) / 100;
    case 'int':
      return Number(v);
    case 'mark':
      return v ? '√' : null;
    default:
      return String(v);
  }
}

export function numFmt(col: SheetColumn): string | undefined {
  switch (col.type) {
    case 'money':
    case 'area':
      return '0.00';
    case 'int':
      return '0';
    case 'number':
      return 'General';
    case 'seq':
    case 'mark':
      return undefined;
    default:
      return '@';
  }
}

export function horizontal(col: SheetColumn): 'left' | 'center' | 'right' {
  switch (col.type) {
    case 'seq':
    case 'mark':
    case 'date':
    case 'enum':
    case 'int':
    case 'phone':
      return 'center';
    case 'money':
    case 'area':
    case 'number':
      return 'right';
    default:
      return 'left';
  }
}

/** Width of a text in Excel column units: a Chinese character about two digits wide in 宋体. */
export function textWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A character beyond the BMP (a rare CJK character) is two code units and counts once, as two.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) { w += 2; i++; } else w += c >= 0x2e80 && c <= 0xffef ? 2 : 1.1;
  }
  return w;
}

/** The shown text of a value, for widths and row heights. */
export function shownText(col: SheetColumn, v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return col.type === 'money' || col.type === 'area' ? v.toFixed(2) : String(v);
  return v;
}

/** 2014-06-30 → 2014年6月30日 (填报时间, 报出日期). */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
