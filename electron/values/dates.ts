import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import { toHalfWidth } from './text';

dayjs.extend(customParseFormat);

export type DateResult = { ok: true; value: string } | { ok: false; reason: string };

/** 2014-3-5, 2014.03.05, 2014/3/5, 2014年3月5日 and 20140305: year, month and day in that order. */
const FORM = /^(\d{4})(?:[-./年](\d{1,2})[-./月](\d{1,2})日?|(\d{2})(\d{2}))$/;

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Days between 1899-12-30 and 1970-01-01: Excel's 1900 system, with its phantom 1900-02-29. */
const EXCEL_EPOCH_1900 = 25569;
/** Days between 1904-01-01 and 1970-01-01. */
const EXCEL_EPOCH_1904 = 24107;

export function fromExcelSerial(serial: number, date1904 = false): string {
  const days = Math.floor(serial) - (date1904 ? EXCEL_EPOCH_1904 : EXCEL_EPOCH_1900);
  return new Date(days * 86400000).toISOString().slice(0, 10);
}

/** A calendar day of 1900–2100 (no 2014-02-30); checked by hand: dayjs's strict parse costs more than the rest of an import row. */
function realDay(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * Reads the date forms units write — 2014-03-05, 2014.3.5, 2014/3/5, 2014年3月5日, an Excel serial
 * or a JS Date — into `YYYY-MM-DD`.
 */
export function parseDate(input: unknown, opts: { date1904?: boolean } = {}): DateResult {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return { ok: false, reason: '日期无效' };
    // Spreadsheet readers hand dates over as local midnight; keep the calendar day.
    const local = dayjs(input);
    return { ok: true, value: local.add(30, 'second').format('YYYY-MM-DD') };
  }
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || input < 1 || input > 2958465) return { ok: false, reason: `“${input}”不是日期` };
    return { ok: true, value: fromExcelSerial(input, opts.date1904) };
  }
  // Most date cells already read 2014-03-05: checked as they are, without the cleaning below.
  if (typeof input === 'string' && ISO.test(input)) {
    if (realDay(Number(input.slice(0, 4)), Number(input.slice(5, 7)), Number(input.slice(8, 10)))) return { ok: true, value: input };
  }
  const s = toHalfWidth(String(input ?? '')).replace(/\s+/g, '').replace(/[-.\/年月]$/, '').replace(/号$/, '日');
  if (s === '') return { ok: false, reason: '日期为空' };
  if (/^\d{5}(\.\d+)?$/.test(s)) return parseDate(Number(s), opts);
  const m = FORM.exec(s);
  if (m) {
    const iso = `${m[1]}-${(m[2] ?? m[4]).padStart(2, '0')}-${(m[3] ?? m[5]).padStart(2, '0')}`;
    if (realDay(Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5]))) return { ok: true, value: iso };
  }
  return { ok: false, reason: `“${String(input)}”不是可识别的日期（可写作 2014-03-05、2014.3.5、2014/3/5 或 2014年3月5日）` };
}

export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}
