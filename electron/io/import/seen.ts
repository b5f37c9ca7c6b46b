import Database from 'better-sqlite3';
import { deserialize, serialize } from 'node:v8';

/** What a row said about a household or cadre: the first row that named it, and its values. */
export type Seen = { row: number; values: Record<string, unknown> };

/**
 * Entries kept in the heap before the oldest go to disk: a township's register (20,000 plots, about
 * 5,000 households) mostly fits, and a district's file holds no more than these in memory.
 */
const KEEP = 4096;

/** `nativeBinding`: the native module the ledger was opened with (Electron's build in the desktop program). */
export type SeenOptions = { keep?: number; nativeBinding?: string };

type OnDisk = { db: Database.Database; get: Database.Statement<[string], { row: number; values: Buffer }>; put: Database.Statement<[string, number, Buffer]> };

/**
 * What an import's file said about each household and cadre, by key; the first row to name one
 * stays. Kept in a Map up to KEEP entries; past that the oldest move to a private temporary SQLite
 * database (deleted by SQLite when it is closed or the process ends), so a district's file of
 * 25,000 households holds the same memory as a township's (a Map of all of them took 4.7 MB at
 * 100,000 plots). Values go there as V8 serializes them, so what comes back compares exactly as
 * what went in.
 */
export class SeenStore {
  private readonly recent = new Map<string, Seen>();
  private disk: OnDisk | null = null;

  private readonly keep: number;

  constructor(private readonly opts: SeenOptions = {}) {
    this.keep = opts.keep ?? KEEP;
  }

  get(key: string): Seen | undefined {
    const s = this.recent.get(key);
    if (s || !this.disk) return s;
    const r = this.disk.get.get(key);
    return r ? { row: r.row, values: deserialize(r.values) as Record<string, unknown> } : undefined;
  }

  /** Records what `key`'s row said, unless an earlier row already did. */
  add(key: string, seen: Seen): void {
    if (this.recent.has(key) || (this.disk && this.disk.get.get(key))) return;
    this.recent.set(key, seen);
    if (this.recent.size <= this.keep) return;
    const [oldest, s] = this.recent.entries().next().value!;
    this.recent.delete(oldest);
    (this.disk ??= open(this.opts.nativeBinding)).put.run(oldest, s.row, serialize(s.values));
  }

  clear(): void {
    this.recent.clear();
    this.disk?.db.close();
    this.disk = null;
  }
}

function open(binding: string | undefined): OnDisk {
  // '': a temporary database on disk, written only past its page cache, removed by SQLite itself.
  const db = new Database('', binding ? { nativeBinding: binding } : {});
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -256');
  db.exec('create table seen (key text primary key, row integer not null, "values" blob not null) without rowid');
  return {
    db,
    get: db.prepare('select row, "values" from seen where key = ?'),
    put: db.prepare('insert into seen (key, row, "values") values (?, ?, ?)'),
  };
}
