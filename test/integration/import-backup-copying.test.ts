import { existsSync, readdirSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { backupFolder, listBackups, startBackup } from '../../db/backup';
import type { Job, RunningJob } from '../../db/sqlite-job';
import { dumpLedger } from '../helpers/dump';
import { bigLandFile } from '../helpers/land-file';
import { tempLedger } from '../helpers/ledger';

/**
 * The backup before an import is copied in its worker thread while the import writes its rows, and
 * waited for before the commit: the copy never holds the import's rows, and a copy that fails once the
 * rows are written leaves the ledger as it was.
 */
const copies = vi.hoisted(() => ({ failNext: null as null | (() => void) }));
vi.mock('../../db/sqlite-job', async (original) => {
  const real = await original<typeof import('../../db/sqlite-job')>();
  return {
    ...real,
    // `failNext`: the next copy fails as a full disk would, and says when its failure is looked at. Like a
    // real copy that ran out of room, it leaves what it had copied under its temporary name.
    startJob: (job: Job, opts?: Parameters<typeof real.startJob>[1]): RunningJob => {
      const seen = copies.failNext;
      if (job.kind !== 'copy' || !seen) return real.startJob(job, opts);
      copies.failNext = null;
      real.startJob({ ...job, final: undefined }, opts).wait();
      return { wait: () => { seen(); return { ok: false, code: 'SQLITE_FULL', message: 'database or disk is full' }; } };
    },
  };
});

/** The 备份 folder's files, temporary ones included (none before the first backup made it). */
const inBackupFolder = (t: ReturnType<typeof tempLedger>) => (existsSync(backupFolder(t.file)) ? readdirSync(backupFolder(t.file)).sort() : []);
const plots = (t: ReturnType<typeof tempLedger>) => (t.ctx.ledger.sqlite.prepare('select count(*) as n from land_plots').get() as { n: number }).n;

describe('the backup before an import, copied while the rows are written', () => {
  const t = tempLedger();
  afterAll(() => t.close());
  // 7,000 plots: read as a stream and written while it is read, as the command line imports it.
  const file = bigLandFile(7000);

  it('fails once the rows are written: the import stops with the backup’s error and the ledger is as before; then the same file imports, its backup without its plots', async () => {
    const before = dumpLedger(t.file);
    const had = plots(t);
    const folderBefore = inBackupFolder(t);
    let plotsWhenFailed = -1;
    copies.failNext = () => { plotsWhenFailed = plots(t); };
    await expect(t.api.imports.commit({ files: [{ path: file }] })).rejects.toThrow(/导入前的备份没有成功.*database or disk is full/);
    // Its failure was looked at with every plot written (not yet committed), and nothing of them stayed.
    expect(plotsWhenFailed).toBe(had + 7000);
    expect(dumpLedger(t.file)).toBe(before);
    // The failed copy's temporary file is gone, and nothing was added to the 备份 folder.
    expect(inBackupFolder(t)).toEqual(folderBefore);

    const report = await t.api.imports.commit({ files: [{ path: file }] });
    expect(report.totals.added).toBe(7000);
    expect(plots(t)).toBe(had + 7000);
    const [backup] = listBackups(t.file);
    expect(backup.reason).toBe('导入前');
    expect(dumpLedger(backup.path)).toBe(before);
  });

  it('holds the ledger as last committed while the same connection has written rows it has not committed; restored, it gives that ledger back', async () => {
    const db = t.ctx.ledger.sqlite;
    const before = dumpLedger(t.file);
    const village = (db.prepare('select id from villages order by id limit 1').get() as { id: number }).id;
    const add = db.prepare("insert into households (village_id, head, category) values (?, ?, 'ordinary')");
    // A small page cache: the uncommitted rows go out to the WAL file, where the copy's reads could meet them.
    const cache = db.pragma('cache_size', { simple: true });
    db.pragma('cache_size = -64');
    db.exec('BEGIN IMMEDIATE');
    try {
      for (let i = 0; i < 3000; i++) add.run(village, `试写户${i}`);
      const copy = startBackup(t.file, '导入前');
      for (let i = 3000; i < 6000; i++) add.run(village, `试写户${i}`);
      const entry = copy.finish();
      db.exec('COMMIT');
      expect(dumpLedger(entry.path)).toBe(before);
      expect(dumpLedger(t.file)).not.toBe(before);

      const r = await t.api.backups.restore({ name: entry.name });
      expect(r.restored).toBe(entry.name);
      expect(dumpLedger(t.file)).toBe(before);
    } finally {
      if (db.inTransaction) db.exec('ROLLBACK');
      db.pragma(`cache_size = ${Number(cache)}`);
    }
  });
});
