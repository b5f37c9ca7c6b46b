import { existsSync, renameSync } from 'node:fs';
import { afterAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { listBackups, startBackup } from '../../db/backup';
import { runJob, type Job, type JobResult, type RunningJob } from '../../db/sqlite-job';
import { dumpLedger } from '../helpers/dump';
import { bigLandFile } from '../helpers/land-file';
import { tempLedger } from '../helpers/ledger';

/**
 * The 导入前 backup is copied while its import writes: another backup started meanwhile in the same
 * process (立即备份, 定时, a second 导入前) must neither remove the running copy's file nor take its name.
 */
const copies = vi.hoisted(() => ({ slow: null as null | { started: () => void; waited: () => void } }));
vi.mock('../../db/sqlite-job', async (original) => {
  const real = await original<typeof import('../../db/sqlite-job')>();
  return {
    ...real,
    // `slow`: the next 导入前 copy is one that takes its time. Its pages are copied into its temporary file
    // at once (by the real job, not renamed), and its end — the rename into place — comes when it is
    // waited for, as a long copy's would. A copy whose temporary file was taken from under it fails as
    // SQLite's does.
    startJob: (job: Job, opts?: Parameters<typeof real.startJob>[1]): RunningJob => {
      const slow = copies.slow;
      if (job.kind !== 'copy' || !job.final?.endsWith('_导入前.sqlite') || !slow) return real.startJob(job, opts);
      copies.slow = null;
      const copied = real.startJob({ ...job, final: undefined }, opts).wait();
      const { temp, final } = job;
      slow.started();
      let result: JobResult | undefined;
      return {
        wait: () => {
          if (result) return result;
          slow.waited();
          if (!copied.ok || !existsSync(temp)) return (result = { ok: false, code: 'SQLITE_IOERR', message: 'disk I/O error' });
          renameSync(temp, final);
          return (result = copied);
        },
      };
    },
  };
});

const plots = (t: ReturnType<typeof tempLedger>) => (t.ctx.ledger.sqlite.prepare('select count(*) as n from land_plots').get() as { n: number }).n;
/** A full check of a backup file, as the recovery page does: integrity_check says ok. */
const whole = (path: string) => {
  const r = runJob({ kind: 'check', file: path, full: true });
  return r.ok ? r.facts.integrity : [r.message];
};

describe('backups started while another is still copying', () => {
  const t = tempLedger();
  afterAll(() => t.close());
  const file = bigLandFile(3000);

  it('立即备份 while the 导入前 copy runs: both backups are whole and listed, and the import commits', async () => {
    const before = dumpLedger(t.file);
    const had = plots(t);
    let manualDone = false;
    let waitedAfterManual: boolean | null = null;
    const copying = new Promise<void>((started) => {
      copies.slow = { started, waited: () => { waitedAfterManual = manualDone; } };
    });
    const importing = t.api.imports.commit({ files: [{ path: file }] });
    await copying;
    const manual = await t.api.backups.create({});
    manualDone = true;
    const report = await importing;
    // The 手动 backup was taken while the 导入前 copy was still running (not yet waited for).
    expect(waitedAfterManual).toBe(true);

    expect(report.totals.added).toBe(3000);
    expect(plots(t)).toBe(had + 3000);
    const listed = (await t.api.backups.list({})).rows;
    const pre = listBackups(t.file).find((b) => b.reason === '导入前');
    expect(pre).toBeDefined();
    expect(listed.map((r) => r.name)).toEqual(expect.arrayContaining([manual.name, pre!.name]));
    // Each holds the ledger as last committed before the import, and passes the full check.
    for (const path of [pre!.path, listBackups(t.file).find((b) => b.name === manual.name)!.path]) {
      expect(whole(path)).toEqual(['ok']);
      expect(dumpLedger(path)).toBe(before);
    }
  });

  it('two 导入前 backups started in the same second: two whole backups under two names', () => {
    // A ledger of its own: today's other backups would be thinned out to the last 3 as these finish.
    const t = tempLedger();
    onTestFinished(() => t.close());
    const before = dumpLedger(t.file);
    const count = listBackups(t.file).length;
    const now = new Date();
    const first = startBackup(t.file, '导入前', { now });
    const second = startBackup(t.file, '导入前', { now });
    const a = first.finish();
    const b = second.finish();
    expect(a.name).not.toBe(b.name);
    const listed = listBackups(t.file);
    expect(listed).toHaveLength(count + 2);
    // The one started later is listed above the other within their second.
    expect(listed.slice(0, 2).map((e) => e.name)).toEqual([b.name, a.name]);
    for (const e of [a, b]) {
      expect(whole(e.path)).toEqual(['ok']);
      expect(dumpLedger(e.path)).toBe(before);
    }
  });
});
