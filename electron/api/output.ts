import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { LedgerError, type Ctx } from './define';

/**
 * The optional `out` input of a method that writes a file: a path on this machine, taken only from the
 * CLI and direct calls (a page never names a path; it gets a download handle instead).
 */
export const zOut = z.string().min(1).max(4096).optional();

/** What such a method answers: the file's name and size, and either its handle (window) or its path (CLI). */
export type Written = { fileName: string; bytes: number; download?: string; path?: string };

/**
 * Where a handler streams a file for the person: the path the CLI was given, or a temporary file that the
 * window's transport hands over (browser mode: a download; desktop: main's save dialog copies it).
 */
export function outputTarget(ctx: Ctx, fileName: string, out: string | undefined): { path: string; written(): Written } {
  if (out !== undefined) {
    if (ctx.transport === 'ipc' || ctx.transport === 'http') throw new LedgerError('保存位置只能由命令行给出；窗口中请用下载或另存为');
    return { path: out, written: () => ({ fileName: basename(out), bytes: statSync(out).size, path: out }) };
  }
  if (!ctx.files) throw new LedgerError('此处无法交付文件：请用命令行的 --out 指定保存位置');
  const { id, path } = ctx.files.output(fileName);
  return { path, written: () => ({ fileName, bytes: statSync(path).size, download: id }) };
}
