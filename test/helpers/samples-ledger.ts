import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { ledgerCli, ROOT } from './run';

export const SAMPLES = join(ROOT, '..', 'shared', 'formats', 'samples');

/**
 * A ledger holding the sample submissions as one import, with 帮扶户基本信息表.xlsx's D26 emptied as
 * errors.json describes it (see test/integration/import-samples.test.ts): it gives expected.json.
 */
export function samplesLedger(dir: string, db = join(dir, 'samples.sqlite')): string {
  const patched = join(dir, 'samples');
  mkdirSync(patched, { recursive: true });
  const files = readdirSync(SAMPLES).filter((f) => !/\.(md|json)$/.test(f));
  for (const f of files) copyFileSync(join(SAMPLES, f), join(patched, f));
  const wb = XLSX.read(readFileSync(join(SAMPLES, '帮扶户基本信息表.xlsx')));
  delete wb.Sheets['帮扶户'].D26;
  writeFileSync(join(patched, '帮扶户基本信息表.xlsx'), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
  const init = ledgerCli(['--db', db, 'init']);
  if (init.code !== 0) throw new Error(init.stderr);
  const r = ledgerCli(['--db', db, 'import', ...files.map((f) => join(patched, f)), '--json']);
  if (r.code !== 0) throw new Error(r.stderr);
  return db;
}
