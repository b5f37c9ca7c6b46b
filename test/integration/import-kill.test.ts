import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpLedger } from '../helpers/dump';
import { bigHouseholdSheet } from '../helpers/generate';
import { ROOT } from '../helpers/run';

const N = 20_000;
const dir = mkdtempSync(join(tmpdir(), 'ledger-kill-'));
const big = join(dir, '帮扶户-大表.xlsx');
const base = join(dir, 'base.sqlite');
// Straight node with tsx's loader (not the tsx CLI, which runs the script in a second process a SIGKILL would miss).
const cli = (db: string) => [process.execPath, ['--import', pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href,
  join(ROOT, 'electron', 'cli.ts'), '--db', db, 'import', big, '--json']] as const;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const count = (db: string, sql: string) => {
  const d = new Database(db);
  try { return (d.prepare(sql).get() as { n: number }).n; } finally { d.close(); }
};

let before = '';
let fullMs = 0;
beforeAll(() => {
  writeFileSync(big, bigHouseholdSheet(N));
  const [node, args] = cli(base);
  expect(spawnSync(node, [...args.slice(0, 5), 'init'], { cwd: ROOT }).status).toBe(0);
  before = dumpLedger(base);
  // A complete run, to learn how long one takes on this machine and what "fully imported" looks like.
  const full = join(dir, 'full.sqlite');
  copyFileSync(base, full);
  const t = Date.now();
  const r = spawnSync(node, cli(full)[1], { cwd: ROOT, encoding: 'utf8' });
  fullMs = Date.now() - t;
  expect(r.status, r.stderr).toBe(0);
  expect(JSON.parse(r.stdout).files[0].sheets[0].added).toBe(N);
}, 300_000);

/** Starts an import on a copy of the base ledger and kills it with SIGKILL when `when` says so. */
function killed(name: string, when: (child: ReturnType<typeof spawn>, db: string) => Promise<void>): Promise<string> {
  const db = join(dir, `${name}.sqlite`);
  copyFileSync(base, db);
  const [node, args] = cli(db);
  const child = spawn(node, args, { cwd: ROOT, stdio: 'ignore' });
  return new Promise((done) => {
    child.once('exit', () => done(db));
    void when(child, db).then(() => child.kill('SIGKILL'));
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The ledger after a kill: intact, and either exactly as before or holding the whole batch — never part of it. */
function outcome(db: string): 'before' | 'complete' {
  expect(count(db, "select count(*) as n from pragma_integrity_check where integrity_check = 'ok'")).toBe(1);
  if (dumpLedger(db) === before) return 'before';
  expect(count(db, 'select count(*) as n from households')).toBe(N);
  expect(count(db, 'select count(*) as n from audit_log where batch_id = 1')).toBe(N);
  expect(count(db, 'select count(*) as n from import_batches where summary is not null')).toBe(1);
  return 'complete';
}

describe('an import killed with SIGKILL', () => {
  it('leaves the ledger as it was or fully imported, at every moment', async () => {
    const seen: string[] = [];
    for (const f of [0.2, 0.5, 0.75, 0.9, 0.97]) {
      const db = await killed(`at-${f}`, () => sleep(Math.round(fullMs * f)));
      seen.push(`${f}: ${outcome(db)}`);
    }
    // And once while the transaction is writing: as soon as the write-ahead log starts to grow.
    const db = await killed('mid-write', async (child, file) => {
      // The log comes and goes (a checkpoint or the child's own close removes it), so a missing file is size 0.
      const walSize = () => statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;
      const start = walSize();
      while (child.exitCode === null && walSize() <= start + 64 * 1024) await sleep(5);
    });
    seen.push(`mid-write: ${outcome(db)}`);
    console.log(`full import ${fullMs} ms; after kills: ${seen.join(', ')}`);
    expect(seen.some((s) => s.endsWith('before'))).toBe(true);
  }, 600_000);
});
