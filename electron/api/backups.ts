import { copyFileSync, existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { z } from 'zod';
import { backupFolder, backupHouseholds, BackupError, listBackups, localTime } from '../../db/backup';
import { backupLedger, startLedgerBackup } from '../../db/ledger-backup';
import { restoreLedger, RestoreRefused } from '../../db/restore';
import { LedgerError, method, type Ctx } from './define';

export type BackupRow = { name: string; at: string; time: string; reason: string; size: number; households: number | null };

function row(ctx: Ctx, b: ReturnType<typeof listBackups>[number]): BackupRow {
  return { name: b.name, at: b.at.toISOString(), time: localTime(b.at), reason: b.reason, size: b.size, households: backupHouseholds(b.path, ctx.ledger.options.nativeBinding) };
}

/** A backup named by the page: only a file of this ledger's 备份 folder, never a path from a browser. */
function pick(ctx: Ctx, name: string) {
  const found = listBackups(ctx.ledger.file).find((b) => b.name === name);
  if (!found) throw new LedgerError(`备份文件夹中没有“${name}”：它可能已被按保留规则删除，请刷新列表`);
  return found;
}

const fileChoice = z.object({ name: z.string().max(255).optional(), path: z.string().max(4096).optional() })
  .refine((i) => Boolean(i.name) !== Boolean(i.path), '给出备份名称 name 或文件路径 path 其中之一');

/** The backup taken before a risky step (导入前, 撤销导入前): if it fails, the step does not run. */
export function backupBefore(ctx: Ctx, reason: '导入前' | '撤销导入前'): void {
  startBackupBefore(ctx, reason)();
}

/**
 * backupBefore in two halves: the copy starts now, in its worker thread, and the returned wait throws
 * as backupBefore does. An import writes its rows meanwhile and waits before it commits (the copy
 * holds the ledger as last committed, never the import's uncommitted rows).
 */
export function startBackupBefore(ctx: Ctx, reason: '导入前' | '撤销导入前'): () => void {
  // The BackupError stays as the cause: an import that stops for its own reason tells a failed copy from a fault.
  const refused = (e: unknown) => (e instanceof BackupError ? Object.assign(new LedgerError(`${reason}的备份没有成功，未继续：${e.message}`), { cause: e }) : e);
  let running: ReturnType<typeof startLedgerBackup>;
  try {
    running = startLedgerBackup(ctx.ledger, reason);
  } catch (e) {
    throw refused(e);
  }
  return () => {
    try {
      running.finish();
    } catch (e) {
      throw refused(e);
    }
  };
}

export const backups = {
  /** Whether the ledger is open, or what is wrong with its file (the recovery page's facts). */
  status: method(z.object({}), (ctx) => {
    const p = ctx.ledger.problem;
    return p
      ? { ok: false as const, file: ctx.ledger.file, what: p.what, message: p.message, problem: p.problem, offered: p.backup?.name ?? null }
      : { ok: true as const, file: ctx.ledger.file };
  }),

  /** 备份与恢复: this ledger's backups, newest first, with what each holds. */
  list: method(z.object({}), (ctx) => ({
    folder: backupFolder(ctx.ledger.file),
    rows: listBackups(ctx.ledger.file).map((b) => row(ctx, b)),
  })),

  /** 立即备份. */
  create: method(z.object({}), (ctx) => {
    if (ctx.ledger.problem) throw new LedgerError(`台账无法打开，不能备份：${ctx.ledger.problem.what}`);
    try {
      const b = backupLedger(ctx.ledger, '手动', { force: true })!;
      return { name: b.name, time: localTime(b.at), size: b.size };
    } catch (e) {
      if (e instanceof BackupError) throw new LedgerError(e.message);
      throw e;
    }
  }),

  /** 恢复: the current state is backed up first, then the chosen backup takes the ledger's place. */
  restore: method(fileChoice, (ctx, i) => {
    if (i.path && ctx.transport === 'http') throw new LedgerError('浏览器模式下只能从备份文件夹中的备份恢复');
    const source = i.name ? pick(ctx, i.name).path : resolve(i.path!);
    try {
      const r = restoreLedger(ctx.ledger, source);
      return { restored: basename(source), safety: r.safety?.name ?? null, movedAside: r.movedAside };
    } catch (e) {
      if (e instanceof RestoreRefused || e instanceof BackupError) throw new LedgerError(e.message);
      throw e;
    }
  }),

  /**
   * 另存到…: a copy of a backup, to a path (CLI), or for the window the backup itself as a download handle
   * (browser mode streams it, the desktop's save dialog copies it; its bytes never pass through the answer).
   */
  saveAs: method(z.object({ name: z.string().max(255), path: z.string().max(4096).optional() }), (ctx, i) => {
    const b = pick(ctx, i.name);
    if (!i.path) {
      if (!ctx.files) throw new LedgerError('此处无法交付文件：请给出保存路径 path');
      return { fileName: b.name, bytes: b.size, download: ctx.files.add(b.path, b.name) };
    }
    if (ctx.transport === 'http') throw new LedgerError('浏览器模式下请用下载保存，不能写入本机路径');
    let dest = resolve(i.path);
    if (existsSync(dest) && statSync(dest).isDirectory()) dest = join(dest, b.name);
    copyFileSync(b.path, dest);
    return { fileName: b.name, path: dest };
  }),
};
