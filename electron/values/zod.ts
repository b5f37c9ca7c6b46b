import { z } from 'zod';
import { parseDate, todayIso } from './dates';
import { parseIdNumber } from './idcard';
import { parseAreaCentimu, parseCount, parseMoneyFen } from './numbers';
import { cleanText } from './text';

/**
 * Field types shared by every entry point. A number given for money or area is already in 分 or
 * hundredths of a 亩; a string is what a clerk typed ("12.50", "0.5亩") and is parsed exactly.
 */
/**
 * Every rule said in plain Chinese, once for all schemas (edits, pastes and imports read the same):
 * "最多 50 个字", "必填", "应为 男、女 之一" — never zod's "数值过大：期望 string <=20 字符".
 */
function plainIssue(iss: z.core.$ZodRawIssue): string | undefined {
  const missing = iss.input === undefined || iss.input === null || (typeof iss.input === 'string' && iss.input.trim() === '');
  switch (iss.code) {
    case 'invalid_type':
      if (missing) return '必填';
      return iss.expected === 'number' || iss.expected === 'int' ? '应为数字' : iss.expected === 'string' ? '应为文字' : undefined;
    case 'too_big':
      if (iss.origin === 'string') return `最多 ${iss.maximum} 个字`;
      if (iss.origin === 'number' || iss.origin === 'int') return `不能大于 ${iss.maximum}`;
      if (iss.origin === 'array' || iss.origin === 'set') return `最多 ${iss.maximum} 项`;
      return undefined;
    case 'too_small':
      if (iss.origin === 'string') return Number(iss.minimum) <= 1 ? '必填' : `至少 ${iss.minimum} 个字`;
      if (iss.origin === 'number' || iss.origin === 'int') return Number(iss.minimum) === 0 && !iss.inclusive ? '必填' : `不能小于 ${iss.minimum}`;
      return undefined;
    case 'invalid_value':
      return `应为 ${iss.values.map(String).join('、')} 之一`;
    default:
      return undefined;
  }
}
z.config({ customError: plainIssue });

/** "户主姓名最多 50 个字", "户主姓名：必填": a field's label and its rule, as every message puts them. */
export function fieldMessage(label: string, message: string): string {
  if (!label) return message;
  return /^(最多|至少|不能|应为|须)/.test(message) ? `${label}${message}` : `${label}：${message}`;
}

const nullish = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

export const zText = (max = 500) =>
  z.preprocess((v) => (nullish(v) ? null : cleanText(v)), z.string().max(max).nullable()).optional().transform((v) => v ?? null);

export const zRequiredText = (max = 100) =>
  z.preprocess((v) => cleanText(v) ?? undefined, z.string().min(1).max(max));

export const zIdNumber = () =>
  z.unknown().transform((v, ctx) => {
    if (nullish(v)) return null;
    const r = parseIdNumber(v);
    if (!r.ok) { ctx.addIssue({ code: 'custom', message: r.reason }); return z.NEVER; }
    return r.value;
  });

const dateOf = (required: boolean, notFuture: boolean) =>
  z.unknown().transform((v, ctx): string | null => {
    if (nullish(v)) {
      if (required) { ctx.addIssue({ code: 'custom', message: '必填' }); return z.NEVER; }
      return null;
    }
    const r = parseDate(v);
    if (!r.ok) { ctx.addIssue({ code: 'custom', message: r.reason }); return z.NEVER; }
    if (notFuture && r.value > todayIso()) {
      ctx.addIssue({ code: 'custom', message: `${r.value} 晚于今天，事情还没有发生，请核对日期` });
      return z.NEVER;
    }
    return r.value;
  });

/** An event date: required, and not later than today. */
export const zEventDate = () => dateOf(true, true) as z.ZodType<string, unknown>;
export const zDate = () => dateOf(true, false) as z.ZodType<string, unknown>;
export const zOptionalDate = () => dateOf(false, false);

const scaled = (parse: (v: unknown) => { ok: true; value: number } | { ok: false; reason: string }, required: boolean) =>
  z.unknown().transform((v, ctx): number | null => {
    if (nullish(v)) {
      if (required) { ctx.addIssue({ code: 'custom', message: '必填' }); return z.NEVER; }
      return null;
    }
    const r = typeof v === 'number' ? (Number.isInteger(v) ? { ok: true as const, value: v } : { ok: false as const, reason: `“${v}”应为整数` }) : parse(v);
    if (!r.ok) { ctx.addIssue({ code: 'custom', message: r.reason }); return z.NEVER; }
    if (r.value < 0) { ctx.addIssue({ code: 'custom', message: '不能为负数' }); return z.NEVER; }
    return r.value;
  });

export const zFen = () => scaled(parseMoneyFen, false);
export const zRequiredFen = () => scaled(parseMoneyFen, true) as z.ZodType<number, unknown>;
export const zCentimu = () => scaled(parseAreaCentimu, false);
export const zRequiredCentimu = () => scaled(parseAreaCentimu, true) as z.ZodType<number, unknown>;
export const zCount = () => scaled((v) => parseCount(v), false);
export const zRequiredCount = () => scaled((v) => parseCount(v), true) as z.ZodType<number, unknown>;

export const zRef = () => z.coerce.number({ error: '必填' }).int().positive('必填');
export const zOptionalRef = () =>
  z.preprocess((v) => (nullish(v) ? null : v), z.coerce.number().int().positive().nullable()).optional().transform((v) => v ?? null);

/** One of a fixed list; an empty cell takes `fallback` when there is one, else is refused as required. */
export const zEnum = <T extends readonly [string, ...string[]]>(values: T, fallback?: T[number]) =>
  z.preprocess((v) => cleanText(v) ?? fallback, z.enum(values, { error: `应为 ${values.join('、')} 之一` }));
export const zOptionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (nullish(v) ? null : cleanText(v)), z.enum(values, { error: `应为 ${values.join('、')} 之一` }).nullable())
    .optional().transform((v) => v ?? null);

export const zMark = () => z.preprocess((v) => Boolean(v) && v !== 0 && v !== '0', z.boolean()).default(false);
