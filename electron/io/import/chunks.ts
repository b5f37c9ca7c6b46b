import type Database from 'better-sqlite3';
import { checkCancelled } from '../../api/define';

/** Rows between progress events, cancellation checks and turns of the event loop. */
export const CHUNK = 500;

/**
 * Lets the event loop turn (a cancel, another call's answer, progress reaching the window), then
 * honours a cancel by throwing `Cancelled` where the caller stands: inside its transaction.
 */
export async function breathe(signal: AbortSignal | undefined): Promise<void> {
  await new Promise<void>((ok) => setImmediate(ok));
  checkCancelled({ signal });
}

/**
 * Runs `work` with the connection set for one big transaction of many small savepoints (a savepoint
 * per import row): their statement journals in memory instead of a temporary file written page by
 * page (400,000 writes for 20,000 rows), and a page cache that holds the batch's pages. Put back after.
 */
export async function bulkSettings<T>(db: Database.Database, work: () => Promise<T>): Promise<T> {
  const temp = db.pragma('temp_store', { simple: true });
  const cache = db.pragma('cache_size', { simple: true });
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -65536');
  try {
    return await work();
  } finally {
    db.pragma(`temp_store = ${Number(temp)}`);
    db.pragma(`cache_size = ${Number(cache)}`);
  }
}
