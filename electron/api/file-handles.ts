import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type HeldFile = { path: string; name: string };

/**
 * Files the person gave us (main's open dialog, a drop, an upload in browser mode), each under a random
 * id. A page names a file only by such an id: it cannot make one up for a path it was never given.
 */
export class FileHandles {
  private readonly held = new Map<string, HeldFile & { temporary: boolean }>();

  /** `max`: a page may upload again and again; the oldest file is let go (and a temporary copy deleted). */
  constructor(private readonly max = 200) {}

  add(path: string, name: string, temporary = false): string {
    const id = randomBytes(18).toString('base64url');
    this.held.set(id, { path, name, temporary });
    while (this.held.size > this.max) this.drop(this.held.keys().next().value as string);
    return id;
  }

  private outputs: string | undefined;

  /**
   * A new temporary file for something the API writes for the person to save (an export, a PDF):
   * the handler streams into `path`, returns `{ download: id, fileName }`, and the transport delivers it
   * (browser mode: GET /api/download/<id>; desktop: main's save dialog copies it). Deleted when let go.
   */
  output(name: string): { id: string; path: string } {
    this.outputs ??= mkdtempSync(join(tmpdir(), 'ledger-out-'));
    const path = join(this.outputs, randomBytes(12).toString('hex'));
    return { id: this.add(path, name, true), path };
  }

  get(id: string): HeldFile | undefined {
    const f = this.held.get(id);
    return f && { path: f.path, name: f.name };
  }

  drop(id: string): void {
    const f = this.held.get(id);
    this.held.delete(id);
    if (f?.temporary) rmSync(f.path, { force: true });
  }

  clear(): void {
    for (const id of [...this.held.keys()]) this.drop(id);
    if (this.outputs) rmSync(this.outputs, { recursive: true, force: true });
    this.outputs = undefined;
  }
}
