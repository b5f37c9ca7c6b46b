import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult, CheckSummary } from '../../electron/rules/checks';
import { daysSoFar, proRata } from '../../electron/rules/checks/types';
import { builder } from '../helpers/build';
import { tempLedger, type TestLedger } from '../helpers/ledger';
import { ledgerCli } from '../helpers/run';

/**
 * 核查 on a hand-built ledger whose answers are known: every check's rows are named below.
 * Period 2014 H1 is past, so 181 days count: 4 visits a year → 2, 6 a year → 3.
 */
let t: TestLedger;
const P = { from: '2014-01-01', to: '2014-06-30' };

beforeAll(async () => {
  t = tempLedger();
  const b = builder(t);
  const u1 = await b.unit('区统计局');
  const leader = await b.cadre(u1, '李领导', 'leader');
  const g1 = await b.cadre(u1, '王一般');
  await b.cadre(u1, '赵空闲');
  const gone = await b.cadre(u1, '钱已删');
  const h1 = await b.household('新上村', '张三', 'poor', '620902198001010010');
  const h2 = await b.household('新上村', '张三', 'poor');
  await b.household('光辉村', '李四', 'special');
  const h4 = await b.household('光辉村', '王五', 'poor');
  const h5 = await b.household('新上村', '赵六', 'poor');
  await b.household('新上村', '孙七', 'ordinary');
  await b.pair(leader, h1);
  await b.pair(leader, h2);
  await b.pair(leader, h4);
  await b.pair(g1, h4);
  await b.pair(gone, h5);
  // As a ledger written before a delete took its dependents along: the cadre gone, the pairing left live.
  t.ctx.ledger.sqlite.prepare("update cadres set deleted_at = '2014-01-02T00:00:00.000Z' where id = ?").run(gone);
  await b.visit(leader, h1, '2014-02-01');
  await b.visit(leader, h1, '2014-03-01');
  await b.visit(leader, h2, '2014-03-05', {});
  await b.link(u1, '新上村');
  await b.link(u1, '光辉村');
  await b.aid(u1, h1, 0, '大米');
  await b.aid(u1, h2, 10000, '现金');
  await b.plot(h4, 6000, '2013-01-01', null, '东地');
  await b.plot(h4, 5000, '2014-01-01', null, '西地');
  await b.plot(h1, 200, '2013-01-01', '2014-12-31', '河滩地');
  await b.plot(h1, 200, '2014-03-01', null, '河滩地');
  await b.plot(h1, 200, '2012-01-01', '2012-12-31', '河滩地');
});
afterAll(() => t.close());

const records = async (check: string) => (await t.api.checks.records({ check, ...P })) as CheckResult;
const pick = (r: CheckResult, ...keys: string[]) => r.rows.map((row) => keys.map((k) => row[k]).join(' '));

describe('核查 on a hand-built ledger', () => {
  it('lists every check with its rule in Chinese and its count', async () => {
    const list = (await t.api.checks.list(P)) as CheckSummary[];
    expect(Object.fromEntries(list.map((c) => [c.key, c.count]))).toEqual({
      unpaired: 2, orphanPairings: 1, quotas: 3, householdVisits: 2, unitVillageVisits: 1,
      visitsWithoutKnowns: 1, aidWithoutAmount: 1, duplicateHouseholds: 2, landTooLarge: 1, landOverlaps: 2,
    });
    for (const c of list) expect(c.rule).toMatch(/[\u4e00-\u9fff]{10}/);
  });

  it('poor and special households with no pairing in force: 李四 (never paired), 赵六 (his cadre is deleted)', async () => {
    expect(pick(await records('unpaired'), 'head', 'category')).toEqual(['赵六 贫困户', '李四 特殊户']);
  });

  it('pairings whose cadre is deleted: 钱已删–赵六', async () => {
    expect(pick(await records('orphanPairings'), 'cadre', 'head', 'reason')).toEqual(['钱已删 赵六 干部已删除']);
  });

  it('cadres off the quota: the leader with 3 households, the general cadre with 1, the one with none', async () => {
    expect(pick(await records('quotas'), 'name', 'contacted', 'helped', 'finding')).toEqual([
      '李领导 3 3 联系户少于 10 户',
      '王一般 1 1 联系户少于 5 户；帮扶户少于 2 户',
      '赵空闲 0 0 联系户少于 5 户；帮扶户少于 2 户',
    ]);
  });

  it('households visited fewer than twice in the half-year: 张三 without ID (once), 王五 (never); 张三 with ID was visited twice', async () => {
    expect(proRata(4, daysSoFar(P, '2026-01-01'))).toBe(2);
    expect(pick(await records('householdVisits'), 'head', 'idNumber', 'visits', 'required')).toEqual(['张三  1 2', '王五  0 2']);
  });

  it('units visiting a linked village fewer than 3 times: 区统计局 in 光辉村 (新上村 had 3)', async () => {
    expect(pick(await records('unitVillageVisits'), 'unit', 'village', 'visits', 'required')).toEqual(['区统计局 光辉村 0 3']);
  });

  it('visits with all five knowns empty, aid with no amount', async () => {
    expect(pick(await records('visitsWithoutKnowns'), 'date', 'head')).toEqual(['2014-03-05 张三']);
    expect(pick(await records('aidWithoutAmount'), 'item', 'head')).toEqual(['大米 张三']);
  });

  it('the two 张三 of 新上村 look like one household', async () => {
    expect(pick(await records('duplicateHouseholds'), 'head', 'idNumber', 'reason')).toEqual([
      '张三 620902198001010010 同村同名户主，号码不同或缺少', '张三  同村同名户主，号码不同或缺少',
    ]);
  });

  it('王五 transfers 110 亩 in force; 张三\'s 河滩地 is transferred twice from 2014-03-01', async () => {
    expect(pick(await records('landTooLarge'), 'head', 'plots', 'area')).toEqual(['王五 2 11000']);
    expect(pick(await records('landOverlaps'), 'plotName', 'start', 'other')).toEqual([
      '河滩地 2013-01-01 2014-03-01至今', '河滩地 2014-03-01 2013-01-01至2014-12-31',
    ]);
  });

  it('a period still running counts only the days so far', () => {
    expect(daysSoFar({ from: '2026-01-01', to: '2026-06-30' }, '2026-01-31')).toBe(31);
    expect(proRata(4, 31)).toBe(0);
    expect(daysSoFar({ from: '2030-01-01', to: '2030-06-30' }, '2026-01-31')).toBe(0);
  });

  it('refuses an unknown check in Chinese', async () => {
    await expect(t.api.checks.records({ check: 'nothing', ...P })).rejects.toThrow('没有“nothing”这一项核查');
  });

  it('`ledger check --json` gives the same counts and rows; without --json it prints each rule', () => {
    const r = ledgerCli(['--db', t.file, 'check', '--from', P.from, '--to', P.to, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { period: typeof P; checks: { key: string; count: number; rows: unknown[] }[] };
    expect(out.period).toEqual(P);
    expect(out.checks.find((c) => c.key === 'quotas')?.count).toBe(3);
    expect(out.checks.find((c) => c.key === 'unpaired')?.rows.length).toBe(2);
    const human = ledgerCli(['--db', t.file, 'check', '--from', P.from, '--to', P.to]);
    expect(human.stdout).toContain('未结对的贫困户、特殊户：2 条');
    expect(human.stdout).toContain('规则：联系单位每年至少到所联系的村走访 6 次');
  });
});
