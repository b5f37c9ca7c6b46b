import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerError } from '../../electron/api/define';
import { groupId, tempLedger, villageId, type TestLedger } from '../helpers/ledger';

let t: TestLedger;
beforeEach(() => { t = tempLedger(); });
afterEach(() => t.close());

const auditRows = (table: string) =>
  t.ctx.ledger.sqlite.prepare('select action, before, after from audit_log where table_name = ? order by id').all(table) as
    { action: string; before: string | null; after: string | null }[];

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

async function refusal(p: Promise<unknown>): Promise<LedgerError> {
  try { await p; } catch (e) { return e as LedgerError; }
  throw new Error('expected the ledger to refuse this input');
}

describe('households register', () => {
  it('creates a household with a normalised ID and lists it with its village and group names', async () => {
    const row = await t.api.households.create({
      villageId: villageId(t, '旧墩村'), groupId: groupId(t, '旧墩村', '三组'), head: ' 王芳 ', idNumber: '11010519491231002x',
      size: '4人', category: 'poor', incomeFen: '2,350.50',
    });
    expect(row).toMatchObject({ head: '王芳', idNumber: '11010519491231002X', villageName: '旧墩村', groupName: '三组', size: 4, incomeFen: 235050 });
    const list = await t.api.households.list({ search: '王芳' });
    expect(list.total).toBe(1);
    expect(auditRows('households').map((a) => a.action)).toEqual(['create']);
  });

  it('updates only what changed and audits the row before and after', async () => {
    const row = await t.api.households.create({ villageId: villageId(t, '新上村'), head: '李四' });
    const res = await t.api.households.update({ id: row.id, patch: { head: '李思', size: 3 } });
    expect(res.changed.sort()).toEqual(['head', 'size']);
    expect(res.row.head).toBe('李思');
    const again = await t.api.households.update({ id: row.id, patch: { head: '李思' } });
    expect(again.changed).toEqual([]);
    const audits = auditRows('households');
    expect(audits.map((a) => a.action)).toEqual(['create', 'update']);
    expect(JSON.parse(audits[1].before!).head).toBe('李四');
    expect(JSON.parse(audits[1].after!).head).toBe('李思');
  });

  it('refuses a wrong check digit with a Chinese message naming the field, and writes nothing', async () => {
    const e = await refusal(t.api.households.create({ villageId: villageId(t, '新上村'), head: '张三', idNumber: '110105194912310021' }));
    expect(e.message).toContain('身份证号码');
    expect(e.message).toContain('校验位');
    expect(e.problems[0].field).toBe('idNumber');
    expect((await t.api.households.list({})).total).toBe(0);
    expect(auditRows('households')).toEqual([]);
  });

  it('refuses a group of another village, an unknown village, and a second household with the same ID', async () => {
    const xs = villageId(t, '新上村');
    expect((await refusal(t.api.households.create({ villageId: xs, groupId: groupId(t, '东沟村', '一组'), head: '甲' }))).message)
      .toContain('新上村没有这个村民小组');
    expect((await refusal(t.api.households.create({ villageId: 9999, head: '乙' }))).message).toContain('本镇没有这个村');
    await t.api.households.create({ villageId: xs, head: '丙', idNumber: '11010519491231002X' });
    expect((await refusal(t.api.households.create({ villageId: xs, head: '丁', idNumber: '11010519491231002X' }))).message)
      .toContain('已登记在 新上村 丙 户');
  });

  it('soft-deletes, hides from the list, and restores', async () => {
    const row = await t.api.households.create({ villageId: villageId(t, '新上村'), head: '赵五' });
    expect(await t.api.households.delete({ ids: [row.id] })).toEqual({ deleted: 1 });
    expect((await t.api.households.list({})).total).toBe(0);
    expect((await t.api.households.list({ deleted: true })).total).toBe(1);
    await t.api.households.restore({ ids: [row.id] });
    expect((await t.api.households.list({})).total).toBe(1);
    expect(auditRows('households').map((a) => a.action)).toEqual(['create', 'delete', 'restore']);
  });
});

describe('other registers', () => {
  it('pairs a cadre with a household and refuses an end date before the start', async () => {
    const unit = await t.api.units.create({ name: '区统计局' });
    const cadre = await t.api.cadres.create({ unitId: unit.id, name: '何丽芳', rank: 'leader' });
    const hh = await t.api.households.create({ villageId: villageId(t, '营尔村'), head: '王建国', category: 'poor' });
    const p = await t.api.pairings.create({ cadreId: cadre.id, householdId: hh.id, since: '2014.1.14' });
    expect(p).toMatchObject({ since: '2014-01-14', cadreName: '何丽芳', unitName: '区统计局', householdHead: '王建国' });
    const e = await refusal(t.api.pairings.update({ id: p.id, patch: { until: '2013-12-31' } }));
    expect(e.message).toContain('早于起始日期');
    expect((await t.api.households.get({ id: hh.id })).cadreNames).toBe('何丽芳');
  });

  it('refuses a visit dated after today', async () => {
    const unit = await t.api.units.create({ name: '区司法局' });
    const cadre = await t.api.cadres.create({ unitId: unit.id, name: '刘强' });
    const hh = await t.api.households.create({ villageId: villageId(t, '光辉村'), head: '孙梅' });
    const e = await refusal(t.api.visits.create({ date: tomorrow(), cadreId: cadre.id, householdId: hh.id }));
    expect(e.message).toContain('晚于今天');
  });

  it('keeps land areas and prices exact and refuses a contract number used twice', async () => {
    const hh = await t.api.households.create({ villageId: villageId(t, '旧墩村'), head: '马福' });
    const plot = await t.api.land.create({ householdId: hh.id, areaCentimu: '12.35亩', mode: '出租', start: '2013-03-01', priceFen: '600', contractNo: 'JD-001' });
    expect(plot).toMatchObject({ areaCentimu: 1235, priceFen: 60000 });
    const e = await refusal(t.api.land.create({ householdId: hh.id, areaCentimu: '1', mode: '转包', start: '2013-03-01', contractNo: 'JD-001' }));
    expect(e.message).toContain('合同编号 JD-001 已用于');
    expect((await refusal(t.api.land.create({ householdId: hh.id, areaCentimu: '-1', mode: '出租', start: '2013-03-01' }))).message).toContain('不能为负数');
  });

  it('refuses a second unit of the same name', async () => {
    await t.api.units.create({ name: '区文广局' });
    expect((await refusal(t.api.units.create({ name: '区文广局' }))).message).toContain('已有名为“区文广局”');
  });
});

describe('the API boundary', () => {
  it('validates input with the method schema before the handler runs', async () => {
    const e = await refusal(t.api.households.list({ limit: -5 } as never));
    expect(e).toBeInstanceOf(LedgerError);
    expect((await t.api.households.list({})).total).toBe(0);
  });

  it('lists the lookups an editor offers: 9 villages with 58 groups and the township organs', async () => {
    const lk = await t.api.meta.lookups({});
    expect(lk.villages.map((v) => v.name)).toEqual(['新上村', '光辉村', '下坝村', '上坝村', '小沟村', '旧墩村', '营尔村', '东沟村', '上红村']);
    expect(lk.villages.map((v) => v.groups.length)).toEqual([7, 6, 7, 8, 6, 6, 7, 5, 6]);
    expect(lk.units).toEqual([expect.objectContaining({ name: '上坝镇机关', kind: 'township' })]);
  });
});
