import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { backupsToKeep } from './backup-retention';
import { judgeFacts, knownMigrations, findMigrationsFolder } from './ledger-check';
import type { OfferedBackup } from './ledger-file-error';
import { runJob, startJob } from './sqlite-job';

export const REASONS = ['迁移前', '导入前', '撤销导入前', '恢复前', '退出时', '定时', '手动'] as const;
export type BackupReason = (typeof REASONS)[number];

export type BackupEntry = { name: string; path: string; at: Date; reason: BackupReason; size: number; /** The 2nd, 3rd… backup within one second. */ seq?: number };

/** A backup that could not be written or did not pass its check: nothing was left under its name. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** The 备份 folder beside the ledger file. */
export function backupFolder(ledgerFile: string): string {
  return join(dirname(resolve(ledgerFile)), '备份');
}

const stemOf = (ledgerFile: string) => basename(ledgerFile).replace(/\.[^.]*$/, '');
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const NAME = new RegExp(`^(.+)_(\\d{4})-(\\d{2})-(\\d{2})_(\\d{2})(\\d{2})(\\d{2})(?:-(\\d+))?_(${REASONS.join('|')})\\.sqlite$`);

/** ledger_2026-11-28_143005_手动.sqlite: the ledger's name, the local time, why. */
export function backupName(ledgerFile: string, at: Date, reason: BackupReason, n = 1): string {
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `${stemOf(ledgerFile)}_${date}_${time}${n > 1 ? `-${n}` : ''}_${reason}.sqlite`;
}

/** This ledger's backups in its 备份 folder, newest first (files of other ledgers and the clerk's own are left out). */
export function listBackups(ledgerFile: string): BackupEntry[] {
  const folder = backupFolder(ledgerFile);
  let names: string[];
  try { names = readdirSync(folder); } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const stem = stemOf(ledgerFile);
  const out: BackupEntry[] = [];
  for (const name of names) {
    const m = NAME.exec(name);
    if (!m || m[1] !== stem) continue;
    const [, , y, mo, d, h, mi, s, seq, reason] = m;
    const path = join(folder, name);
    out.push({ name, path, at: new Date(+y, +mo - 1, +d, +h, +mi, +s), reason: reason as BackupReason, size: statSync(path).size, seq: seq ? +seq : 1 });
  }
  // Within one second the later file carries the higher -N, whatever its reason.
  return out.sort((a, b) => b.at.getTime() - a.at.getTime() || (b.seq ?? 1) - (a.seq ?? 1));
}

export type BackupOptions = { nativeBinding?: string; now?: Date; onSlow?: () => void };

/**
 * Takes a backup of a ledger file with SQLite's online backup API (consistent while the ledger is in
 * use), into a temporary name, checks it with integrity_check, then renames it into place, so a kill
 * at any moment never leaves half a backup under a backup's name. Old backups are then thinned out.
 */
export function takeBackup(ledgerFile: string, reason: BackupReason, opts: BackupOptions & { out?: string } = {}): BackupEntry {
  return startBackup(ledgerFile, reason, opts).finish();
}

/** A backup being copied in its worker thread: `finish` waits for it and gives the entry, or throws BackupError. */
export type RunningBackup = { finish: () => BackupEntry };

/**
 * takeBackup in two halves: its name is chosen and its copy started now, in a worker thread, and the
 * caller works on until it calls `finish`. The copy is of the ledger as last committed, whatever this
 * process's connection writes meanwhile inside a transaction it has not committed (the ledger is in WAL
 * mode: another connection's reads never see uncommitted pages, and SQLite's backup restarts only when
 * the source changes under it by a commit).
 */
export function startBackup(ledgerFile: string, reason: BackupReason, opts: BackupOptions & { out?: string } = {}): RunningBackup {
  const now = opts.now ?? new Date();
  let final: string;
  if (opts.out) {
    final = resolve(opts.out);
  } else {
    const folder = backupFolder(ledgerFile);
    mkdirSync(folder, { recursive: true });
    // Left by a backup that was killed: never under a backup's name, cleared before the next one; a copy
    // still running in this process (the 导入前 one while its import writes) is not left over.
    const running = new Set([...inFlight].filter((f) => dirname(f) === folder).map((f) => basename(partialOf(f))));
    for (const n of readdirSync(folder)) {
      const m = /^(.*\.partial)(-journal|-wal|-shm)?$/.exec(n);
      if (m && !running.has(m[1])) rmSync(join(folder, n), { force: true });
    }
    const second = Math.floor(now.getTime() / 1000);
    const sameSecond = [...listBackups(ledgerFile), ...copying(ledgerFile)].filter((b) => Math.floor(b.at.getTime() / 1000) === second);
    let n = Math.max(0, ...sameSecond.map((b) => b.seq ?? 1)) + 1;
    final = join(folder, backupName(ledgerFile, now, reason, n));
    while (exists(final) || inFlight.has(final)) final = join(folder, backupName(ledgerFile, now, reason, ++n));
  }
  const temp = partialOf(final);
  inFlight.add(final);
  let job: ReturnType<typeof startJob>;
  try {
    job = startJob({ kind: 'copy', source: resolve(ledgerFile), temp, final }, opts);
  } catch (e) {
    inFlight.delete(final);
    throw e;
  }
  let entry: BackupEntry | undefined;
  return {
    finish: () => {
      if (entry) return entry;
      let r: ReturnType<typeof job.wait>;
      try {
        r = job.wait();
      } finally {
        // The copy has ended (renamed into place, or failed): its names are the folder's again.
        inFlight.delete(final);
      }
      if (!r.ok) {
        rmSync(temp, { force: true });
        throw new BackupError(r.code === 'integrity'
          ? `备份未通过完整性检查，已删除（${r.message}）；台账本身可能已损坏，请勿继续修改并联系技术人员`
          : `备份失败：${r.message}（${final}）`);
      }
      if (!opts.out) pruneBackups(ledgerFile, now);
      return (entry = { name: basename(final), path: final, at: now, reason, size: statSync(final).size });
    },
  };
}

/**
 * The final names of the copies this process has started and not yet finished. Since the 导入前 copy
 * runs while its import writes, another backup (定时, 立即备份, 撤销导入前, a second import's) may start
 * meanwhile: it must neither sweep the running copy's temporary file as left over nor take its name.
 * Each backup still runs on its own rather than waiting for or reusing the running one: a clerk who
 * presses 立即备份 expects a 手动 backup of the ledger as it is now, listed under its own reason, and
 * the copies only read the ledger, so two at once do not disturb each other. Backups started by
 * another process (a CLI beside the window) are not known here.
 */
const inFlight = new Set<string>();

const partialOf = (final: string) => join(dirname(final), `.${basename(final)}.partial`);

/** The running copies of this ledger as entries, for numbering a backup started in the same second after them. */
function copying(ledgerFile: string): { at: Date; seq?: number }[] {
  const stem = stemOf(ledgerFile);
  const folder = backupFolder(ledgerFile);
  const out: { at: Date; seq?: number }[] = [];
  for (const f of inFlight) {
    const m = dirname(f) === folder ? NAME.exec(basename(f)) : null;
    if (!m || m[1] !== stem) continue;
    const [, , y, mo, d, h, mi, s, seq] = m;
    out.push({ at: new Date(+y, +mo - 1, +d, +h, +mi, +s), seq: seq ? +seq : 1 });
  }
  return out;
}

function exists(path: string): boolean {
  try { statSync(path); return true; } catch { return false; }
}

/** Deletes the backups the retention rule no longer keeps. */
export function pruneBackups(ledgerFile: string, now: Date): string[] {
  const all = listBackups(ledgerFile);
  const keep = backupsToKeep(all, now);
  const gone = all.filter((b) => !keep.has(b.name));
  for (const b of gone) rmSync(b.path, { force: true });
  return gone.map((b) => b.name);
}

/** How many households a backup holds, read without writing to it; null when it cannot be read. */
export function backupHouseholds(path: string, nativeBinding?: string): number | null {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    return (db.prepare('select count(*) as n from households where deleted_at is null').get() as { n: number }).n;
  } catch {
    // A damaged or foreign file in the folder is listed without a count rather than hiding the others.
    return null;
  } finally {
    db?.close();
  }
}

export const localTime = (d: Date) =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;

/** The newest backup that passes the same check as opening a ledger: what a recovery page offers. */
export function newestGoodBackup(ledgerFile: string, opts: { nativeBinding?: string; migrationsFolder?: string } = {}): OfferedBackup | null {
  const known = knownMigrations(opts.migrationsFolder ?? findMigrationsFolder());
  for (const b of listBackups(ledgerFile)) {
    const r = runJob({ kind: 'check', file: b.path, full: true }, { nativeBinding: opts.nativeBinding });
    if (r.ok && r.facts.tables.length > 0 && !judgeFacts(b.path, r.facts, known)) {
      return { name: b.name, path: b.path, at: localTime(b.at), reason: b.reason, households: r.facts.households };
    }
  }
  return null;
}
