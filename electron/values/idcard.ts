import { toHalfWidth } from './text';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type IdResult =
  | { ok: true; value: string; sex: '男' | '女'; birth: string }
  | { ok: false; reason: string };

export function checkChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

function validDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * Validates and normalises a 居民身份证号 (GB 11643-1999): X upper-case, 15 digits upgraded to 18.
 * A number (what Excel makes of a long ID typed as a number) is refused: its last digits are lost.
 */
export function parseIdNumber(input: unknown): IdResult {
  if (typeof input === 'number') {
    return { ok: false, reason: '身份证号被 Excel 存成了数字，末几位已丢失；请把该列设为“文本”格式后重新录入完整号码' };
  }
  const raw = toHalfWidth(String(input ?? '')).replace(/\s+/g, '').toUpperCase();
  if (raw === '') return { ok: false, reason: '身份证号为空' };
  if (/^\d(\.\d+)?E\+\d+$/.test(raw)) {
    return { ok: false, reason: `身份证号“${raw}”被 Excel 转成了科学计数法，末几位已丢失；请把该列设为“文本”格式后重新录入完整号码` };
  }
  let id = raw;
  if (/^\d{15}$/.test(id)) {
    const first17 = id.slice(0, 6) + '19' + id.slice(6);
    id = first17 + checkChar(first17);
  }
  if (!/^\d{17}[\dX]$/.test(id)) {
    return { ok: false, reason: `身份证号“${raw}”应为 18 位（前 17 位数字，末位数字或 X）` };
  }
  const y = Number(id.slice(6, 10)), m = Number(id.slice(10, 12)), d = Number(id.slice(12, 14));
  if (y < 1880 || !validDate(y, m, d)) {
    return { ok: false, reason: `身份证号“${raw}”中的出生日期 ${id.slice(6, 14)} 不存在` };
  }
  const expected = checkChar(id.slice(0, 17));
  if (id[17] !== expected) {
    return { ok: false, reason: `身份证号“${raw}”校验位不符（应为 ${expected}），请核对号码` };
  }
  const sex = Number(id[16]) % 2 === 1 ? '男' : '女';
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  return { ok: true, value: id, sex, birth };
}

/** 620902********2758: what the visit sheet prints when the clerk asks to mask ID numbers. */
export function maskIdNumber(id: string): string {
  return id.length === 18 ? id.slice(0, 6) + '********' + id.slice(14) : id;
}
