import { existsSync, statSync } from 'node:fs';
import pkg from '../../package.json' with { type: 'json' };
import { listBackups } from '../../db/backup';
import type { Ctx } from './define';

export type About = {
  version: string;
  file: string;
  /** The ledger file with its write-ahead log, in bytes. */
  bytes: number;
  lastBackup: { at: string; file: string | null } | null;
};

const size = (f: string) => (existsSync(f) ? statSync(f).size : 0);

/** The newest of this ledger's backups, as 数据安全 lists them (temporary and foreign files left out). */
export function lastBackup(ctx: Ctx): About['lastBackup'] {
  const newest = listBackups(ctx.ledger.file)[0];
  return newest ? { at: newest.at.toISOString(), file: newest.path } : null;
}

export function aboutLedger(ctx: Ctx): About {
  const f = ctx.ledger.file;
  return { version: pkg.version, file: f, bytes: size(f) + size(`${f}-wal`), lastBackup: lastBackup(ctx) };
}
