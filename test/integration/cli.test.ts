import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ledgerCli } from '../helpers/run';

const dir = mkdtempSync(join(tmpdir(), 'ledger-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ledger CLI', () => {
  it('init creates a ledger holding the 9 villages, and says so', () => {
    const db = join(dir, 'a.sqlite');
    const r = ledgerCli(['--db', db, 'init']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('行政村 9 个');
    const sqlite = new Database(db, { readonly: true });
    expect(sqlite.prepare('select count(*) as n from villages').get()).toEqual({ n: 9 });
    sqlite.close();
  });

  it('--json writes only JSON to stdout', () => {
    const r = ledgerCli(['--db', join(dir, 'b.sqlite'), 'init', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ villages: 9, groups: 58 });
  });

  it('exits 2 with usage for an unknown command or a missing --db', () => {
    expect(ledgerCli(['--db', join(dir, 'c.sqlite'), 'frobnicate']).code).toBe(2);
    const r = ledgerCli(['init']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--db');
  });

  it('exits 1 with the reason when the ledger refuses the input', () => {
    const db = join(dir, 'd.sqlite');
    const r = ledgerCli(['--db', db, 'call', 'households.create', JSON.stringify({ villageId: 1, head: '王芳', idNumber: '110105194912310021' })]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('校验位');
  });
});
