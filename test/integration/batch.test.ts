import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempLedger, villageId, type TestLedger } from '../helpers/ledger';

let t: TestLedger;
beforeEach(() => { t = tempLedger(); });
afterEach(() => t.close());

const count = (sql: string) => (t.ctx.ledger.sqlite.prepare(sql).get() as { n: number }).n;

describe('batch edits (paste, fill, undo)', () => {
  it('applies creates and updates in one transaction and gives back the inverse that undoes them', async () => {
    const xs = villageId(t, '新上村');
    const a = await t.api.households.create({ villageId: xs, head: '王芳', incomeFen: '1200.50' });
    const res = await t.api.households.batch({ ops: [
      { op: 'update', id: a.id, patch: { head: '王方', incomeFen: '1,300.05元' } },
      { op: 'create', values: { villageId: xs, head: '李强', size: '3人' } },
      { op: 'create', values: { villageId: xs, head: '赵兰' } },
    ] });
    if (!res.ok) throw new Error(JSON.stringify(res.problems));
    expect(res.rows.map((r) => r.head)).toEqual(['王方', '李强', '赵兰']);
    expect(res.rows[0].incomeFen).toBe(130005);
    expect(count('select count(*) as n from households where deleted_at is null')).toBe(3);
    expect(count("select count(*) as n from audit_log where table_name = 'households'")).toBe(4);

    // The inverse undoes all three in one call: the new rows soft-deleted, the old values back.
    const undo = await t.api.households.batch({ ops: res.inverse });
    if (!undo.ok) throw new Error(JSON.stringify(undo.problems));
    const back = await t.api.households.get({ id: a.id });
    expect(back).toMatchObject({ head: '王芳', incomeFen: 120050 });
    expect(count('select count(*) as n from households where deleted_at is null')).toBe(1);

    // And the inverse of the undo redoes it, restoring the same rows rather than adding new ones.
    const redo = await t.api.households.batch({ ops: undo.inverse });
    expect(redo.ok).toBe(true);
    expect(count('select count(*) as n from households where deleted_at is null')).toBe(3);
    expect(count('select count(*) as n from households')).toBe(3);
  });

  it('writes nothing when any op is refused, and names every bad op and field', async () => {
    const xs = villageId(t, '新上村');
    const a = await t.api.households.create({ villageId: xs, head: '王芳' });
    const res = await t.api.households.batch({ ops: [
      { op: 'update', id: a.id, patch: { head: '王方' } },
      { op: 'create', values: { villageId: xs, head: '李强', idNumber: '110105194912310021' } },
      { op: 'create', values: { villageId: xs, head: '' } },
    ] });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.problems).toEqual([
      { index: 1, field: 'idNumber', message: expect.stringContaining('校验位不符（应为 X）') },
      { index: 2, field: 'head', message: '户主姓名：必填' },
    ]);
    expect((await t.api.households.get({ id: a.id })).head).toBe('王芳');
    expect(count('select count(*) as n from households')).toBe(1);
    expect(count("select count(*) as n from audit_log where action = 'update'")).toBe(0);
  });

  it('soft-deletes rows, audited, and restores them with the inverse', async () => {
    const xs = villageId(t, '新上村');
    const a = await t.api.households.create({ villageId: xs, head: '甲' });
    const b = await t.api.households.create({ villageId: xs, head: '乙' });
    const res = await t.api.households.batch({ ops: [{ op: 'delete', ids: [a.id, b.id] }] });
    if (!res.ok) throw new Error('refused');
    expect(res.inverse).toEqual([{ op: 'restore', ids: [a.id, b.id] }]);
    expect((await t.api.households.list({})).total).toBe(0);
    expect(count("select count(*) as n from audit_log where action = 'delete'")).toBe(2);
    await t.api.households.batch({ ops: res.inverse });
    expect((await t.api.households.list({})).total).toBe(2);
  });
});

describe('户档案', () => {
  it('returns a household with its pairings (ended ones too), visits, aid, land, greenhouses, and its history', async () => {
    const jd = villageId(t, '旧墩村');
    const hh = await t.api.households.create({ villageId: jd, head: '马福贵', category: 'poor' });
    await t.api.households.update({ id: hh.id, patch: { size: 4 } });
    const unit = await t.api.units.create({ name: '区统计局' });
    const c1 = await t.api.cadres.create({ unitId: unit.id, name: '何丽芳', rank: 'leader' });
    const c2 = await t.api.cadres.create({ unitId: unit.id, name: '刘强' });
    await t.api.pairings.create({ cadreId: c1.id, householdId: hh.id, since: '2012-03-01', until: '2013-12-31' });
    await t.api.pairings.create({ cadreId: c2.id, householdId: hh.id, since: '2014-01-01' });
    await t.api.visits.create({ date: '2014-03-05', cadreId: c2.id, householdId: hh.id, knowFamily: true, careFestival: true, content: '了解春耕' });
    await t.api.aid.create({ date: '2014-01-20', unitId: unit.id, householdId: hh.id, item: '清油', quantityCenti: '2', measure: '桶', amountFen: '180' });
    await t.api.land.create({ householdId: hh.id, areaCentimu: '3.5亩', mode: '出租', start: '2014-03-01' });
    const file = await t.api.households.file({ id: hh.id });
    expect(file.household).toMatchObject({ head: '马福贵', villageName: '旧墩村', size: 4 });
    expect(file.pairings.map((p) => [p.cadreName, p.since, p.until])).toEqual([['刘强', '2014-01-01', null], ['何丽芳', '2012-03-01', '2013-12-31']]);
    expect(file.visits).toEqual([expect.objectContaining({ date: '2014-03-05', cadreName: '刘强', marks: '户情、节日慰问', content: '了解春耕' })]);
    expect(file.aid).toEqual([expect.objectContaining({ item: '清油', amountFen: 18000, quantityCenti: 200 })]);
    expect(file.land).toEqual([expect.objectContaining({ areaCentimu: 350, mode: '出租' })]);
    expect(file.greenhouses).toEqual([]);
    // Its 历史 (shown in the 户档案 drawer too): the edit of 家庭人口 above the creation.
    const history = (await t.api.audit.history({ area: 'households', id: hh.id })).rows;
    expect(history.map((a) => a.action)).toEqual(['修改', '新增']);
    expect(history[0].changes).toEqual([{ field: '家庭人口', before: '空', after: '4' }]);
  });
});

describe('loading a register in pages', () => {
  it('pages by id with afterId, and by the register order with offset, the same rows either way', async () => {
    const xs = villageId(t, '新上村'), gh = villageId(t, '光辉村');
    // Entered out of village order: 光辉村 first, so the register order differs from id order.
    for (const [v, head] of [[gh, '甲'], [xs, '乙'], [gh, '丙'], [xs, '丁'], [xs, '戊']] as const) await t.api.households.create({ villageId: v, head });
    const p1 = await t.api.households.list({ afterId: 0, limit: 2 });
    const p2 = await t.api.households.list({ afterId: p1.rows[1].id, limit: 2 });
    const p3 = await t.api.households.list({ afterId: p2.rows[1].id, limit: 2 });
    expect([...p1.rows, ...p2.rows, ...p3.rows].map((r) => r.head)).toEqual(['甲', '乙', '丙', '丁', '戊']);
    expect(p1.total).toBe(5);
    const o1 = await t.api.households.list({ offset: 0, limit: 3 });
    const o2 = await t.api.households.list({ offset: 3, limit: 3 });
    expect([...o1.rows, ...o2.rows].map((r) => `${r.villageName}${r.head}`)).toEqual(['新上村乙', '新上村丁', '新上村戊', '光辉村甲', '光辉村丙']);
  });
});
