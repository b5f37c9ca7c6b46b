import Database from 'better-sqlite3';
import type { Ledger } from './open';

/** A read-only connection of its own to the ledger's file, holding one read transaction until closed. */
export type ReadSnapshot = { sqlite: Database.Database; close(): void };

/**
 * For long reads that wait between pages (exports): a second connection, read-only, inside one read
 * transaction. In WAL mode (every writable ledger, db/open.ts) it sees the ledger as committed when it
 * was opened and nothing after: not the rows of an import still running on the ledger's own
 * connection, nor what that import commits later. Its statements may stay open across awaits without
 * keeping the ledger's connection busy, and writers are not blocked by it. (A file not in WAL mode,
 * which only a ledger opened read-only can be, gets the same isolation, but its writers would wait.)
 */
export function openReadSnapshot(ledger: Ledger): ReadSnapshot {
  const sqlite = new Database(ledger.file, {
    readonly: true,
    fileMustExist: true,
    ...(ledger.options.nativeBinding ? { nativeBinding: ledger.options.nativeBinding } : {}),
  });
  try {
    sqlite.pragma('busy_timeout = 5000');
    sqlite.exec('begin');
    // SQLite takes the snapshot at the first read, not at BEGIN: read now, so it is the ledger of this moment.
    sqlite.prepare('select count(*) from sqlite_master').get();
  } catch (e) {
    sqlite.close();
    throw e;
  }
  return {
    sqlite,
    close: () => {
      if (sqlite.inTransaction) sqlite.exec('commit');
      sqlite.close();
    },
  };
}
