import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBackups } from '../../db/backup';
import { backupLedger, startAutoBackup } from '../../db/ledger-backup';
import { callMethod } from '../../electron/api/dispatch';
import { dumpLedger } from '../helpers/dump';
import { tempLedger, type TestLedger } from '../helpers/ledger';
import { ledgerCli, ROOT, startWeb } from '../helpers/run';

const SAMPLES = join(ROOT, '..', 'shared', 'formats', 'samples');
const REGISTERS = ['units', 'cadres', 'households', 'pairings', 'visits', 'aid', 'land', 'greenhouseZones', 'greenhouses', 'workItems'];
const reasons = (file: string) => listBackups(file).map((b) => b.reason);

/** What the clerk sees: the half-year report and every row of every register. */
async function figures(t: TestLedger) {
  const registers: Record<string, unknown[]> = {};
  for (const area of REGISTERS) {
    const rows: unknown[] = [];
    for (let offset = 0; ; offset += 5000) {
      const page = await callMethod(t.ctx, `${area}.list`, { offset, limit: 5000 }) as { rows: unknown[]; total: number };
      rows.push(...page.rows);
      if (rows.length >= page.total) break;
    }
    registers[area] = rows;
  }
  return { report: await t.api.reports.halfYear({ from: '2014-01-01', to: '2014-06-30' }), registers };
}

describe('backups and restore through the API', () => {
  let t: TestLedger;
  beforeAll(async () => {
    t = tempLedger();
    await t.api.meta.loadDemo({});
  });
  afterAll(() => t.close());

  it('restore returns the report and every register to the backup’s state, after backing the current state up', async () => {
    const atBackup = await figures(t);
    const dumpAtBackup = dumpLedger(t.file);
    const made = await t.api.backups.create({});
    expect(made.name).toMatch(/^ledger_\d{4}-\d{2}-\d{2}_\d{6}(-\d+)?_手动\.sqlite$/);

    const poor = (await t.api.households.list({ filters: { category: 'poor' }, limit: 3 })).rows as { id: number }[];
    await t.api.households.delete({ ids: poor.map((h) => h.id) });
    const visits = (await t.api.visits.list({ limit: 5 })).rows as { id: number }[];
    await t.api.visits.delete({ ids: visits.map((v) => v.id) });
    const edited = await figures(t);
    expect(edited.registers.households).toHaveLength(atBackup.registers.households.length - 3);
    expect(edited.report.visits.count).toBeLessThan(atBackup.report.visits.count);

    const r = await t.api.backups.restore({ name: made.name });
    expect(r.restored).toBe(made.name);
    expect(r.safety).toMatch(/_恢复前\.sqlite$/);
    expect(await figures(t)).toEqual(atBackup);
    expect(dumpLedger(t.file)).toBe(dumpAtBackup);

    // The state before the restore was kept, and restoring it brings the edits back.
    const rows = (await t.api.backups.list({})).rows;
    expect(rows.map((b) => b.reason)).toEqual(['恢复前', '手动']);
    expect(rows[0].households).toBe(atBackup.registers.households.length - 3);
    expect(rows[1].households).toBe(atBackup.registers.households.length);
    await t.api.backups.restore({ name: r.safety! });
    expect(await figures(t)).toEqual(edited);
  });

  it('takes a backup before an import is committed and before it is rolled back', async () => {
    const [h] = (await t.api.households.list({ limit: 1 })).rows as { id: number }[];
    await t.api.households.delete({ ids: [h.id] });
    const report = await t.api.imports.commit({ files: [{ path: join(SAMPLES, '土地流转台账.xlsx') }] });
    expect(reasons(t.file)[0]).toBe('导入前');
    expect(listBackups(t.file)[0].size).toBeGreaterThan(0);
    await t.api.imports.rollback({ batchId: report.batch! });
    expect(reasons(t.file).slice(0, 2)).toEqual(['撤销导入前', '导入前']);
    // Nothing written since a backup: the newest backup already holds this state, so none is added.
    const made = await t.api.backups.create({});
    await t.api.imports.commit({ files: [{ path: join(SAMPLES, '土地流转台账.xlsx') }] });
    expect(listBackups(t.file)[0].name).toBe(made.name);
  });

  it('every 30 minutes only when something was written since the last backup', async () => {
    backupLedger(t.ctx.ledger, '手动', { force: true });
    const count = listBackups(t.file).length;
    const stop = startAutoBackup(t.ctx.ledger, (e) => { throw e; }, 100);
    try {
      await new Promise((r) => setTimeout(r, 350));
      expect(listBackups(t.file)).toHaveLength(count);
      const [h] = (await t.api.households.list({ limit: 1 })).rows as { id: number }[];
      await t.api.households.delete({ ids: [h.id] });
      await new Promise((r) => setTimeout(r, 350));
      expect(reasons(t.file)[0]).toBe('定时');
      expect(listBackups(t.file).filter((b) => b.reason === '定时')).toHaveLength(1);
    } finally {
      stop();
    }
  });

  it('lists and backs up through the CLI', { timeout: 300_000 }, () => {
    const list = JSON.parse(ledgerCli(['--db', t.file, 'backups', '--json']).stdout) as { rows: { name: string; reason: string; households: number }[] };
    expect(list.rows.map((r) => r.reason)).toEqual(reasons(t.file));
    const out = join(t.dir, 'usb.sqlite');
    const made = ledgerCli(['--db', t.file, 'backup', '--out', out]);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain(`已备份：${out}`);
    expect(existsSync(out)).toBe(true);
  });
});

describe('programs on one ledger', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-lock-'));
  const db = join(dir, 'ledger.sqlite');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a second instance does not open the ledger; a lock left by a killed program is taken over; exit backs up', { timeout: 300_000 }, async () => {
    expect(ledgerCli(['--db', db, 'init']).code).toBe(0);
    const first = await startWeb(db);
    try {
      await expect(startWeb(db)).rejects.toThrow(/这个台账正被另一个双联台账程序使用（浏览器模式，进程号 \d+/);
      const cli = ledgerCli(['--db', db, 'import', join(SAMPLES, '土地流转台账.xlsx')]);
      expect(cli.code).toBe(1);
      expect(cli.stderr).toContain('这个台账正被另一个双联台账程序使用');
      // An edit through the page, so that leaving takes a backup.
      const url = new URL(first.url);
      const res = await fetch(new URL('/api/households.create', url), {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-ledger-token': url.searchParams.get('token')! },
        body: JSON.stringify({ villageId: 6, head: '马福贵', idNumber: '11010519491231002X', category: 'poor' }),
      });
      expect(await res.json()).toEqual({ result: expect.objectContaining({ head: '马福贵' }) });
    } finally {
      await first.stop();
    }
    expect(reasons(db)).toContain('退出时');
    expect(existsSync(`${db}.lock`)).toBe(false);

    // A lock whose process is gone (as after a kill -9).
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    writeFileSync(`${db}.lock`, JSON.stringify({ pid: Number(dead.stdout.trim()), host: (await import('node:os')).hostname(), since: '2026/1/1 08:00:00', what: '桌面程序' }));
    const second = await startWeb(db);
    // tsx's wrapper passes SIGTERM on only once the program has told it that it listens for it.
    await new Promise((r) => setTimeout(r, 2000));
    await second.stop();
    expect(readdirSync(dir).filter((f) => f.endsWith('.lock'))).toEqual([]);
  });
});
