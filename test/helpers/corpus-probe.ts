/**
 * Runs the importer (dry run) over each file given, one at a time, in this one process, and prints a
 * JSON line per file: what became of it, how long it took, and the process's peak memory so far.
 * Used by test/integration/import-corpus.test.ts in a child process, so a crash shows as an exit code.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { exampleContext } from './ledger';
import { importFiles } from '../../electron/io/import/run';
import { WorkbookReader } from '../../electron/io/read/read';

const dir = mkdtempSync(join(tmpdir(), 'ledger-corpus-'));
const ctx = exampleContext(join(dir, 'ledger.sqlite'));
const reader = new WorkbookReader();
try {
  for (const file of process.argv.slice(2)) {
    const t = Date.now();
    const r = await importFiles(ctx.ledger.sqlite, [{ name: basename(file), bytes: readFileSync(file) }], { dryRun: true, previewRows: 0, reader: { process: reader, own: false } });
    const f = r.files[0];
    const messages = [f.error, ...f.sheets.flatMap((s) => [s.skipped, ...s.errors.map((e) => e.message), ...s.warnings.map((w) => w.message)])].filter(Boolean);
    process.stdout.write(`${JSON.stringify({ file, error: f.error ?? null, sheets: f.sheets.length, messages, ms: Date.now() - t, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
  }
} finally {
  await reader.close();
  ctx.ledger.close();
  rmSync(dir, { recursive: true, force: true });
}
