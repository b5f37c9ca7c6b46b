import { toHalfWidth } from './text';

export type NumResult = { ok: true; value: number } | { ok: false; reason: string };

/**
 * A decimal written by a clerk — "1,234.5", "0.5亩", "4人", "￥20" — as an exact integer count of
 * 1/10^scale units (scale 2: 分 for money, hundredths of a 亩 for area). Strings are parsed digit by
 * digit so no binary floating point enters a sum.
 */
export function parseScaled(input: unknown, scale: number, unitWords = ''): NumResult {
  let s: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, reason: `“${input}”不是数字` };
    // A spreadsheet number: round to the scale, which is what the cell shows.
    s = input.toFixed(scale + 2);
  } else {
    s = toHalfWidth(String(input ?? '')).replace(/[\s,，]/g, '').replace(/^[¥￥]/, '');
    if (unitWords) s = s.replace(new RegExp(`(${unitWords})$`), '');
  }
  if (s === '') return { ok: false, reason: '数值为空' };
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return { ok: false, reason: `“${String(input)}”不是数字` };
  const neg = m[1] === '-';
  const frac = (m[3] ?? '').padEnd(scale + 1, '0');
  let value = Number(m[2] || '0') * 10 ** scale + Number(frac.slice(0, scale) || '0');
  if (Number(frac[scale]) >= 5) value += 1;
  if (!Number.isSafeInteger(value)) return { ok: false, reason: `“${String(input)}”超出范围` };
  return { ok: true, value: neg ? -value : value };
}

export const parseMoneyFen = (v: unknown) => parseScaled(v, 2, '元');
export const parseAreaCentimu = (v: unknown) => parseScaled(v, 2, '亩');

export const parseCount = (input: unknown, unitWords = '人|户|个|座|口|名|件|次|册|条|期|份|套|台'): NumResult =>
  parseScaled(input, 0, unitWords);

/** 271000 → "2,710.00" (shown with 元 or 亩 by the caller). */
export function formatScaled(v: number | null | undefined, scale = 2): string {
  if (v === null || v === undefined) return '';
  const neg = v < 0;
  const abs = Math.abs(v);
  const whole = Math.floor(abs / 10 ** scale);
  const frac = String(abs % 10 ** scale).padStart(scale, '0');
  return (neg ? '-' : '') + whole.toLocaleString('en-US') + (scale > 0 ? '.' + frac : '');
}

/** 271000 → "2710.00": a plain decimal string for JSON reports and spreadsheets. */
export function plainScaled(v: number, scale = 2): string {
  const neg = v < 0;
  const abs = Math.abs(v);
  return (neg ? '-' : '') + Math.floor(abs / 10 ** scale) + (scale > 0 ? '.' + String(abs % 10 ** scale).padStart(scale, '0') : '');
}
