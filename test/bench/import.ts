/**
 * Import: a generated 20,000-row 帮扶户基本信息表, read in the reading process, checked (dry run),
 * imported in one transaction, then imported again (all unchanged).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleContext } from '../helpers/ledger';
import { importFiles } from '../../electron/io/import/run';
import { WorkbookReader } from '../../electron/io/read/read';
import { bigHouseholdSheet } from '../helpers/generate';

const N = 20_000;
const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;

export async function benchImport(): Promise<void> {
const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
try {
  let t = performance.now();
  const bytes = bigHouseholdSheet(N);
  console.log(`import: generated ${N.toLocaleString('en-US')}-row sheet (${(bytes.length / 1024 / 1024).toFixed(1)} MB) in ${ms(t)}`);
  const reader = new WorkbookReader();
  t = performance.now();
  await reader.read(new Uint8Array(), 'warm-up.csv').catch(() => undefined);
  await reader.read(Buffer.from('a,b\n'), 'warm-up.csv');
  console.log(`import: reading process started in ${ms(t)}`);
  t = performance.now();
  await reader.read(bytes, 'big.xlsx');
  console.log(`import: workbook read (child process, SheetJS) in ${ms(t)}`);
  const ctx = exampleContext(join(dir, 'bench.sqlite'));
  const phases: string[] = [];
  let last = performance.now();
  const progress = (e: { message?: string }) => { if (/读取|写入|核对…|完成/.test(e.message ?? '')) { phases.push(`${e.message?.replace(/（.*$/, '')} +${ms(last)}`); last = performance.now(); } };
  for (const [label, dryRun] of [['preview (dry run)', true], ['commit', false], ['re-import (unchanged)', false]] as const) {
    phases.length = 0; last = performance.now();
    t = performance.now();
    const r = await importFiles(ctx.ledger.sqlite, [{ name: 'big.xlsx', bytes }], { dryRun, reader, progress });
    const s = r.files[0].sheets[0];
    const total = performance.now() - t;
    console.log(`import: ${label}: ${total.toFixed(0)} ms, ${(N / (total / 1000)).toFixed(0)} rows/s (added ${s.added}, unchanged ${s.unchanged}, refused ${s.errors.length}) [${phases.join(', ')}]`);
  }
  await reader.close();
  ctx.ledger.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
}
