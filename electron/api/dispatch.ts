import { z } from 'zod';
import { api } from './index';
import { LedgerError, zodToLedgerError, type Ctx, type Method } from './define';

export function findMethod(name: string): Method | undefined {
  const [area, key, ...rest] = name.split('.');
  if (rest.length || !area || !key || !Object.hasOwn(api, area)) return undefined;
  const group = api[area as keyof typeof api] as Record<string, Method>;
  return Object.hasOwn(group, key) ? group[key] : undefined;
}

/** The one entry point every transport uses: validate the input with the method's schema, run it. */
export async function callMethod(ctx: Ctx, name: string, rawInput: unknown): Promise<unknown> {
  const m = findMethod(name);
  if (!m) throw new LedgerError(`没有这个操作：${name}`);
  const parsed = m.input.safeParse(rawInput ?? {});
  if (!parsed.success) throw zodToLedgerError(parsed.error as z.ZodError, m.labels);
  return await m.handler(ctx, parsed.data);
}

/** What a transport sends back for a failure: a LedgerError as it is; anything else as a plain message. */
export function toWireError(e: unknown): { message: string; problems: { field: string; message: string }[] } {
  if (e instanceof LedgerError) return { message: e.message, problems: e.problems };
  const msg = e instanceof Error ? e.message : String(e);
  if (/SQLITE_CONSTRAINT|constraint failed/i.test(msg)) return { message: `数据不符合台账的约束，未保存：${msg}`, problems: [] };
  return { message: `内部错误：${msg}`, problems: [] };
}
