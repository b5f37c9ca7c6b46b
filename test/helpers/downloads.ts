import { readFileSync } from 'node:fs';
import { FileHandles } from '../../electron/api/file-handles';
import type { TestLedger } from './ledger';

/**
 * Gives a test ledger's direct calls what the window's transports give theirs: a place for the files
 * a method writes for the person (exports, PDFs), each answered as a download handle. Let go with the ledger.
 */
export function withDownloads(t: TestLedger): TestLedger {
  if (t.ctx.files) return t;
  const files = new FileHandles();
  t.ctx.files = files;
  const close = t.close;
  t.close = () => { files.clear(); close(); };
  return t;
}

/** The bytes of a file a method wrote for the person to download (`{ download }` in its answer). */
export function downloaded(t: TestLedger, written: { download?: string }): Buffer {
  const file = written.download ? t.ctx.files?.get(written.download) : undefined;
  if (!file) throw new Error(`no downloadable file in the answer (download: ${String(written.download)}); did the test call withDownloads?`);
  return readFileSync(file.path);
}
