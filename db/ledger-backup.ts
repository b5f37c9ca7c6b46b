import { startBackup, type BackupEntry, type BackupReason } from './backup';
import type { Ledger } from './open';

/** The connection's write count when this process last backed the ledger up. */
const backedUpAt = new WeakMap<Ledger, number>();

const totalChanges = (ledger: Ledger) =>
  (ledger.sqlite.prepare('select total_changes() as n').get() as { n: number }).n;

/** Notes that the ledger's current state is in a backup (after a backup, a restore or an open). */
export function markBackedUp(ledger: Ledger): void {
  backedUpAt.set(ledger, totalChanges(ledger));
}

/** Whether anything was written through this process since its last backup (or ever, if none). */
export function writtenSinceBackup(ledger: Ledger): boolean {
  const mark = backedUpAt.get(ledger);
  return mark === undefined || totalChanges(ledger) !== mark;
}

/**
 * Backs the open ledger up. Routine moments (before an import, on exit, on the timer) are skipped
 * when this process's last backup already holds the current state; `force` takes one regardless.
 */
export function backupLedger(ledger: Ledger, reason: BackupReason, opts: { force?: boolean; now?: Date } = {}): BackupEntry | null {
  return startLedgerBackup(ledger, reason, opts).finish();
}

/**
 * backupLedger started now and finished by `finish` (which waits for the copy, or throws BackupError):
 * meanwhile the caller may write inside a transaction it has not committed, which the copy does not see.
 * The marks are those of the state when it started.
 */
export function startLedgerBackup(ledger: Ledger, reason: BackupReason, opts: { force?: boolean; now?: Date } = {}): { finish: () => BackupEntry | null } {
  if (!opts.force && !writtenSinceBackup(ledger)) return { finish: () => null };
  const writes = totalChanges(ledger);
  // Started while an import's rows are written but not committed (立即备份 or 定时 beside the 导入前
  // copy), the copy holds the state before them, which no write count names: the marks stay as they were.
  const marks = !ledger.sqlite.inTransaction;
  const running = startBackup(ledger.file, reason, { nativeBinding: ledger.options.nativeBinding, now: opts.now });
  return {
    finish: () => {
      const entry = running.finish();
      if (!marks) return entry;
      backedUpAt.set(ledger, writes);
      // The backup's copy passed a full integrity check, and it is that state page for page.
      ledger.markChecked(writes);
      return entry;
    },
  };
}

export const AUTO_BACKUP_MS = 30 * 60_000;

/** Every 30 minutes, a backup if something was written since the last one. Returns the stop function. */
export function startAutoBackup(ledger: Ledger, onError: (e: Error) => void, everyMs = AUTO_BACKUP_MS): () => void {
  const timer = setInterval(() => {
    if (ledger.problem) return;
    try {
      backupLedger(ledger, '定时');
    } catch (e) {
      onError(e as Error);
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
