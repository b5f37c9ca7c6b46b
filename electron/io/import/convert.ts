import { parseDate } from '../../values/dates';
import { parseIdNumber } from '../../values/idcard';
import { parseAreaCentimu, parseCount, parseMoneyFen, parseScaled } from '../../values/numbers';
import { cleanText, toHalfWidth } from '../../values/text';
import { POVERTY_CAUSES, type SheetColumn } from '../sheets';
import type { CellValue } from '../read/types';

export type Converted = { ok: true; value: unknown } | { ok: false; message: string; code: string; suggestion?: string };

const MARK_TRUE = new Set(['√', '✓', '✔', '☑', '是', '1', 'y', 'Y', 'yes', 'Yes', 'TRUE', 'true', '有', 'V', 'v', '对']);
const MARK_FALSE = new Set(['×', '✗', '✘', '否', '0', 'n', 'N', 'no', 'No', 'FALSE', 'false', '无', '-', '/', '—']);

/**
 * What units write instead of the listed values (compared after cleaning). These are never taken
 * silently: each is a suggestion the clerk accepts or corrects in the preview (remembered per unit).
 */
const ENUM_ALIASES: Record<string, Record<string, string>> = {
  cadreRank: {
    科级以上: '科级以上领导干部', 科级以上干部: '科级以上领导干部', 领导干部: '科级以上领导干部', 副科级以上: '科级以上领导干部',
    副科级以上领导干部: '科级以上领导干部', 科级领导干部: '科级以上领导干部', 县级领导干部: '科级以上领导干部', 一般: '一般干部', 干部: '一般干部',
  },
  category: { 贫困: '贫困户', 特殊: '特殊户', 特困户: '特殊户' },
  cadreSex: { 男性: '男', 女性: '女' },
  sex: { 男性: '男', 女性: '女' },
  type: { 钢架棚: '钢架大棚', 大棚: '钢架大棚', 温室: '日光温室' },
  progress: { 已建成: '建成', 正在建设: '在建', 计划: '规划', 验收: '已验收' },
};

const MEASURE_WORDS = '元|袋|桶|斤|公斤|千克|件|册|条|期|人次|份|个|亩|套|台|次|户|人|张|本|箱|瓶|吨|只|头';

const fail = (code: string, message: string): Converted => ({ ok: false, code, message });

/**
 * A word that is not one of the listed values. With a likely meaning (贫困户（已脱贫）→ 贫困户) the
 * clerk is asked to confirm it; the row waits for that answer and is refused without it.
 */
function unlisted(s: string, values: readonly string[], suggestion: string | undefined): Converted {
  // `s` is the cell as written (full-width brackets and all), so the clerk recognises it.
  if (suggestion) {
    return { ok: false, code: 'value_unconfirmed', suggestion, message: `“${s}”不是可选的值，可能是“${suggestion}”；请在预览中确认或改正后再导入（可选：${values.join('、')}）` };
  }
  return fail('bad_enum', `“${s}”不是可选的值，应为 ${values.join('、')} 之一；可在预览中指定它对应的值`);
}

/** An empty cell: nothing, or only spaces. */
export const isBlank = (v: CellValue) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/**
 * One cell read as its column's type. The message says what is wrong and how the cell should be
 * written; the caller adds the file, sheet, row and column.
 */
export function convertCell(col: SheetColumn, v: CellValue, date1904: boolean): Converted {
  switch (col.type) {
    case 'seq':
    case 'text': {
      const s = typeof v === 'number' ? String(v) : cleanText(v);
      return { ok: true, value: s };
    }
    case 'phone': {
      const s = typeof v === 'number' ? String(Math.round(v)) : cleanText(v)?.replace(/\s+/g, '') ?? null;
      return { ok: true, value: s };
    }
    case 'id': {
      const r = parseIdNumber(v);
      if (r.ok) return { ok: true, value: r };
      return fail(typeof v === 'number' || /E\+/i.test(String(v)) ? 'id_number_cell' : /校验位/.test(r.reason) ? 'id_checksum' : 'bad_id', r.reason);
    }
    case 'date': {
      const r = parseDate(v, { date1904 });
      return r.ok ? { ok: true, value: r.value } : fail('bad_date', r.reason);
    }
    case 'int': {
      if (typeof v === 'number' && !Number.isInteger(v)) return fail('bad_number', `“${v}”应为整数`);
      const r = parseCount(v, MEASURE_WORDS);
      if (!r.ok) return fail('bad_number', `“${String(v)}”不是数字，请填写整数`);
      return r.value < 0 ? fail('negative', `“${String(v)}”不能为负数`) : { ok: true, value: r.value };
    }
    case 'number':
    case 'money':
    case 'area': {
      const r = col.type === 'money' ? parseMoneyFen(v) : col.type === 'area' ? parseAreaCentimu(v) : parseScaled(v, 2, MEASURE_WORDS);
      const what = col.type === 'money' ? '金额' : col.type === 'area' ? '面积' : '数量';
      if (!r.ok) return fail('bad_number', `“${String(v)}”不是数字，请填写${what}（如 ${col.type === 'area' ? '12.50' : '300'}）`);
      return r.value < 0 ? fail('negative', `${what}“${String(v)}”不能为负数`) : { ok: true, value: r.value };
    }
    case 'mark': {
      const s = toHalfWidth(String(v ?? '')).trim();
      if (s === '' || MARK_FALSE.has(s)) return { ok: true, value: false };
      if (MARK_TRUE.has(s)) return { ok: true, value: true };
      return fail('bad_mark', `“${s}”无法识别，请打 √ 或留空`);
    }
    case 'enum': {
      const s = cleanText(v)?.replace(/\s+/g, '') ?? '';
      const values = col.values ?? [];
      if (values.includes(s)) return { ok: true, value: s };
      // 致贫原因 by the national codes 01–11, 99.
      if (values === POVERTY_CAUSES && /^\d{1,2}$/.test(s)) {
        const n = Number(s);
        const hit = n === 99 ? '其他' : n >= 1 && n <= 11 ? POVERTY_CAUSES[n - 1] : null;
        if (hit) return { ok: true, value: hit };
      }
      return unlisted(String(v).trim(), values, ENUM_ALIASES[col.key]?.[s] ?? values.find((x) => s.length >= 2 && (x.startsWith(s) || s.startsWith(x))));
    }
  }
}
