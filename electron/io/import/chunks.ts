import { setImmediate } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { checkCancelled } from '../../api/define';

/** Rows between progress events, cancellation checks and turns of the event loop. */
export const CHUNK = 500;

/**
 * Lets the event loop turn (a cancel, another call's answer, progress reaching the window), then
 * honours a cancel by throwing `Cancelled` where the caller stands: inside its transaction.
 */
export async function breathe(signal: AbortSignal | undefined): Promise<void> {
  await setImmediate();
  checkCancelled({ signal });
}

/**
 * The page cache of a bulk import, in KiB. An import mostly appends (records, their history rows,
 * index entries in id order), so the pages it keeps coming back to are few: past this the oldest
 * written pages go to the WAL file before the commit, and memory stays the same for a file of
 * 100,000 rows as for one of 20,000 (a cache that held every written page grew with the file).
 */
const BULK_CACHE_KIB = 16 * 1024;

/**
 * Runs `work` with the connection set for one big transaction of many small savepoints (a savepoint
 * per import row): their statement journals in memory instead of a temporary file written page by
 * page (400,000 writes for 20,000 rows), and a bounded page cache (BULK_CACHE_KIB). Put back after.
 */
export async function bulkSettings<T>(db: Database.Database, work: () => Promise<T>): Promise<T> {
  const temp = db.pragma('temp_store', { simple: true });
  const cache = db.pragma('cache_size', { simple: true });
  db.pragma('temp_store = MEMORY');
  db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  try {
    return await work();
  } finally {
    db.pragma(`temp_store = ${Number(temp)}`);
    db.pragma(`cache_size = ${Number(cache)}`);
  }
}
