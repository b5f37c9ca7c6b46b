import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type LedgerClient } from '../../electron/api/client';
import type { Ctx } from '../../electron/api/define';
import { callMethod } from '../../electron/api/dispatch';
import { openContext } from '../../electron/context';
import { tempLedger, villageId, type TestLedger } from '../helpers/ledger';

const period = { from: '2014-01-01', to: '2014-06-30' };

let t: TestLedger;
/** The ledger reopened: a new context on the same file, as after F5 or a restart. */
let ctx: Ctx;
let api: LedgerClient;
const ids = { unit: 0, cadre: 0, cadre2: 0, household: 0, other: 0, pairing: 0, visits: [] as number[], earlier: 0, aid: 0 };

async function refusal(p: Promise<unknown>): Promise<Error> {
  try { await p; } catch (e) { return e as Error; }
  throw new Error('expected the ledger to refuse this');
}
const live = (table: string, where = '1') =>
  ctx.ledger.sqlite.prepare(`select count(*) from ${table} where deleted_at is null and ${where}`).pluck().get() as number;

beforeAll(async () => {
  t = tempLedger();
  const a = t.api;
  ids.unit = (await a.units.create({ name: '区统计局', kind: 'district' })).id;
  ids.cadre = (await a.cadres.create({ unitId: ids.unit, name: '何丽芳', rank: 'leader' })).id;
  ids.cadre2 = (await a.cadres.create({ unitId: ids.unit, name: '马国庆', rank: 'general' })).id;
  ids.household = (await a.households.create({ villageId: villageId(t, '新上村'), head: '武荣强', idNumber: '620902195003150013', category: 'poor' })).id;
  ids.other = (await a.households.create({ villageId: villageId(t, '旧墩村'), head: '马福贵', category: 'special' })).id;
  ids.pairing = (await a.pairings.create({ cadreId: ids.cadre, householdId: ids.household, since: '2013-03-01' })).id;
  await a.pairings.create({ cadreId: ids.cadre2, householdId: ids.other, since: '2013-03-01' });
  for (const date of ['2014-02-10', '2014-05-20']) ids.visits.push((await a.visits.create({ date, cadreId: ids.cadre, householdId: ids.household, knowFamily: true })).id);
  // A visit the clerk deleted on its own, earlier: it must stay deleted when the household comes back.
  ids.earlier = (await a.visits.create({ date: '2014-03-01', cadreId: ids.cadre, householdId: ids.household })).id;
  await a.visits.delete({ ids: [ids.earlier] });
  ids.aid = (await a.aid.create({ date: '2014-01-25', unitId: ids.unit, householdId: ids.household, item: '大米', quantityCenti: 1, measure: '袋', amountFen: '120' })).id;
});
afterAll(() => { ctx?.ledger.close(); t.close(); });

describe('deleting a household, then 回收站 → 恢复 after a reload', () => {
  let before: Awaited<ReturnType<LedgerClient['reports']['halfYear']>>;

  it('names what hangs on the household before it goes', async () => {
    before = await t.api.reports.halfYear(period);
    expect(before.visits.count).toBe(2);
    const plan = await t.api.households.deletePlan({ ids: [ids.household] });
    expect(plan.needsChoice).toBe(false);
    // Checked by hand: 1 live pairing, 2 live visits (the third was deleted before), 1 aid delivery.
    expect(plan.items.map((i) => i.text)).toEqual(['新上村 武荣强：1 个结对、2 次走访、1 次慰问将一并删除']);
  });

  it('deletes the household with its pairing, visits and aid in one action; the report drops', async () => {
    expect(await t.api.households.delete({ ids: [ids.household] })).toEqual({ deleted: 1 });
    const after = await t.api.reports.halfYear(period);
    expect(after.visits.count).toBe(0);
    expect(after.aid.deliveries).toBe(0);
    expect(after.pairing.district.poorHouseholds).toBe(before.pairing.district.poorHouseholds - 1);
    const groups = t.ctx.ledger.sqlite.prepare("select count(distinct deletion_id) from audit_log where action = 'delete' and row_id in (?, ?, ?, ?, ?) and table_name in ('households','pairings','visits','aid_deliveries')")
      .pluck().get(ids.household, ids.pairing, ...ids.visits, ids.aid);
    expect(groups).toBe(1);
  });

  it('after reopening the file, 回收站 lists it and 恢复 brings back exactly that set; the figures return', async () => {
    t.ctx.ledger.close();
    ctx = openContext(t.file);
    api = createClient((name, input) => callMethod(ctx, name, input));
    const bin = await api.recycle.list({});
    const item = bin.rows.find((r) => r.register === '帮扶户')!;
    expect(item).toMatchObject({ record: '新上村 武荣强', with: '1 个结对、2 次走访、1 次慰问', by: '删除（编辑）', purgeable: false });
    expect(bin.rows.find((r) => r.register === '走访记录')?.record).toBe('2014-03-01 何丽芳 走访 新上村 武荣强');

    expect(await api.recycle.restore({ id: item.id })).toEqual({ restored: 5 });
    expect(live('households', `id = ${ids.household}`)).toBe(1);
    expect(live('pairings', `household_id = ${ids.household}`)).toBe(1);
    expect(live('visits', `household_id = ${ids.household}`)).toBe(2);
    expect(live('visits', `id = ${ids.earlier}`)).toBe(0);
    expect(await api.reports.halfYear(period)).toEqual(before);
    expect((await api.recycle.list({})).rows.map((r) => r.register)).toEqual(['走访记录']);
  });

  it('a duplicate ID number entered meanwhile stops the restore, naming both, and nothing comes back half', async () => {
    await api.households.delete({ ids: [ids.household] });
    const dup = await api.households.create({ villageId: 1, head: '武荣强二', idNumber: '620902195003150013' });
    const item = (await api.recycle.list({})).rows[0];
    const e = await refusal(api.recycle.restore({ id: item.id }));
    expect(e.message).toContain('无法恢复帮扶户“新上村 武荣强”');
    expect(e.message).toContain('620902195003150013');
    expect(live('visits', `household_id = ${ids.household}`)).toBe(0);
    await api.households.delete({ ids: [dup.id] });
    await api.recycle.restore({ id: item.id });
    expect(live('visits', `household_id = ${ids.household}`)).toBe(2);
  });

  it('Ctrl+Z of a grid delete (the inverse restore) brings the set back too', async () => {
    const res = await api.households.batch({ ops: [{ op: 'delete', ids: [ids.household] }] });
    expect(res.ok).toBe(true);
    expect(live('pairings', `household_id = ${ids.household}`)).toBe(0);
    if (!res.ok) return;
    await api.households.batch({ ops: res.inverse, source: 'undo' });
    expect(live('pairings', `household_id = ${ids.household}`)).toBe(1);
    expect(live('aid_deliveries', `household_id = ${ids.household}`)).toBe(1);
  });
});

describe('units with cadres and cadres with pairings', () => {
  it('refuses to delete a unit with live cadres unless the request says they go too', async () => {
    const plan = await api.units.deletePlan({ ids: [ids.unit] });
    expect(plan.needsChoice).toBe(true);
    // 2 cadres; under them 2 pairings and 2 live visits; the unit's own aid delivery.
    expect(plan.items[0].needsChoice).toBe('区统计局还有 2 名联户干部（连同 2 个结对、2 次走访、1 次慰问），不能单独删除：请先把干部调到其他单位，或选择连同干部一并删除');
    const e = await refusal(api.units.delete({ ids: [ids.unit] }));
    expect(e.message).toContain('区统计局还有 2 名联户干部');
    expect(live('units', `id = ${ids.unit}`)).toBe(1);
    expect(live('cadres', `unit_id = ${ids.unit}`)).toBe(2);

    const chosen = await api.units.deletePlan({ ids: [ids.unit], cascade: true });
    expect(chosen.items[0].text).toBe('区统计局：2 名联户干部、2 个结对、2 次走访、1 次慰问将一并删除');
    await api.units.delete({ ids: [ids.unit], cascade: true });
    expect(live('cadres', `unit_id = ${ids.unit}`)).toBe(0);
    expect(live('pairings')).toBe(0);
    const item = (await api.recycle.list({})).rows[0];
    expect(item).toMatchObject({ register: '联系单位', record: '区统计局', with: '2 名联户干部、2 个结对、2 次走访、1 次慰问' });
    await api.recycle.restore({ id: item.id });
    expect(live('pairings')).toBe(2);
  });

  it('refuses to delete a cadre with live pairings without the choice', async () => {
    const e = await refusal(api.cadres.delete({ ids: [ids.cadre] }));
    expect(e.message).toBe('区统计局 何丽芳还有 1 个结对、2 次走访，不能单独删除：请先结束或改派这些结对，或选择连同结对一并删除');
    expect(live('cadres', `id = ${ids.cadre}`)).toBe(1);
  });
});

describe('彻底删除', () => {
  it('is refused for a delete newer than the backups keep, and allowed after 12 months', async () => {
    await api.households.delete({ ids: [ids.other] });
    const item = (await api.recycle.list({})).rows[0];
    expect(item.record).toBe('旧墩村 马福贵');
    expect((await refusal(api.recycle.purge({ id: item.id }))).message).toContain('超过 12 个月');
    const old = new Date(Date.now() - 400 * 86_400_000).toISOString();
    ctx.ledger.sqlite.prepare('update deletions set at = ? where id = ?').run(old, item.id);
    expect((await api.recycle.list({})).rows[0].purgeable).toBe(true);
    expect(await api.recycle.purge({ id: item.id })).toEqual({ purged: 2 });
    expect(ctx.ledger.sqlite.prepare('select count(*) from households where id = ?').pluck().get(ids.other)).toBe(0);
    expect((await api.recycle.list({})).rows.map((r) => r.record)).not.toContain('旧墩村 马福贵');
  });
});
