import { z } from 'zod';
import { BackupError } from '../../db/backup';
import { LedgerFileError } from '../../db/ledger-file-error';
import { RestoreRefused } from '../../db/restore';
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
  // A ledger that could not be opened answers only the recovery page: its backups and restoring one.
  if (ctx.ledger.problem && !name.startsWith('backups.')) throw new LedgerError(ctx.ledger.problem.message);
  const parsed = m.input.safeParse(rawInput ?? {});
  if (!parsed.success) throw zodToLedgerError(parsed.error as z.ZodError, m.labels);
  return await m.handler(ctx, parsed.data);
}

/** What a transport sends back for a failure: a LedgerError as it is; anything else as a plain message. */
export function toWireError(e: unknown): { message: string; problems: { field: string; message: string }[] } {
  if (e instanceof LedgerError) return { message: e.message, problems: e.problems };
  // The ledger file's own troubles are worded for the clerk already.
  if (e instanceof LedgerFileError || e instanceof RestoreRefused || e instanceof BackupError) return { message: e.message, problems: [] };
  const msg = e instanceof Error ? e.message : String(e);
  if (/SQLITE_CONSTRAINT|constraint failed/i.test(msg)) return { message: `数据不符合台账的约束，未保存：${msg}`, problems: [] };
  return { message: `内部错误：${msg}`, problems: [] };
}
