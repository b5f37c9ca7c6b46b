import { randomBytes } from 'node:crypto';
import { renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file under a temporary name beside `path` and renames it into place only once it is whole:
 * a cancelled or failed export leaves no file behind, and never half-overwrites one that was there.
 * `write` must have closed the file when it settles (resolved or rejected).
 */
export async function writeWhole<T>(path: string, write: (partPath: string) => Promise<T>): Promise<T> {
  const part = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.part`);
  try {
    const result = await write(part);
    renameSync(part, path);
    return result;
  } finally {
    rmSync(part, { force: true });
  }
}
