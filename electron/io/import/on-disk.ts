import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportFile } from './run';

/** The file to import could not be opened or read (gone, no permission): the file is refused, the import goes on. */
export class SourceUnreadable extends Error {}

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
  private count = 0;

  /** Throws SourceUnreadable when the file cannot be opened or read; what writing the copy throws (a full disk) as it is. */
  take(name: string, path: string): ImportFile {
    const from = unreadable(() => openSync(path, 'r'));
    let to: number;
    let copy: string;
    try {
      this.dir ??= mkdtempSync(join(tmpdir(), 'ledger-import-'));
      copy = join(this.dir, String(this.count++));
      to = openSync(copy, 'wx');
    } catch (e) {
      closeSync(from);
      throw e;
    }
    try {
      const hash = createHash('sha256');
      const chunk = Buffer.allocUnsafe(1 << 20);
      let size = 0;
      const read = () => unreadable(() => readSync(from, chunk, 0, chunk.length, null));
      for (let n = read(); n > 0; n = read()) {
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

  remove(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}

function unreadable<T>(io: () => T): T {
  try {
    return io();
  } catch (e) {
    throw new SourceUnreadable(e instanceof Error ? e.message : String(e));
  }
}
