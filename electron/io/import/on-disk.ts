import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportFile } from './run';

/**
 * Files on disk to import, given by their paths. Each is copied into a folder of the import's own
 * while its digest is taken (a MB at a time), and the reading process reads the copy: what is
 * imported is exactly what the batch's digest names, even if the unit's file is changed or replaced
 * while the import runs (hashing the file and reading it again later could import newer content under
 * the older digest). The importing process never holds a big file's bytes. `remove` the copies once the
 * import is over.
 */
export class DiskCopies {
  private dir: string | null = null;

  /** Throws what opening, reading or copying the file throws. */
  take(name: string, path: string): ImportFile {
    this.dir ??= mkdtempSync(join(tmpdir(), 'ledger-import-'));
    const copy = join(this.dir, String(this.count++));
    const from = openSync(path, 'r');
    const to = openSync(copy, 'wx');
    try {
      const hash = createHash('sha256');
      const chunk = Buffer.allocUnsafe(1 << 20);
      let size = 0;
      for (let n = readSync(from, chunk, 0, chunk.length, null); n > 0; n = readSync(from, chunk, 0, chunk.length, null)) {
        const part = chunk.subarray(0, n);
        hash.update(part);
        for (let w = 0; w < n;) w += writeSync(to, part, w, n - w);
        size += n;
      }
      return { name, path: copy, sha256: hash.digest('hex'), size };
    } finally {
      closeSync(from);
      closeSync(to);
    }
  }

  private count = 0;

  remove(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}
