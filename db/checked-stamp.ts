import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * A note beside a ledger file that its bytes, exactly as they are, have passed a full integrity check:
 * the file's size and SHA-256, written when a ledger is closed in a state that was checked (at its
 * opening, or through a backup's copy). An unchanged file then opens without checking it again — the
 * full check reads every page and index, 20 s on a district's 200 MB ledger — while a file whose bytes
 * changed in any way (a flipped bit, a copy over it, a session that never closed) is checked in full.
 */
const Stamp = z.object({ size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export const stampFile = (ledgerFile: string): string => `${ledgerFile}.checked`;

const CHUNK = 2 ** 20;

function digest(file: string): string {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(CHUNK);
  const fd = openSync(file, 'r');
  try {
    for (let n; (n = readSync(fd, buf, 0, CHUNK, null)) > 0;) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** A -wal or -journal with anything in it holds writes the main file's bytes do not show. */
function pendingWrites(ledgerFile: string): boolean {
  return ['-wal', '-journal'].some((side) => (statSync(ledgerFile + side, { throwIfNoEntry: false })?.size ?? 0) > 0);
}

function readStamp(ledgerFile: string): z.infer<typeof Stamp> | null {
  let text: string;
  try {
    text = readFileSync(stampFile(ledgerFile), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  // A stamp cut short or written by hand is no stamp: the file gets its full check.
  try {
    const parsed = Stamp.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Whether the file's bytes are the ones a stamp beside it says were checked. */
export function checkedBefore(ledgerFile: string): boolean {
  const stamp = readStamp(ledgerFile);
  if (!stamp || pendingWrites(ledgerFile)) return false;
  if (statSync(ledgerFile).size !== stamp.size) return false;
  return digest(ledgerFile) === stamp.sha256;
}

/** Drops the stamp before the file may be written. */
export function forgetChecked(ledgerFile: string): void {
  rmSync(stampFile(ledgerFile), { force: true });
}

/**
 * Errors that mean the stamp cannot be kept here (a read-only folder, a full disk, a file held by another
 * program): closing goes on without it and the next open checks in full.
 */
const CANNOT_WRITE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'EBUSY']);

/** Stamps the closed file's bytes as checked; written aside and renamed, so a stamp is never half there. */
export function stampChecked(ledgerFile: string): void {
  if (pendingWrites(ledgerFile)) return;
  const stamp = { size: statSync(ledgerFile).size, sha256: digest(ledgerFile) } satisfies z.infer<typeof Stamp>;
  const temp = `${stampFile(ledgerFile)}.partial`;
  try {
    writeFileSync(temp, JSON.stringify(stamp));
    renameSync(temp, stampFile(ledgerFile));
  } catch (e) {
    if (!CANNOT_WRITE.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
    rmSync(temp, { force: true });
  }
}
