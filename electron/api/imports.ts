import { statSync, type Stats } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { LIMITS, mb } from '../io/read/limits';
import { planRollback, rollbackBatch, RollbackRefused } from '../io/import/rollback';
import { importFiles, type ImportFile } from '../io/import/run';
import { DiskCopies, SourceUnreadable } from '../io/import/on-disk';
import { WorkbookReader } from '../io/read/read';
import { RosterDateMissing } from '../io/import/roster';
import type { ImportReport } from '../io/import/types';
import type { RejectedRow } from '../io/write/rejects';
import { readTownship } from '../io/write/signatories';
import { writeWhole } from '../io/write/file-out';
import { backupBefore, startBackupBefore } from './backups';
import { checkCancelled, LedgerError, method, type Ctx } from './define';
import { outputTarget, zOut } from './output';

const sheetCode = z.enum(['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7']);

/**
 * A file given by path (CLI), as base64 bytes, or as the handle of a file the person chose, dropped or
 * uploaded (desktop app, browser mode).
 */
const fileInput = z.object({
  name: z.string().max(255).optional(),
  path: z.string().max(4096).optional(),
  base64: z.string().max(Math.ceil((LIMITS.fileBytes * 4) / 3) + 8, `文件超过 ${mb(LIMITS.fileBytes)}`).optional(),
  handle: z.string().max(64).optional(),
  // An empty base64 ('') is a 0-byte file: given, and refused by the reader as empty, not as missing.
}).refine((f) => [f.path, f.base64, f.handle].filter((x) => x !== undefined && x !== null).length === 1, '每个文件给出 path、base64 或 handle 其中之一');

const importInput = z.object({
  files: z.array(fileInput).min(1, '请至少选择一个文件').max(100),
  includeHidden: z.boolean().default(false),
  /** The clerk's corrections from the preview: what a sheet is (null: skip it) and which column is which. */
  choices: z.array(z.object({
    file: z.string(), sheet: z.string().nullable(), kind: sheetCode.nullable().optional(),
    columns: z.record(z.string(), z.string().nullable()).optional(),
  })).optional(),
  previewRows: z.number().int().min(0).max(20000).optional(),
  /** The clerk's answers for words that are not listed values (贫困户（已脱贫） → 贫困户), per unit. */
  values: z.array(z.object({ unit: z.string().nullable(), key: z.string().max(40), original: z.string().max(200), value: z.string().max(40) })).max(2000).optional(),
  /** T1 sheets taken as their unit's complete roster ('all': every T1 sheet): the pairings they no longer list end. */
  completeRoster: z.union([z.literal('all'), z.array(z.object({ file: z.string(), sheet: z.string().nullable(), on: z.boolean().optional() })).max(1000)]).optional(),
  /** The day those pairings end when a roster has no 填报时间. */
  rosterDate: z.iso.date('解除日期应写成 2014-06-30 的形式').optional(),
});

function load(ctx: Ctx, given: z.output<typeof fileInput>, copies: DiskCopies): ImportFile {
  let f = given;
  if (f.handle !== undefined) {
    const held = ctx.files?.get(f.handle);
    if (!held) throw new LedgerError('文件已失效（或不是您选择的文件），请重新选择文件后再试');
    f = { name: f.name ?? held.name, path: held.path };
  }
  const name = f.name ?? (f.path ? basename(f.path) : '未命名文件');
  if (f.base64 !== undefined) return { name, bytes: Buffer.from(f.base64, 'base64') };
  const unreadable = { name, bytes: new Uint8Array(), error: `无法打开文件 ${f.path}：文件不存在或没有读取权限` };
  let stat: Stats;
  try {
    stat = statSync(f.path!);
  } catch {
    return unreadable;
  }
  if (!stat.isFile()) return { name, bytes: new Uint8Array(), error: `${f.path} 不是普通文件，无法导入` };
  const size = stat.size;
  if (size > LIMITS.fileBytes) return { name, bytes: new Uint8Array(), error: `文件有 ${mb(size)}，超过导入上限 ${mb(LIMITS.fileBytes)}；请按村或按单位拆分后再导入` };
  try {
    return copies.take(name, f.path!);
  } catch (e) {
    // A full disk or an unwritable temporary folder is not the unit's file's fault: it stops the import with its own message.
    if (e instanceof SourceUnreadable) return unreadable;
    throw e;
  }
}

const run = (ctx: Ctx, i: z.output<typeof importInput>, dryRun: boolean, first?: () => void | (() => void)): Promise<ImportReport> => {
  // A page (desktop window or browser) names only files the person gave it; paths are for the CLI.
  if ((ctx.transport ?? 'direct') !== 'direct' && i.files.some((f) => f.path)) {
    throw new LedgerError('只能导入您选择、拖入或上传的文件，不能按路径读取本机文件');
  }
  // The reading process boots while the files are loaded; the backup (`first`) is copied while a big file is read and its rows written.
  const reader = new WorkbookReader();
  reader.warm();
  let files: ImportFile[];
  const copies = new DiskCopies();
  try {
    files = i.files.map((f) => load(ctx, f, copies));
  } catch (e) {
    void reader.close();
    copies.remove();
    throw e;
  }
  return importFiles(ctx.ledger.sqlite, files, {
    dryRun, includeHidden: i.includeHidden, choices: i.choices, previewRows: i.previewRows, values: i.values, progress: ctx.progress,
    completeRoster: i.completeRoster, rosterDate: i.rosterDate, signal: ctx.signal, reader: { process: reader, own: true }, beforeWrites: first,
    nativeBinding: ctx.ledger.options.nativeBinding,
  }).catch((e: unknown) => {
    if (e instanceof RosterDateMissing) throw new LedgerError(e.message);
    throw e;
  }).finally(() => copies.remove());
};

const batchId = z.object({ batchId: z.number().int().positive() });

export type RejectRow = RejectedRow & { id: number };

function loadRejects(ctx: Ctx, batch: number): RejectRow[] {
  const db = ctx.ledger.sqlite;
  if (!db.prepare('select 1 from import_batches where id = ?').get(batch)) throw new LedgerError(`没有第 ${batch} 批导入`);
  return (db.prepare('select id, file, sheet, kind, unit, row, "column", reason, cells from import_rejects where batch_id = ? order by id').all(batch) as (Omit<RejectRow, 'cells'> & { cells: string })[])
    .map((r) => ({ ...r, cells: JSON.parse(r.cells) as RejectRow['cells'] }));
}

export type BatchRow = { id: number; at: string; unit: string | null; files: { name: string; sha256: string }[]; summary: unknown; rolledBackAt: string | null; writes: number; refused: number };

export const imports = {
  /** 预览核对: reads and checks everything, as the import would, and writes nothing. */
  preview: method(importInput, (ctx, i) => run(ctx, i, true)),
  /** 导入: the same, in one transaction, recorded as a batch that can be rolled back. */
  commit: method(importInput, (ctx, i) => run(ctx, i, false, () => startBackupBefore(ctx, '导入前'))),

  /** 导入记录: the batches, newest first, with how many records each wrote. */
  batches: method(
    z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(200) }),
    (ctx, { offset, limit }): { total: number; rows: BatchRow[] } => {
      const db = ctx.ledger.sqlite;
      const total = (db.prepare('select count(*) as n from import_batches').get() as { n: number }).n;
      const rows = (db.prepare(
        `select b.id, b.at, b.unit, b.files, b.summary, b.rolled_back_at,
          (select count(*) from audit_log a where a.batch_id = b.id) as writes,
          (select count(*) from import_rejects r where r.batch_id = b.id) as refused
        from import_batches b order by b.id desc limit ? offset ?`,
      ).all(limit, offset) as { id: number; at: string; unit: string | null; files: string; summary: string | null; rolled_back_at: string | null; writes: number; refused: number }[])
        .map((b) => ({ id: b.id, at: b.at, unit: b.unit, files: JSON.parse(b.files), summary: b.summary ? JSON.parse(b.summary) : null, rolledBackAt: b.rolled_back_at, writes: b.writes, refused: b.refused }));
      return { total, rows };
    },
  ),

  /** The rows a batch refused, as the units wrote them, with why: 导入记录 shows them long after the import. */
  rejects: method(batchId, (ctx, { batchId }) => ({ rows: loadRejects(ctx, batchId) })),

  /**
   * 导出退回清单: one workbook per unit holding its refused rows of the batch in the district layout,
   * plus where each stood and why it was refused, ready to send back. `out`: the CLI's folder for them.
   */
  exportRejects: method(batchId.extend({ out: zOut }), async (ctx, { batchId, out }) => {
    const rows = loadRejects(ctx, batchId);
    const byUnit = new Map<string, RejectedRow[]>();
    for (const r of rows) {
      const unit = r.unit ?? r.file.replace(/\.[^.]+$/, '');
      byUnit.set(unit, [...(byUnit.get(unit) ?? []), r]);
    }
    const place = readTownship(ctx);
    const { rejectsFileName, writeRejects } = await import('../io/write/rejects'); // ExcelJS only when written
    const files = [];
    for (const [unit, mine] of byUnit) {
      const fileName = rejectsFileName(unit, batchId);
      // Each workbook is a file: the CLI's folder, or a download for the window (never bytes in the answer).
      const target = outputTarget(ctx, fileName, out === undefined ? undefined : join(out, fileName));
      const buffer = await writeRejects(unit, mine, { county: place.county, township: place.name });
      await writeWhole(target.path, (path) => writeFile(path, buffer));
      files.push({ unit, rows: mine.length, ...target.written() });
    }
    return { files };
  }),

  /** What 撤销 would remove and put back, and whether later edits stand in the way. */
  rollbackPlan: method(batchId, (ctx, { batchId }) => {
    try {
      return planRollback(ctx.ledger.sqlite, batchId);
    } catch (e) {
      throw new LedgerError((e as Error).message);
    }
  }),

  /** 撤销: removes the rows the batch added and restores the ones it changed, in one transaction. */
  rollback: method(batchId, async (ctx, { batchId }) => {
    // The backup copies the whole ledger in one go: the window names that step, and a 取消 pressed
    // meanwhile is heard (the event loop turns) before anything is changed.
    ctx.progress?.({ task: 'rollback', step: '备份', done: 0, total: 0, message: '撤销前先备份台账…' });
    backupBefore(ctx, '撤销导入前');
    await new Promise<void>((ok) => setImmediate(ok));
    checkCancelled(ctx);
    try {
      return await rollbackBatch(ctx.ledger.sqlite, batchId, { progress: ctx.progress, signal: ctx.signal });
    } catch (e) {
      if (e instanceof RollbackRefused) throw new LedgerError(e.message);
      throw e;
    }
  }),
};
