import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { BackupError, newestGoodBackup, takeBackup } from './backup';
import { checkedBefore, forgetChecked, stampChecked, stampFile } from './checked-stamp';
import { swappableConnection } from './connection';
import { findMigrationsFolder, inspectLedgerFile, knownMigrations } from './ledger-check';
import { LedgerFileError } from './ledger-file-error';
import * as schema from './schema';

export { findMigrationsFolder } from './ledger-check';
export { LedgerFileError } from './ledger-file-error';

export type Db = BetterSQLite3Database<typeof schema>;

export type Ledger = {
  db: Db;
  sqlite: Database.Database;
  file: string;
  options: OpenOptions;
  /** Set when the file could not be opened (recovery mode): every use of `sqlite` or `db` throws it. */
  problem: LedgerFileError | null;
  close(): void;
  /**
   * Closes the connection, lets `swap` put another file in place, then opens that file (checked and
   * migrated like any open) in this same object, so every holder of the ledger sees the new one.
   */
  replaceFile(swap: () => void): void;
  /**
   * Says the ledger's current state has just passed a full integrity check (a backup's copy of it did):
   * closed in this state, the file is stamped as checked and its next open skips the full check.
   * `writes`: the state was the one at that count of this connection's writes (a backup started
   * then and finished later), not the current one.
   */
  markChecked(writes?: number): void;
};

export type OpenOptions = {
  /** The Electron app passes its own build of the native module (see scripts/electron-native.mjs). */
  nativeBinding?: string;
  migrationsFolder?: string;
  readonly?: boolean;
  /** Told once when checking the file takes longer than a second. */
  onSlow?: (message: string) => void;
};

const SLOW = '正在检查台账文件的完整性，请稍候…';

function pendingMigrations(sqlite: Database.Database, folder: string): number {
  const has = sqlite.prepare("select 1 from sqlite_master where type='table' and name='__drizzle_migrations'").get();
  const applied = has ? (sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n : 0;
  return knownMigrations(folder).length - applied;
}

function isEmpty(sqlite: Database.Database): boolean {
  return !sqlite.prepare("select 1 from sqlite_master where type='table' limit 1").get();
}

/**
 * Opens a connection to a ledger file after checking it without writing (header, full integrity_check,
 * our tables, not from a newer version); a new file is created. Pragmas that are already in force
 * write nothing, so opening an unchanged ledger leaves its bytes as they were. Before a migration
 * touches a ledger that holds data, a backup is taken (迁移前); if that fails, nothing is migrated.
 */
function connect(path: string, opts: OpenOptions): Database.Database {
  const folder = opts.migrationsFolder ?? findMigrationsFolder();
  if (existsSync(path)) {
    const known = checkedBefore(path);
    inspectLedgerFile(path, { nativeBinding: opts.nativeBinding, migrationsFolder: folder, full: !known, onSlow: () => opts.onSlow?.(SLOW) });
    // A stamp stays only while the bytes it vouches for cannot change under it.
    if (!known || !opts.readonly) forgetChecked(path);
  }
  const sqlite = new Database(path, {
    readonly: opts.readonly ?? false,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  });
  try {
    if (!opts.readonly) {
      if (sqlite.pragma('journal_mode', { simple: true }) !== 'wal') sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = NORMAL');
    }
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    if (!opts.readonly && pendingMigrations(sqlite, folder) > 0) {
      if (!isEmpty(sqlite)) {
        try {
          takeBackup(path, '迁移前', { nativeBinding: opts.nativeBinding });
        } catch (e) {
          if (e instanceof BackupError) throw new Error(`升级台账前的备份没有成功，台账未升级：${e.message}`);
          throw e;
        }
      }
      migrate(drizzle(sqlite), { migrationsFolder: folder });
    }
  } catch (e) {
    sqlite.close();
    throw e;
  }
  return sqlite;
}

const totalChanges = (c: Database.Database) => (c.prepare('select total_changes() as n').get() as { n: number }).n;

function ledgerOver(path: string, opts: OpenOptions, conn: Database.Database | null, problem: LedgerFileError | null): Ledger {
  const ledger: Ledger = {} as Ledger;
  const holder = swappableConnection(conn, () => ledger.problem ?? new Error('台账已关闭'));
  // The connection's write count at which its state was last checked in full: 0 at opening (checked
  // before the connection wrote anything); null once that state is gone and no check has vouched since.
  let checkedAt: number | null = conn ? 0 : null;
  Object.assign(ledger, {
    db: drizzle(holder.proxy, { schema }),
    sqlite: holder.proxy,
    file: path,
    options: opts,
    problem,
    close: () => {
      const current = holder.current();
      if (!current) return;
      const checked = checkedAt !== null && totalChanges(current) === checkedAt;
      current.close();
      holder.swap(null);
      checkedAt = null;
      if (checked && !existsSync(stampFile(path))) stampChecked(path);
    },
    markChecked: (writes?: number) => {
      const current = holder.current();
      if (current) checkedAt = writes ?? totalChanges(current);
    },
    replaceFile: (swap: () => void) => {
      ledger.close();
      swap();
      try {
        holder.swap(connect(path, opts));
        checkedAt = 0;
        ledger.problem = null;
      } catch (e) {
        if (e instanceof LedgerFileError) ledger.problem = e;
        throw e;
      }
    },
  } satisfies Ledger);
  return ledger;
}

/**
 * Opens (creating if needed) a ledger file: checked, WAL, foreign keys on, migrations applied.
 * A file that is not a whole ledger of this version throws a LedgerFileError and is not written.
 */
export function openLedger(file: string, opts: OpenOptions = {}): Ledger {
  const path = resolve(file);
  try {
    return ledgerOver(path, opts, connect(path, opts), null);
  } catch (e) {
    if (!(e instanceof LedgerFileError) || e.problem === 'newer' || e.problem === 'locked') throw e;
    throw e.withBackup(newestGoodBackup(path, opts));
  }
}

/** A ledger in recovery mode for a file that could not be opened: only its backups can be used. */
export function recoveryLedger(file: string, opts: OpenOptions, problem: LedgerFileError): Ledger {
  return ledgerOver(resolve(file), opts, null, problem);
}

/**
 * Like openLedger, but a file that cannot be opened gives a ledger in recovery mode instead of an
 * error: `problem` says what is wrong, and `replaceFile` can put a backup in its place.
 */
export function openLedgerOrProblem(file: string, opts: OpenOptions = {}): Ledger {
  const path = resolve(file);
  try {
    return openLedger(path, opts);
  } catch (e) {
    if (!(e instanceof LedgerFileError) || e.problem === 'locked') throw e;
    return ledgerOver(path, opts, null, e);
  }
}
