import { openLedger, type Ledger, type OpenOptions } from '../db/open';
import { loadBaseData } from '../seeds/load-base';
import type { Ctx } from './api/define';

/** Opens a ledger ready for work: migrated, with the township's base data present. */
export function openContext(file: string, opts: OpenOptions = {}): Ctx {
  const ledger: Ledger = openLedger(file, opts);
  try {
    if (!opts.readonly) loadBaseData(ledger);
  } catch (e) {
    ledger.close();
    throw e;
  }
  return { ledger, db: ledger.db };
}
