import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TestLedger } from './ledger';
import { ROOT } from './run';

/** ../shared/formats/samples: one half-year (2014-01-01 … 2014-06-30) as the units sent it. */
export const SAMPLES = join(ROOT, '..', 'shared', 'formats', 'samples');

export const sampleFiles = (folder = SAMPLES) => readdirSync(folder).filter((f) => !/\.(md|json)$/.test(f)).map((f) => join(folder, f));

/** Imports files into the ledger as one batch, as `ledger import` does. */
export async function importFiles(t: TestLedger, paths: string[]): Promise<void> {
  t.ctx.transport = 'direct';
  const r = (await t.api.imports.commit({ files: paths.map((path) => ({ path })) } as never)) as { files: { error?: string }[] };
  const bad = r.files.filter((f) => f.error);
  if (bad.length) throw new Error(`import failed: ${JSON.stringify(bad)}`);
}
