import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findMigrationsFolder, openLedger } from '../../db/open';
import { withExampleTownship } from '../helpers/ledger';

const dirs: string[] = [];
const temp = () => { const d = mkdtempSync(join(tmpdir(), 'ledger-file-')); dirs.push(d); return d; };
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

describe('opening a ledger file', () => {
  it('migrates a new file; the example township set up once stays as it is, however often it is opened', () => {
    const file = join(temp(), 'l.sqlite');
    for (let i = 0; i < 2; i++) {
      const l = openLedger(file);
      if (i === 0) withExampleTownship(l);
      expect(l.sqlite.prepare('select count(*) as n from villages').get()).toEqual({ n: 9 });
      expect(l.sqlite.prepare('select count(*) as n from village_groups').get()).toEqual({ n: 58 });
      expect(l.sqlite.prepare('select code from villages where name = ?').get('上红村')).toEqual({ code: '620902104208' });
      expect(l.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(l.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      l.close();
    }
  });

  it('copies a ledger that holds data before applying a new migration to it', () => {
    const dir = temp();
    const file = join(dir, 'l.sqlite');
    const l = openLedger(file);
    withExampleTownship(l);
    l.close();
    // A later release adds a migration.
    const folder = join(dir, 'migrations');
    cpSync(findMigrationsFolder(), folder, { recursive: true });
    const journalFile = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
    journal.entries.push({ idx: journal.entries.length, version: '6', when: Date.now(), tag: '9999_test', breakpoints: true });
    writeFileSync(journalFile, JSON.stringify(journal));
    writeFileSync(join(folder, '9999_test.sql'), 'ALTER TABLE `villages` ADD `area_centimu` integer;');

    const again = openLedger(file, { migrationsFolder: folder });
    expect(again.sqlite.prepare('select area_centimu from villages limit 1').get()).toEqual({ area_centimu: null });
    again.close();
    const copies = readdirSync(dir).filter((f) => f.includes('before-migration'));
    expect(copies).toHaveLength(1);
    const copy = openLedger(join(dir, copies[0]), { readonly: true });
    expect(copy.sqlite.prepare('select count(*) as n from villages').get()).toEqual({ n: 9 });
    copy.close();
  });

  it('refuses a file that is not a ledger with a message, leaving it untouched', () => {
    const file = join(temp(), 'not.sqlite');
    writeFileSync(file, 'this is a text file, not a database'.repeat(200));
    const before = readFileSync(file);
    expect(() => openLedger(file)).toThrow();
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(file + '-wal')).toBe(false);
  });
});
