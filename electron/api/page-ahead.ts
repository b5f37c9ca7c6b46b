import type Database from 'better-sqlite3';

/**
 * Pages a grid is about to ask for, read ahead. A grid asks for `pageCuts` beside its first page and
 * then for every page after the cuts at once; but the window sends those asks only once it has created
 * the grid (a few hundred ms). The cuts say which pages will come, so the backend reads them meanwhile,
 * one per turn of its event loop (other calls are answered between two), and each is ready when asked.
 * A page read ahead is given only while the ledger is unchanged since it was read — no write on this
 * connection (`total_changes()`) nor on another (`data_version`) — else it is read again; each is given
 * once, and what is not asked for within a minute is let go.
 */
type Ahead = { pending: string[]; ready: Map<string, { text: string; version: string }>; timer: NodeJS.Timeout };

const KEEP_MS = 60_000;
const byLedger = new WeakMap<Database.Database, Map<string, Ahead>>();

function version(db: Database.Database): string {
  return `${db.prepare('select total_changes()').pluck().get() as number}:${db.pragma('data_version', { simple: true }) as number}`;
}

/** Starts reading `keys` of the register `area` ahead with `read`, in order, replacing what was read ahead for it before. */
export function readAhead(db: Database.Database, area: string, keys: string[], read: (key: string) => string): void {
  let areas = byLedger.get(db);
  if (!areas) byLedger.set(db, (areas = new Map()));
  const before = areas.get(area);
  if (before) clearTimeout(before.timer);
  const mine: Ahead = { pending: [...keys], ready: new Map(), timer: setTimeout(() => { if (areas.get(area) === mine) areas.delete(area); }, KEEP_MS) };
  mine.timer.unref();
  areas.set(area, mine);
  const step = () => {
    if (!db.open || areas.get(area) !== mine) return;
    const key = mine.pending.shift();
    if (key === undefined) return;
    const v = version(db);
    mine.ready.set(key, { text: read(key), version: v });
    setImmediate(step);
  };
  setImmediate(step);
}

/** The page `key` of `area` if it was read ahead and the ledger has not changed since; it is not read ahead any more either way. */
export function takeAhead(db: Database.Database, area: string, key: string): string | undefined {
  const mine = byLedger.get(db)?.get(area);
  if (!mine) return undefined;
  const i = mine.pending.indexOf(key);
  if (i >= 0) mine.pending.splice(i, 1);
  const hit = mine.ready.get(key);
  mine.ready.delete(key);
  return hit && hit.version === version(db) ? hit.text : undefined;
}
