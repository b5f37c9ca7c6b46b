/**
 * Import rows of `npm run bench` (issue 11): a 20,000-plot 土地流转台账 imported by the CLI as the README
 * runs it (whole process, a fresh copy of a set-up ledger each time) beside SheetJS alone reading the
 * same file into rows (whole process); the commit, rollback plan and undo of that batch inside one
 * process; and a 100,000-plot ledger imported whole (rows per second, peak memory).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planRollback, rollbackBatch } from '../../electron/io/import/rollback';
import { importFiles } from '../../electron/io/import/run';
import { WorkbookReader } from '../../electron/io/read/read';
import { openContext } from '../../electron/context';
import { bigLandSheet } from '../helpers/generate';
import { exampleContext } from '../helpers/ledger';
import { ROOT } from '../helpers/run';
import type { BenchRow, Sample } from './row';

const SMALL = 20_000;
const BIG = Number(process.env.BENCH_IMPORT_BIG ?? 100_000);
const file = (dir: string, n: number) => join(dir, `上坝镇机关-土地流转台账-${n}.xlsx`);

async function prepare(dir: string, sizes: number[]): Promise<void> {
  const ctx = exampleContext(join(dir, 'base.sqlite'));
  ctx.ledger.close();
  for (const n of sizes) if (!existsSync(file(dir, n))) writeFileSync(file(dir, n), bigLandSheet(n));
}

/** A whole process, timed from spawn to exit; peak memory from GNU time where the machine has it. */
function whole(args: string[]): Sample {
  const time = existsSync('/usr/bin/time');
  const t = performance.now();
  const r = time
    ? spawnSync('/usr/bin/time', ['-f', 'PEAK %M', process.execPath, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 })
    : spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args.join(' ')}: exit ${r.status}\n${r.stderr.slice(-2000)}`);
  const peak = /PEAK (\d+)/.exec(r.stderr)?.[1];
  return { ms, ...(peak ? { peakMb: Number(peak) / 1024 } : {}) };
}

/** `node bin/ledger.mjs --db <fresh copy> import <file> --json`, checked to have imported every row. */
function cliImport(dir: string, n: number): Sample {
  const db = join(dir, `run-${n}.sqlite`);
  copyFileSync(join(dir, 'base.sqlite'), db);
  const s = whole([join(ROOT, 'bin', 'ledger.mjs'), '--db', db, 'import', file(dir, n), '--json']);
  const ctx = openContext(db);
  const plots = (ctx.ledger.sqlite.prepare('select count(*) as n from land_plots').get() as { n: number }).n;
  ctx.ledger.close();
  if (plots !== n) throw new Error(`imported ${plots} plots of ${n}`);
  return { ...s, rows: n };
}

const SHEETJS_ALONE = `
const XLSX = require('xlsx');
const wb = XLSX.read(require('fs').readFileSync(process.argv[1]), { type: 'buffer', dense: true });
const rows = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1 });
if (rows.length < 4) process.exit(1);`;

export const importCli: BenchRow = {
  key: 'import-cli',
  work: `import ${SMALL.toLocaleString('en-US')} plots, whole CLI process`,
  floorLabel: 'SheetJS alone reading the same file into rows, whole process',
  target: '≤ 1.5× (≤ 1.0× with a streaming reader)',
  maxRatio: 1.5,
  needsBuild: true,
  setupKey: 'import',
  setup: (dir) => prepare(dir, [SMALL]),
  measure: async (dir) => cliImport(dir, SMALL),
  floor: async (dir) => ({ ...whole(['-e', SHEETJS_ALONE, file(dir, SMALL)]), rows: SMALL }),
};

/** A ledger holding the 20,000-plot batch, for the rollback rows (made once, copied per run). */
async function imported(dir: string): Promise<string> {
  const done = join(dir, 'imported.sqlite');
  if (!existsSync(done)) {
    copyFileSync(join(dir, 'base.sqlite'), done);
    const ctx = openContext(done);
    await importFiles(ctx.ledger.sqlite, [{ name: 'land.xlsx', bytes: readFileSync(file(dir, SMALL)) }], { dryRun: false });
    ctx.ledger.close();
  }
  const copy = join(dir, 'rollback.sqlite');
  copyFileSync(done, copy);
  return copy;
}

export const importCommit: BenchRow = {
  key: 'import-commit',
  work: `commit of a ${SMALL.toLocaleString('en-US')}-row import (file already read)`,
  floorLabel: '—',
  target: 'was about 4 s',
  setupKey: 'import',
  setup: (dir) => prepare(dir, [SMALL]),
  measure: async (dir) => {
    const db = join(dir, 'commit.sqlite');
    copyFileSync(join(dir, 'base.sqlite'), db);
    const reader = new WorkbookReader();
    const book = await reader.read(readFileSync(file(dir, SMALL)), 'land.xlsx');
    await reader.close();
    const ctx = openContext(db);
    const given = { read: async () => book, close: async () => {} } as unknown as WorkbookReader;
    const t = performance.now();
    await importFiles(ctx.ledger.sqlite, [{ name: 'land.xlsx', bytes: new Uint8Array(1) }], { dryRun: false, reader: { process: given, own: false } });
    const ms = performance.now() - t;
    ctx.ledger.close();
    return { ms, rows: SMALL };
  },
};

export const importRollbackPlan: BenchRow = {
  key: 'import-rollback-plan',
  work: `rollback plan of a ${SMALL.toLocaleString('en-US')}-row batch`,
  floorLabel: '—',
  target: 'was 6.6 s',
  setupKey: 'import',
  setup: (dir) => prepare(dir, [SMALL]),
  measure: async (dir) => {
    const ctx = openContext(await imported(dir));
    const t = performance.now();
    planRollback(ctx.ledger.sqlite, 1);
    const ms = performance.now() - t;
    ctx.ledger.close();
    return { ms, rows: SMALL };
  },
};

export const importUndo: BenchRow = {
  key: 'import-undo',
  work: `rollback (undo) of a ${SMALL.toLocaleString('en-US')}-row batch`,
  floorLabel: '—',
  target: 'was 9 s',
  setupKey: 'import',
  setup: (dir) => prepare(dir, [SMALL]),
  measure: async (dir) => {
    const ctx = openContext(await imported(dir));
    const t = performance.now();
    await rollbackBatch(ctx.ledger.sqlite, 1);
    const ms = performance.now() - t;
    ctx.ledger.close();
    return { ms, rows: SMALL };
  },
};

export const importBig: BenchRow = {
  key: 'import-big',
  work: `import ${BIG.toLocaleString('en-US')} plots (T5), whole CLI process`,
  floorLabel: 'SheetJS alone reading the same file into rows, whole process',
  target: 'imports (refused before); memory flat in the file size',
  needsBuild: true,
  setupKey: 'import-big',
  setup: (dir) => prepare(dir, [BIG]),
  measure: async (dir) => cliImport(dir, BIG),
  floor: async (dir) => ({ ...whole(['-e', SHEETJS_ALONE, file(dir, BIG)]), rows: BIG }),
};
