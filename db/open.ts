import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;
export type Ledger = { db: Db; sqlite: Database.Database; file: string; close(): void };

export type OpenOptions = {
  /** The Electron app passes its own build of the native module (see scripts/electron-native.mjs). */
  nativeBinding?: string;
  migrationsFolder?: string;
  readonly?: boolean;
};

/** Finds db/migrations from wherever this module ends up (source under tsx, or bundled in out/main). */
export function findMigrationsFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    for (const candidate of [join(dir, 'migrations'), join(dir, 'db', 'migrations')]) {
      if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    }
    dir = dirname(dir);
  }
  throw new Error('找不到数据库迁移文件（db/migrations），安装可能不完整');
}

function pendingMigrations(sqlite: Database.Database, folder: string): number {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  const has = sqlite.prepare("select 1 from sqlite_master where type='table' and name='__drizzle_migrations'").get();
  const applied = has ? (sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n : 0;
  return journal.entries.length - applied;
}

function isEmpty(sqlite: Database.Database): boolean {
  return !sqlite.prepare("select 1 from sqlite_master where type='table' limit 1").get();
}

/**
 * Opens (creating if needed) a ledger file: WAL, foreign keys on, integrity checked, migrations applied.
 * Before a migration touches a ledger that holds data, a copy is taken beside it.
 */
export function openLedger(file: string, opts: OpenOptions = {}): Ledger {
  const path = resolve(file);
  const sqlite = new Database(path, {
    readonly: opts.readonly ?? false,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  });
  try {
    if (!opts.readonly) {
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = NORMAL');
    }
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const check = sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`台账文件已损坏（${String(check)}），请从“数据安全”中的备份恢复`);
    const folder = opts.migrationsFolder ?? findMigrationsFolder();
    if (!opts.readonly && pendingMigrations(sqlite, folder) > 0) {
      if (!isEmpty(sqlite)) {
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        sqlite.prepare('vacuum into ?').run(`${path}.before-migration-${stamp}.sqlite`);
      }
      migrate(drizzle(sqlite), { migrationsFolder: folder });
    }
  } catch (e) {
    sqlite.close();
    throw e;
  }
  const db = drizzle(sqlite, { schema });
  return { db, sqlite, file: path, close: () => sqlite.close() };
}
