import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBackups, takeBackup } from '../../db/backup';
import { openLedger } from '../../db/open';
import { dumpLedger } from '../helpers/dump';
import { tempLedger, type TestLedger } from '../helpers/ledger';
import { ROOT } from '../helpers/run';

const CHILD = join(ROOT, 'test', 'helpers', 'backup-child.ts');
// After the child says it has started: at once, and at points spread over the work.
const DELAYS = [0, 40, 150, 400];
/** For a restore, fractions of the time one takes here, measured first (the machine's speed varies). */
const FRACTIONS = [0, 0.3, 0.6, 0.85, 0.95, 1.2];

/** Runs the child until it says `ready`, waits `delay` ms, then kills it with SIGKILL. Returns what it printed. */
function killDuring(args: string[], delay: number | null): Promise<string[]> {
  // tsx's own CLI runs the script in a second process that a SIGKILL to the first would not reach.
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: string[] = [];
  let readyAt = 0;
  return new Promise((ok, fail) => {
    createInterface({ input: child.stdout }).on('line', (l) => {
      lines.push(l);
      if (l === 'ready') { readyAt = performance.now(); if (delay !== null) setTimeout(() => child.kill('SIGKILL'), delay); }
      if (l === 'done') lines.push(String(performance.now() - readyAt));
    });
    child.once('exit', (code, signal) => (signal === 'SIGKILL' || code === 0 ? ok(lines) : fail(new Error(`child exited with ${code}`))));
  });
}

describe('SIGKILL during a backup or a restore', () => {
  let t: TestLedger;
  let oldDump: string;
  let newDump: string;
  let source: string;
  const dirs: string[] = [];
  beforeAll(async () => {
    t = tempLedger();
    await t.api.meta.loadDemo({});
    source = takeBackup(t.file, '手动').path;
    newDump = dumpLedger(source);
    const ids = ((await t.api.households.list({ limit: 200 })).rows as { id: number }[]).map((h) => h.id);
    await t.api.households.delete({ ids });
    t.ctx.ledger.close();
    oldDump = dumpLedger(t.file);
    expect(oldDump).not.toBe(newDump);
  }, 120_000);
  afterAll(() => { rmSync(t.dir, { recursive: true, force: true }); for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

  const copyOfLedger = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-kill-'));
    dirs.push(dir);
    copyFileSync(t.file, join(dir, 'ledger.sqlite'));
    return join(dir, 'ledger.sqlite');
  };

  it('leaves every backup under a backup’s name whole, and the ledger unchanged', { timeout: 600_000 }, async () => {
    for (const delay of DELAYS) {
      const file = copyOfLedger();
      await killDuring(['backup', file], delay);
      for (const b of listBackups(file)) {
        const db = new Database(b.path, { readonly: true });
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        db.close();
        expect(dumpLedger(b.path)).toBe(oldDump);
      }
      expect(dumpLedger(file)).toBe(oldDump);
      // A half-written temporary file may remain; the next backup clears it.
      takeBackup(file, '手动');
      expect(readdirSync(join(file, '..', '备份')).filter((n) => n.endsWith('.partial'))).toEqual([]);
    }
  });

  it('leaves either the old ledger or the restored one, never a mix', { timeout: 600_000 }, async () => {
    const outcomes: string[] = [];
    const full = await killDuring(['restore', copyOfLedger(), source], null);
    const took = Number(full[full.length - 1]);
    for (const delay of FRACTIONS.map((f) => Math.round(f * took))) {
      const file = copyOfLedger();
      const printed = await killDuring(['restore', file, source], delay);
      const ledger = openLedger(file);
      ledger.close();
      const dump = dumpLedger(file);
      expect([oldDump, newDump]).toContain(dump);
      outcomes.push(`${delay} ms: ${dump === newDump ? 'restored' : 'old'}${printed.includes('done') ? ' (finished)' : ''}`);
    }
    process.stdout.write(`a restore took ${Math.round(took)} ms; killed after ${outcomes.join('; ')}\n`);
  });
});
