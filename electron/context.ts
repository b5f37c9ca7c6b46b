import { openLedger, type Ledger, type OpenOptions } from '../db/open';
import type { Ctx } from './api/define';

/**
 * Opens a ledger for work: migrated, nothing else written. The township's villages and groups come
 * from its setup (township.setup, `ledger init`), never from opening; a ledger without them opens on
 * the setup page.
 */
export function openContext(file: string, opts: OpenOptions = {}): Ctx {
  const ledger: Ledger = openLedger(file, opts);
  return { ledger, db: ledger.db };
}
