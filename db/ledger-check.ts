import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkHeader } from './file-header';
import { LedgerFileError } from './ledger-file-error';
import { runJob, type FileFacts } from './sqlite-job';

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

/** The migrations this version knows, oldest first, from drizzle-kit's journal. */
export function knownMigrations(folder: string): { tag: string; when: number }[] {
  return (JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] }).entries;
}

/** The tables every ledger has had since its first migration. */
const OURS = ['__drizzle_migrations', 'households', 'audit_log'];

/** What the facts read from a file say about opening it as a ledger; null when it can be opened. */
export function judgeFacts(file: string, facts: FileFacts, known: { tag: string; when: number }[]): LedgerFileError | null {
  if (facts.integrity && (facts.integrity.length !== 1 || facts.integrity[0] !== 'ok')) {
    const shown = facts.integrity.slice(0, 2).join('；');
    return new LedgerFileError('damaged', file, `${facts.integrity.length >= 20 ? '20 处以上' : `${facts.integrity.length} 处`}问题，例如：${shown}`);
  }
  if (facts.tables.length === 0) return null;
  if (!OURS.every((t) => facts.tables.includes(t))) return new LedgerFileError('not-ledger', file);
  const last = known[known.length - 1];
  const newer = facts.applied.count > known.length || (facts.applied.lastCreatedAt ?? 0) > (last?.when ?? 0);
  if (newer) {
    return new LedgerFileError('newer', file, `数据库结构第 ${facts.applied.count} 版，本版本只认识到第 ${known.length} 版（${last?.tag ?? '无'}）`);
  }
  return null;
}

/** SQLite's own words for a file it cannot read, turned into our kinds. */
function fromSqliteError(file: string, code: string, message: string): LedgerFileError {
  if (code === 'SQLITE_NOTADB') return new LedgerFileError('header', file, message);
  return new LedgerFileError('damaged', file, `${code}：${message}`);
}

/**
 * Reads an existing file, without writing to it, to decide whether it can be opened as a ledger:
 * its header bytes first, then a full integrity_check (which, unlike quick_check, reads every index;
 * left out with `full: false`, for bytes already checked) and its tables and migration log in a worker.
 * Returns the facts, or throws a LedgerFileError.
 */
export function inspectLedgerFile(file: string, opts: { nativeBinding?: string; migrationsFolder: string; full?: boolean; onSlow?: () => void }): FileFacts {
  const header = checkHeader(file);
  if (header) throw header;
  const r = runJob({ kind: 'check', file, full: opts.full ?? true }, { nativeBinding: opts.nativeBinding, onSlow: opts.onSlow });
  if (!r.ok) throw fromSqliteError(file, r.code, r.message);
  const problem = judgeFacts(file, r.facts, knownMigrations(opts.migrationsFolder));
  if (problem) throw problem;
  return r.facts;
}
