import { listBackups } from '../db/backup';
import { lockLedger } from '../db/lock';
import { backupLedger, markBackedUp, startAutoBackup } from '../db/ledger-backup';
import { LedgerFileError, recoveryLedger, type OpenOptions } from '../db/open';
import type { Ctx } from './api/define';
import { openContext } from './context';

export type LedgerSession = { ctx: Ctx; stop(): void };

/**
 * How a long-running program (desktop app, browser mode) holds a ledger: the lock (one program at a
 * time), the ledger opened — or, when its file cannot be opened, in recovery mode so that the page
 * can offer the backups —, a backup every 30 minutes while edits happen, and one on the way out.
 */
export function startLedgerSession(file: string, what: string, opts: OpenOptions, log: (message: string) => void): LedgerSession {
  const unlock = lockLedger(file, what);
  let ctx: Ctx;
  try {
    ctx = openContext(file, opts);
  } catch (e) {
    if (!(e instanceof LedgerFileError)) { unlock(); throw e; }
    log(e.message);
    const ledger = recoveryLedger(file, opts, e);
    ctx = { ledger, db: ledger.db };
  }
  const { ledger } = ctx;
  // With a backup on disk the state at opening is safe; a ledger never backed up gets one at the first chance.
  if (!ledger.problem && listBackups(ledger.file).length > 0) markBackedUp(ledger);
  const stopTimer = startAutoBackup(ledger, (e) => log(`定时备份失败：${e.message}`));
  let stopped = false;
  return {
    ctx,
    stop: () => {
      if (stopped) return;
      stopped = true;
      stopTimer();
      try {
        if (!ledger.problem) backupLedger(ledger, '退出时');
      } catch (e) {
        log(`退出时备份失败：${(e as Error).message}`);
      }
      ledger.close();
      unlock();
    },
  };
}
