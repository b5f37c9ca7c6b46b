import { z } from 'zod';
import type { Db, Ledger } from '../../db/open';
import { fieldMessage } from '../values/zod';
import type { FileHandles } from './file-handles';

z.config(z.locales.zhCN());

/** What every handler gets: the open ledger and a way to report progress on long work. */
export type Ctx = {
  ledger: Ledger;
  db: Db;
  progress?: (event: ProgressEvent) => void;
  /** Which transport carries the call: file paths are taken only from the CLI and direct calls. */
  transport?: 'ipc' | 'http' | 'direct';
  /** Files the person chose, dropped or uploaded, by opaque id (desktop app and browser mode). */
  files?: FileHandles;
  /** Aborted when the person presses 取消: long work checks it between chunks (see `checkCancelled`). */
  signal?: AbortSignal;
};

/**
 * `callId` ties an event to the call that reports it (set by the transport, not the handler); `step`
 * names the stage (读取/核对/写入…) and `done`/`total` count rows where rows are counted.
 */
export type ProgressEvent = { task: string; done: number; total: number; message?: string; step?: string; callId?: string };

export type FieldProblem = { field: string; message: string };

/** An input refused: a message in Chinese saying what and what to do, with the fields that caused it. */
export class LedgerError extends Error {
  constructor(message: string, public readonly problems: FieldProblem[] = []) {
    super(message);
    this.name = 'LedgerError';
  }
}

/** Long work stopped at the person's request; whatever it had begun is rolled back. */
export class Cancelled extends LedgerError {
  constructor() {
    super('已取消：台账未作任何改动');
    this.name = 'Cancelled';
  }
}

/** Called between chunks of long work: throws `Cancelled` once the call's signal is aborted. */
export function checkCancelled(ctx: Pick<Ctx, 'signal'>): void {
  if (ctx.signal?.aborted) throw new Cancelled();
}

export type Method<I extends z.ZodType = z.ZodType, O = unknown> = {
  input: I;
  handler: (ctx: Ctx, input: z.output<I>) => O | Promise<O>;
  /** Field names shown in messages (身份证号码 rather than idNumber). */
  labels?: Record<string, string>;
};

export function method<I extends z.ZodType, O>(
  input: I,
  handler: (ctx: Ctx, input: z.output<I>) => O | Promise<O>,
  labels?: Record<string, string>,
): Method<I, O> {
  return { input, handler, labels };
}

export function zodToLedgerError(err: z.ZodError, labels: Record<string, string> = {}): LedgerError {
  const problems = err.issues.map((i) => {
    const field = i.path.map(String).join('.');
    const key = String(i.path[i.path.length - 1] ?? '');
    const label = labels[key] ?? labels[field] ?? field;
    return { field, message: fieldMessage(label, i.message) };
  });
  return new LedgerError(problems.map((p) => p.message).join('；') || '输入有误', problems);
}
