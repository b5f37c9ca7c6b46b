import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ledgerCli } from '../helpers/run';
import { xlsxBytes } from '../helpers/sheets';

const dir = mkdtempSync(join(tmpdir(), 'ledger-init-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const villages = (db: string) => {
  const s = new Database(db, { readonly: true });
  const r = s.prepare(`select v.name, v.code,
    (select group_concat(name, '、') from (select name from village_groups where village_id = v.id order by sort)) as groups
    from villages v order by v.sort`).all();
  const organ = s.prepare("select name from units where kind = 'township'").all();
  s.close();
  return { villages: r, organ };
};

describe('ledger init', () => {
  it('--township FILE.xlsx sets up the township the sheet gives: groups in one cell, or one row per group', () => {
    const file = join(dir, '村组表.xlsx');
    writeFileSync(file, xlsxBytes([{ name: '村组', rows: [
      ['乡镇名称', '红柳镇'],
      ['乡镇代码', '620902150'],
      [],
      ['村', '村代码', '村民小组'],
      ['红柳村', '620902150200', '一组、二组，三组'],
      ['沙河村', 620902150201, '东队'],
      [null, null, '西队'],
    ], merges: ['A6:A7', 'B6:B7'] }]));
    const db = join(dir, 'hongliu.sqlite');
    const r = ledgerCli(['--db', db, 'init', '--township', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已设置红柳镇：行政村 2 个，村民小组 5 个，镇机关“红柳镇机关”');
    expect(villages(db)).toEqual({
      villages: [{ name: '红柳村', code: '620902150200', groups: '一组、二组、三组' }, { name: '沙河村', code: '620902150201', groups: '东队、西队' }],
      organ: [{ name: '红柳镇机关' }],
    });
  });

  it('refuses a sheet whose codes break the rules, naming the village, and leaves the ledger without a township', () => {
    const file = join(dir, 'bad.xlsx');
    writeFileSync(file, xlsxBytes([{ name: 'Sheet1', rows: [['村', '村代码', '村民小组'], ['红柳村', '620902150150', '一组']] }]));
    const db = join(dir, 'bad.sqlite');
    const r = ledgerCli(['--db', db, 'init', '--township', file, '--name', '红柳镇']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('第 1 个村（红柳村）：村代码 620902150150 的后 3 位是 150，村的代码应在 200–399 之间');
    expect(villages(db).villages).toEqual([]);
  });

  it('--example 上坝镇 gives the 9 villages and 58 groups; init again changes nothing and says so', () => {
    const db = join(dir, 'example.sqlite');
    expect(ledgerCli(['--db', db, 'init', '--example', '上坝镇']).code).toBe(0);
    expect(villages(db).villages).toHaveLength(9);
    const bytes = readFileSync(db);
    const again = ledgerCli(['--db', db, 'init']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('台账已设置为上坝镇（行政村 9 个，村民小组 58 个），未作改动');
    const other = ledgerCli(['--db', db, 'init', '--example', '上坝镇']);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('未作改动');
    expect(readFileSync(db).equals(bytes)).toBe(true);
    expect(ledgerCli(['--db', join(dir, 'x.sqlite'), 'init', '--example', '下坝镇']).stderr).toContain('可用的示例：上坝镇');
  });
});
