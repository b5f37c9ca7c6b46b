import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { localTime, type BackupEntry } from './backup';
import { findMigrationsFolder, inspectLedgerFile } from './ledger-check';
import { markBackedUp, backupLedger } from './ledger-backup';
import { LedgerFileError } from './ledger-file-error';
import type { Ledger } from './open';
import { runJob } from './sqlite-job';

function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try { fsyncSync(fd); } finally { closeSync(fd); }
}

/** A backup that cannot be restored: it is damaged, not a ledger, or from a newer version. */
export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefused';
  }
}

/**
 * Puts a backup in the ledger's place. The current state is backed up first (恢复前) — unless the
 * ledger could not be opened, in which case the damaged file is copied aside, never lost. The
 * backup is copied with the backup API to a temporary file beside the ledger, checked and fsynced;
 * then the connection is closed, stale -wal/-shm removed and the copy renamed over the ledger in one
 * step, so a kill at any moment leaves either the old ledger or the new one. The ledger object is
 * then open on the restored file.
 */
export function restoreLedger(ledger: Ledger, source: string, now = new Date()): { safety: BackupEntry | null; movedAside: string | null } {
  const nativeBinding = ledger.options.nativeBinding;
  try {
    inspectLedgerFile(source, { nativeBinding, migrationsFolder: ledger.options.migrationsFolder ?? findMigrationsFolder() });
  } catch (e) {
    if (e instanceof LedgerFileError) throw new RestoreRefused(`不能从这个备份恢复：${e.what}。\n备份：${source}`);
    throw e;
  }
  const safety = ledger.problem ? null : backupLedger(ledger, '恢复前', { force: true, now });
  const temp = `${ledger.file}.restoring`;
  const copied = runJob({ kind: 'copy', source, temp }, { nativeBinding });
  if (!copied.ok) {
    rmSync(temp, { force: true });
    throw new RestoreRefused(`复制备份时出错，台账未改动：${copied.message}`);
  }
  let movedAside: string | null = null;
  ledger.replaceFile(() => {
    const file = ledger.file;
    if (ledger.problem && existsSync(file)) {
      movedAside = `${file}.损坏-${localTime(now).replace(/[: ]/g, '').replace(/-/g, '')}`;
      // Copied aside (not moved) so that a kill before the rename below still leaves a file in place.
      for (const side of ['', '-wal']) if (existsSync(file + side)) copyFileSync(file + side, movedAside + side);
    }
    // After a clean close these are gone; any left belong to the old file and must not meet the new one.
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
    renameSync(temp, file);
    fsyncDir(dirname(file));
  });
  markBackedUp(ledger);
  return { safety, movedAside };
}
