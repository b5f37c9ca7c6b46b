import { afterEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../electron/io/import/types';
import { emptyLedger, tempLedger, type TestLedger } from '../helpers/ledger';
import { idNumber, xlsxBytes } from '../helpers/sheets';

const open: TestLedger[] = [];
const ledger = (make: () => TestLedger) => { const t = make(); open.push(t); return t; };
afterEach(() => { for (const t of open.splice(0)) t.close(); });

/** A made-up township of 肃州区 (code 620902150): two villages, one with numbered groups, one with named ones. */
const HONGLIU = {
  name: '红柳镇', code: '620902150000', organName: '红柳镇机关', county: '肃州区',
  villages: [
    { name: '红柳村', code: '620902150200', groups: ['一组', '二组', '3'] },
    { name: '沙河村', code: '620902150201', groups: ['东队', '西队'] },
  ],
};

function t2(rows: unknown[][]): string {
  return xlsxBytes([{ name: '帮扶户', rows: [
    ['序号', '村', '村民小组', '户主姓名', '身份证号码', '家庭人口', '户类型'],
    ...rows.map((r, i) => [i + 1, ...r]),
  ] }]).toString('base64');
}

const importT2 = (t: TestLedger, rows: unknown[][]) =>
  t.api.imports.commit({ files: [{ name: '帮扶户基本信息表.xlsx', base64: t2(rows) }] }) as Promise<ImportReport>;

describe('setting up a township other than 上坝镇', () => {
  it('stores the township, its villages, groups and organ, audited, and imports a sheet of that township', async () => {
    const t = ledger(emptyLedger);
    expect((await t.api.township.get({})).villages).toEqual([]);
    expect(await t.api.township.ready({})).toBe(false);
    const r = await t.api.township.setup(HONGLIU);
    expect(r).toEqual({ villages: 2, groups: 5, organ: '红柳镇机关' });
    expect(await t.api.township.ready({})).toBe(true);

    const view = await t.api.township.get({});
    // The 12-digit statistical form is kept as the township's 9 digits; "3" is stored as 三组.
    expect(view.township).toEqual({ name: '红柳镇', code: '620902150', county: '肃州区' });
    expect(view.organs).toEqual(['红柳镇机关']);
    expect(view.villages.map((v) => [v.name, v.code, v.groups.map((g) => g.name)])).toEqual([
      ['红柳村', '620902150200', ['一组', '二组', '三组']],
      ['沙河村', '620902150201', ['东队', '西队']],
    ]);
    const audited = t.ctx.ledger.sqlite.prepare("select table_name as t, count(*) as n from audit_log where source = 'setup' group by table_name order by 1").all();
    expect(audited).toEqual([{ t: 'settings', n: 1 }, { t: 'units', n: 1 }, { t: 'village_groups', n: 5 }, { t: 'villages', n: 2 }]);

    const report = await importT2(t, [
      ['红柳村', '2组', '马德全', idNumber('19600101', 11), 4, '贫困户'],
      ['沙河村', '东队', '杨秀英', idNumber('19620202', 22), 3, '特殊户'],
      ['新上村', '一组', '王建国', idNumber('19650303', 31), 5, '贫困户'],
    ]);
    const sheet = report.files[0].sheets[0];
    expect(sheet.added).toBe(2);
    expect(sheet.errors).toHaveLength(1);
    expect(sheet.errors[0]).toMatchObject({ row: 4, column: '村', code: 'unknown_village' });
    expect(sheet.errors[0].message).toContain('新上村');
    expect(sheet.errors[0].message).toContain('红柳村、沙河村');
    const rows = (await t.api.households.list({})).rows.map((h) => [h.villageName, h.groupName, h.head, h.category]);
    expect(rows).toEqual([['红柳村', '二组', '马德全', 'poor'], ['沙河村', '东队', '杨秀英', 'special']]);
    // The demo belongs to the example township: refused here, with the reason.
    await expect(t.api.meta.loadDemo({})).rejects.toThrow('演示数据是示例上坝镇的');
  });

  it('refuses codes against FORMATS.md rules, naming the village, and writes nothing', async () => {
    const t = ledger(emptyLedger);
    const bad = {
      ...HONGLIU, code: '630902150',
      villages: [
        { name: '红柳村', code: '620902150100', groups: ['一组'] },
        { name: '沙河村', code: '620902151201', groups: [] },
        { name: '红柳村', code: '6209021502', groups: ['一组'] },
      ],
    };
    const e = await t.api.township.setup(bad).catch((x: Error) => x);
    expect(e).toBeInstanceOf(Error);
    const msg = (e as Error).message;
    expect(msg).toContain('前 2 位应为 62');
    expect(msg).toContain('第 1 个村（红柳村）：村代码 620902150100 的后 3 位是 100，村的代码应在 200–399 之间');
    expect(msg).toContain('第 2 个村（沙河村）：请至少填写一个村民小组');
    expect(msg).toContain('第 3 个村（红柳村）：村名与第 1 个村重复');
    expect(msg).toContain('应为 12 位数字');
    const townshipTooHigh = await t.api.township.setup({ ...HONGLIU, code: '620902250' }).catch((x: Error) => x.message);
    expect(townshipTooHigh).toContain('镇的代码应在 100–199 之间');
    const otherTownship = await t.api.township.setup({ ...HONGLIU, villages: [{ name: '红柳村', code: '620902104200', groups: ['一组'] }] }).catch((x: Error) => x.message);
    expect(otherTownship).toContain('前 9 位应与乡镇代码 620902150 相同');
    expect(t.ctx.ledger.sqlite.prepare('select (select count(*) from villages) + (select count(*) from units) + (select count(*) from settings) + (select count(*) from audit_log) as n').get()).toEqual({ n: 0 });
  });

  it('is refused on a ledger that already has its township', async () => {
    const t = ledger(tempLedger);
    await expect(t.api.township.setup(HONGLIU)).rejects.toThrow('已经设置了乡镇“上坝镇”');
    expect((await t.api.township.get({})).villages).toHaveLength(9);
  });

  it('the example is 上坝镇: 9 villages, 58 groups and 上坝镇机关', async () => {
    const t = ledger(emptyLedger);
    expect(await t.api.township.setupExample({})).toEqual({ villages: 9, groups: 58, organ: '上坝镇机关' });
    const v = await t.api.township.get({});
    expect(v.township).toMatchObject({ name: '上坝镇', code: '620902104' });
    expect(v.villages.find((x) => x.name === '上红村')).toMatchObject({ code: '620902104208', groups: expect.arrayContaining([expect.objectContaining({ name: '六组' })]) });
  });
});

describe('villages and groups after setup', () => {
  async function withHousehold() {
    const t = ledger(emptyLedger);
    await t.api.township.setup(HONGLIU);
    const v = (await t.api.township.get({})).villages[0];
    const h = await t.api.households.create({ villageId: v.id, groupId: v.groups[0].id, head: '马德全', category: 'poor' });
    return { t, v, h };
  }

  it('renaming a village keeps its records, under the new name, audited', async () => {
    const { t, v, h } = await withHousehold();
    await t.api.township.renameVillage({ id: v.id, name: ' 红柳新村 ' });
    const row = await t.api.households.get({ id: h.id });
    expect(row).toMatchObject({ id: h.id, head: '马德全', villageId: v.id, villageName: '红柳新村', groupName: '一组' });
    const audit = (await t.api.audit.list({ table: 'villages', rowId: v.id })).rows[0];
    expect(audit).toMatchObject({ register: '村', record: '红柳新村', action: '修改', text: '村名：红柳村 → 红柳新村' });
    await expect(t.api.township.renameVillage({ id: v.id, name: '沙河村' })).rejects.toThrow('台账中已有“沙河村”');
    // A sheet naming the new name imports into it.
    const r = await importT2(t, [['红柳新村', '三组', '何玉兰', idNumber('19700404', 42), 2, '贫困户']]);
    expect(r.files[0].sheets[0].added).toBe(1);
  });

  it('retiring a village keeps its records, takes no new ones (grid or import), and can be undone', async () => {
    const { t, v, h } = await withHousehold();
    await t.api.township.retireVillage({ id: v.id, retired: true });
    expect((await t.api.households.get({ id: h.id }))).toMatchObject({ villageName: '红柳村', head: '马德全' });
    expect((await t.api.households.list({})).total).toBe(1);
    // Still listed (marked) in 设置, no longer offered in the editors' lists.
    expect((await t.api.township.get({})).villages[0]).toMatchObject({ name: '红柳村', households: 1, retiredAt: expect.any(String) });
    expect((await t.api.meta.lookups({})).villages.map((x) => x.name)).toEqual(['沙河村']);
    await expect(t.api.households.create({ villageId: v.id, head: '新户', category: 'poor' })).rejects.toThrow('红柳村已撤销');
    // The household already there can still be corrected.
    await t.api.households.update({ id: h.id, patch: { size: 5 } });
    const r = await importT2(t, [['红柳村', '一组', '何玉兰', idNumber('19700404', 42), 2, '贫困户']]);
    expect(r.files[0].sheets[0].added).toBe(0);
    expect(r.files[0].sheets[0].errors[0]).toMatchObject({ column: '村', code: 'retired_village' });
    expect(r.files[0].sheets[0].errors[0].message).toContain('红柳村已撤销');
    expect(r.files[0].sheets[0].errors[0].message).toContain('沙河村');
    await t.api.township.retireVillage({ id: v.id, retired: false });
    expect((await t.api.households.create({ villageId: v.id, head: '新户', category: 'poor' })).villageName).toBe('红柳村');
  });

  it('groups are added, renamed and retired; a retired group takes no new record', async () => {
    const { t, v } = await withHousehold();
    const added = await t.api.township.addGroup({ villageId: v.id, name: '4' });
    expect(added.name).toBe('四组');
    await expect(t.api.township.addGroup({ villageId: v.id, name: '一组' })).rejects.toThrow('该村已有“一组”');
    await t.api.township.renameGroup({ id: added.id as number, name: '新四组' });
    await t.api.township.retireGroup({ id: v.groups[1].id, retired: true });
    const groups = (await t.api.township.get({})).villages[0].groups;
    expect(groups.map((g) => [g.name, Boolean(g.retiredAt)])).toEqual([['一组', false], ['二组', true], ['三组', false], ['新四组', false]]);
    await expect(t.api.households.create({ villageId: v.id, groupId: v.groups[1].id, head: '新户', category: 'poor' })).rejects.toThrow('二组已撤销');
    const r = await importT2(t, [['红柳村', '2组', '何玉兰', idNumber('19700404', 42), 2, '贫困户']]);
    expect(r.files[0].sheets[0].errors[0]).toMatchObject({ column: '村民小组', code: 'retired_group' });
  });

  it('a village is added with a code of this township', async () => {
    const { t } = await withHousehold();
    await expect(t.api.township.addVillage({ name: '新村', code: '620902104209', groups: ['一组'] })).rejects.toThrow('前 9 位应与乡镇代码 620902150 相同');
    await expect(t.api.township.addVillage({ name: '新村', code: '620902150201', groups: ['一组'] })).rejects.toThrow('已被台账中另一个村使用');
    const v = await t.api.township.addVillage({ name: '新村', code: '６２０９０２１５０２０２', groups: ['一组', '二组'] });
    expect(v).toMatchObject({ name: '新村', code: '620902150202' });
    expect((await t.api.meta.lookups({})).villages.map((x) => x.name)).toEqual(['红柳村', '沙河村', '新村']);
  });
});
