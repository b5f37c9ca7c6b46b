import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listBackups, takeBackup } from '../../db/backup';
import { stampFile } from '../../db/checked-stamp';
import { backupLedger } from '../../db/ledger-backup';
import { findMigrationsFolder, LedgerFileError, openLedger, type Ledger } from '../../db/open';
import { knownMigrations } from '../../db/ledger-check';
import { openContext } from '../../electron/context';
import { tempLedger, withExampleTownship, type TestLedger } from '../helpers/ledger';

const dirs: string[] = [];
const temp = () => { const d = mkdtempSync(join(tmpdir(), 'ledger-file-')); dirs.push(d); return d; };
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The error openLedger throws, or a failure if it opened. */
function refusal(file: string): LedgerFileError {
  try {
    openLedger(file).close();
  } catch (e) {
    if (e instanceof LedgerFileError) return e;
    throw e;
  }
  throw new Error(`${file} was opened`);
}

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

  it('backs a ledger that holds data up into 备份 (迁移前) before applying a new migration to it', () => {
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
    const backups = listBackups(file);
    expect(backups.map((b) => b.reason)).toEqual(['迁移前']);
    expect(readdirSync(join(dir, '备份'))).toEqual([backups[0].name]);
    // The backup is the ledger before the migration: the old columns, the same villages.
    const copy = new Database(backups[0].path, { readonly: true });
    expect(copy.prepare('select count(*) as n from villages').get()).toEqual({ n: 9 });
    expect(() => copy.prepare('select area_centimu from villages').get()).toThrow(/no such column/);
    copy.close();
  });

  it('leaves a ledger’s bytes unchanged when it is opened and closed twice, as the ledger and as the app opens it', () => {
    const file = join(temp(), 'l.sqlite');
    const l = openLedger(file);
    withExampleTownship(l);
    l.close();
    const before = readFileSync(file);
    for (let i = 0; i < 2; i++) {
      const again = openLedger(file);
      expect(again.sqlite.prepare('select count(*) as n from villages').get()).toEqual({ n: 9 });
      again.close();
      const ctx = openContext(file);
      expect(ctx.ledger.sqlite.prepare('select count(*) as n from units').get()).toEqual({ n: 1 });
      ctx.ledger.close();
    }
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});

describe('a ledger closed in a checked state is stamped, and opens next time without the full check', () => {
  const stamp = (file: string) => JSON.parse(readFileSync(stampFile(file), 'utf8')) as unknown;
  const bytesNow = (file: string) => ({ size: statSync(file).size, sha256: sha256(file) });
  const touch = (l: Ledger) => l.sqlite.prepare("update villages set name = name || '' where id = (select min(id) from villages)").run();

  it('stamps after a read, not after writes no check has seen; a backup of the writes vouches for them', () => {
    const file = join(temp(), 'l.sqlite');
    const l = openLedger(file);
    withExampleTownship(l);
    l.close();
    expect(existsSync(stampFile(file))).toBe(false);

    const read = openLedger(file);
    // Open for writing, the file may change at any moment (and a killed session never closes): no stamp.
    expect(existsSync(stampFile(file))).toBe(false);
    read.close();
    expect(stamp(file)).toEqual(bytesNow(file));

    const written = openLedger(file);
    touch(written);
    written.close();
    expect(existsSync(stampFile(file))).toBe(false);

    const backedUp = openLedger(file);
    touch(backedUp);
    backupLedger(backedUp, '手动', { force: true });
    backedUp.close();
    expect(stamp(file)).toEqual(bytesNow(file));

    const afterBackup = openLedger(file);
    backupLedger(afterBackup, '手动', { force: true });
    touch(afterBackup);
    afterBackup.close();
    expect(existsSync(stampFile(file))).toBe(false);
  });

  it('keeps the stamp through a read-only open, and ignores one that is cut short', () => {
    const file = join(temp(), 'l.sqlite');
    const l = openLedger(file);
    withExampleTownship(l);
    l.close();
    openLedger(file).close();
    const first = readFileSync(stampFile(file), 'utf8');
    const ro = openLedger(file, { readonly: true });
    expect(readFileSync(stampFile(file), 'utf8')).toBe(first);
    ro.close();
    expect(readFileSync(stampFile(file), 'utf8')).toBe(first);

    writeFileSync(stampFile(file), first.slice(0, 20));
    const again = openLedger(file);
    expect(again.sqlite.prepare('select count(*) as n from villages').get()).toEqual({ n: 9 });
    again.close();
    expect(stamp(file)).toEqual(bytesNow(file));
  });
});

describe('a file that is not a whole ledger is refused in Chinese and not written', () => {
  let t: TestLedger;
  let good: string;
  beforeAll(async () => {
    t = tempLedger();
    await t.api.meta.loadDemo({});
    t.ctx.ledger.close();
    good = t.file;
  });
  afterAll(() => rmSync(t.dir, { recursive: true, force: true }));

  /** A copy of the demo ledger with one good backup beside it, then damaged by `harm`. */
  function damaged(harm: (file: string) => void): { file: string; bytes: Buffer; backup: string } {
    const dir = temp();
    const file = join(dir, 'ledger.sqlite');
    copyFileSync(good, file);
    const backup = takeBackup(file, '手动').name;
    harm(file);
    return { file, bytes: readFileSync(file), backup };
  }

  function expectUntouched(c: { file: string; bytes: Buffer }) {
    expect(readFileSync(c.file).equals(c.bytes)).toBe(true);
    expect(existsSync(`${c.file}-wal`)).toBe(false);
    expect(existsSync(`${c.file}-journal`)).toBe(false);
  }

  it('truncated', () => {
    const c = damaged((f) => truncateSync(f, Math.floor(readFileSync(f).length / 2)));
    const e = refusal(c.file);
    expect(e.problem).toBe('truncated');
    expect(e.message).toContain('台账文件不完整（被截断）');
    expect(e.message).toContain(`文件：${c.file}`);
    expect(e.message).toContain(`可以从最新的完好备份恢复：${c.backup}`);
    expectUntouched(c);
  });

  it('header overwritten', () => {
    const c = damaged((f) => { const b = readFileSync(f); b.fill(0x20, 0, 100); writeFileSync(f, b); });
    const e = refusal(c.file);
    expect(e.problem).toBe('header');
    expect(e.message).toContain('文件头已损坏');
    expect(e.message).toContain(c.backup);
    expectUntouched(c);
  });

  it('random bytes', () => {
    // A fixed sequence (xorshift), so the file is the same on every run.
    let x = 2463534242;
    const bytes = Buffer.alloc(3 * 4096);
    for (let i = 0; i < bytes.length; i++) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; bytes[i] = x & 0xff; }
    const c = damaged((f) => writeFileSync(f, bytes));
    const e = refusal(c.file);
    expect(e.problem).toBe('foreign');
    expect(e.message).toContain('不是双联台账：它不是 SQLite 数据库文件');
    expectUntouched(c);
  });

  it('0 bytes, which is not set up as a new empty ledger', () => {
    const c = damaged((f) => writeFileSync(f, ''));
    const e = refusal(c.file);
    expect(e.problem).toBe('empty');
    expect(e.message).toContain('台账文件是空的（0 字节）');
    expect(e.message).toContain(c.backup);
    expectUntouched(c);
  });

  /** Flips one bit in household 210’s entry of the households_id_number index: damage quick_check does not see. */
  function flipIdIndexBit(f: string) {
    const db = new Database(f, { readonly: true });
    const id = (db.prepare('select id_number from households where id = 210').get() as { id_number: string }).id_number;
    const pages = (db.prepare("select pageno from dbstat where name = 'households_id_number'").all() as { pageno: number }[]).map((p) => p.pageno);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const b = readFileSync(f);
    const needle = Buffer.from(id, 'latin1');
    // The page of the index that holds this ID number; flip the low bit of its last digit there.
    const page = pages.find((p) => b.subarray((p - 1) * pageSize, p * pageSize).includes(needle));
    expect(page).toBeDefined();
    const at = (page! - 1) * pageSize + b.subarray((page! - 1) * pageSize, page! * pageSize).indexOf(needle) + needle.length - 1;
    b[at] ^= 1;
    writeFileSync(f, b);
    const check = new Database(f, { readonly: true });
    expect(check.pragma('quick_check', { simple: true })).toBe('ok');
    check.close();
  }

  function expectIndexDamageRefused(c: { file: string; bytes: Buffer; backup: string }) {
    const e = refusal(c.file);
    expect(e.problem).toBe('damaged');
    expect(e.message).toContain('台账文件已损坏：数据库完整性检查未通过');
    expect(e.message).toContain('households_id_number');
    expect(e.message).toContain(c.backup);
    expectUntouched(c);
  }

  it('a flipped bit in household 210’s entry of the households_id_number index, which quick_check does not see', () => {
    expectIndexDamageRefused(damaged(flipIdIndexBit));
  });

  it('the same flipped bit in a file stamped as checked when it was last closed: same size, but the stamp no longer matches', () => {
    expectIndexDamageRefused(damaged((f) => {
      openLedger(f).close();
      expect(existsSync(stampFile(f))).toBe(true);
      const size = statSync(f).size;
      flipIdIndexBit(f);
      expect(statSync(f).size).toBe(size);
    }));
  });

  it('trusts a stamp whose size and SHA-256 are the file’s: those bytes are not checked again (shown on bytes the check refuses)', () => {
    const c = damaged((f) => {
      flipIdIndexBit(f);
      writeFileSync(stampFile(f), JSON.stringify({ size: statSync(f).size, sha256: sha256(f) }));
    });
    const l = openLedger(c.file, { readonly: true });
    expect(l.sqlite.prepare('select count(*) as n from households where id = 210').get()).toEqual({ n: 1 });
    l.close();
  });

  it('a ledger written by a newer version, named with its structure version', () => {
    const c = damaged((f) => {
      const db = new Database(f);
      db.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('from-the-future', Date.now() + 86_400_000);
      db.pragma('journal_mode = DELETE');
      db.close();
    });
    const e = refusal(c.file);
    expect(e.problem).toBe('newer');
    const known = knownMigrations(findMigrationsFolder()).length;
    expect(e.message).toContain(`这个台账由更新版本的双联台账写入（数据库结构第 ${known + 1} 版，本版本只认识到第 ${known} 版`);
    expect(e.message).toContain('请安装新版本');
    expectUntouched(c);
  });

  it('a SQLite database that is not a ledger, and a text file', () => {
    const dir = temp();
    const other = join(dir, 'other.sqlite');
    const db = new Database(other);
    db.exec('create table notes (id integer primary key, text text); insert into notes (text) values (\'x\')');
    db.close();
    const bytes = readFileSync(other);
    expect(refusal(other).message).toContain('是 SQLite 数据库，但不是双联台账');
    expect(readFileSync(other).equals(bytes)).toBe(true);

    const text = join(dir, 'not.sqlite');
    writeFileSync(text, 'this is a text file, not a database'.repeat(200));
    const e = refusal(text);
    expect(e.message).toContain('不是 SQLite 数据库文件');
    expect(e.message).toContain('备份文件夹中没有可用的备份');
    expect(existsSync(`${text}-wal`)).toBe(false);
  });
});
