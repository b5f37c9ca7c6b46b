import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import type { Ctx } from './define';

export type About = {
  version: string;
  file: string;
  /** The ledger file with its write-ahead log, in bytes. */
  bytes: number;
  lastBackup: { at: string; file: string | null } | null;
};

const size = (f: string) => (existsSync(f) ? statSync(f).size : 0);

/** The newest backup: the newest file of the 备份 folder beside the ledger, where backups are written. */
export function lastBackup(ctx: Ctx): About['lastBackup'] {
  const dir = join(dirname(ctx.ledger.file), '备份');
  if (!existsSync(dir)) return null;
  let newest: { at: number; file: string } | null = null;
  for (const name of readdirSync(dir)) {
    const st = statSync(join(dir, name));
    if (st.isFile() && (!newest || st.mtimeMs > newest.at)) newest = { at: st.mtimeMs, file: join(dir, name) };
  }
  return newest ? { at: new Date(newest.at).toISOString(), file: newest.file } : null;
}

export function aboutLedger(ctx: Ctx): About {
  const f = ctx.ledger.file;
  return { version: pkg.version, file: f, bytes: size(f) + size(`${f}-wal`), lastBackup: lastBackup(ctx) };
}
