import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { ImportFile } from './run';

/**
 * A file on disk to import, given by its path: its digest and size are taken here a MB at a time, and
 * the reading process reads the file itself, so the importing process never holds a big file's bytes
 * (nor a copy of them sent across). Throws what opening or reading the file throws.
 */
export function onDisk(name: string, path: string): ImportFile {
  const fd = openSync(path, 'r');
  try {
    const hash = createHash('sha256');
    const chunk = Buffer.allocUnsafe(1 << 20);
    let size = 0;
    for (let n = readSync(fd, chunk, 0, chunk.length, null); n > 0; n = readSync(fd, chunk, 0, chunk.length, null)) {
      hash.update(chunk.subarray(0, n));
      size += n;
    }
    if (size !== fstatSync(fd).size) throw new Error(`${path} changed while it was read`);
    return { name, path, sha256: hash.digest('hex'), size };
  } finally {
    closeSync(fd);
  }
}
