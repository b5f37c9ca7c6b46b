import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { LedgerFileError } from './ledger-file-error';

type Holder = { pid: number; host: string; since: string; what: string };

const held = new Map<string, number>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(lockFile: string): Holder | null {
  try {
    return JSON.parse(readFileSync(lockFile, 'utf8')) as Holder;
  } catch {
    // Unreadable or half-written (its writer was killed at that moment): nobody can be holding it.
    return null;
  }
}

/**
 * One program at a time on a ledger: a lock file beside it, created exclusively, holding the pid.
 * A lock left by a process that is gone (killed, crashed) is taken over. Within one process the lock
 * is counted, so opening the same ledger twice here is allowed. Returns the release function.
 */
export function lockLedger(ledgerFile: string, what: string): () => void {
  const lockFile = `${resolve(ledgerFile)}.lock`;
  const mine = held.get(lockFile);
  if (mine) { held.set(lockFile, mine + 1); return () => release(lockFile); }
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(lockFile, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readHolder(lockFile);
      const sameHost = !holder || holder.host === hostname();
      if (holder && (!sameHost || alive(holder.pid)) && holder.pid !== process.pid) {
        throw new LedgerFileError('locked', resolve(ledgerFile),
          `${holder.what}，进程号 ${holder.pid}${sameHost ? '' : `，计算机 ${holder.host}`}，${holder.since} 起`);
      }
      rmSync(lockFile, { force: true });
      continue;
    }
    try {
      const since = new Date().toLocaleString('zh-CN', { hour12: false });
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since, what } satisfies Holder));
    } finally {
      closeSync(fd);
    }
    held.set(lockFile, 1);
    process.once('exit', () => { if (held.has(lockFile)) removeIfOurs(lockFile); });
    return () => release(lockFile);
  }
  throw new Error(`无法取得台账锁文件 ${lockFile}`);
}

function removeIfOurs(lockFile: string): void {
  if (readHolder(lockFile)?.pid === process.pid) rmSync(lockFile, { force: true });
}

function release(lockFile: string): void {
  const n = held.get(lockFile) ?? 0;
  if (n > 1) { held.set(lockFile, n - 1); return; }
  held.delete(lockFile);
  removeIfOurs(lockFile);
}
