import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../electron/api/history/entry';
import { tempLedger, villageId, type TestLedger } from '../helpers/ledger';
import { xlsxBytes } from '../helpers/sheets';

let t: TestLedger;
let household = 0;
let unit = 0;
beforeAll(async () => {
  t = tempLedger();
  unit = (await t.api.units.create({ name: '区文广局' })).id;
  household = (await t.api.households.create({ villageId: villageId(t, '新上村'), head: '李四', category: 'poor' })).id;
});
afterAll(() => t.close());

const latest = async (filter: { table?: string; source?: string } = {}): Promise<HistoryEntry> => (await t.api.audit.list({ limit: 1, ...filter })).rows[0];

describe('history a clerk can read', () => {
  it('an edit names the fields by the grid headers, money in 元 and categories in words', async () => {
    await t.api.households.update({ id: household, patch: { head: '李思', incomeFen: '2350.5', category: 'special' } });
    const e = await latest();
    expect(e).toMatchObject({ register: '帮扶户', record: '新上村 李思', action: '修改', source: '编辑' });
    expect(e.text).toBe('户主姓名：李四 → 李思；户类型：贫困户 → 特殊户；年人均纯收入：空 → 2,350.50 元');
  });

  it('a paste is told apart from an edit, and a village shows by its name', async () => {
    const res = await t.api.households.batch({ source: 'paste', ops: [{ op: 'update', id: household, patch: { villageId: villageId(t, '旧墩村'), size: '4' } }] });
    expect(res.ok).toBe(true);
    const e = await latest();
    expect(e).toMatchObject({ record: '旧墩村 李思', source: '粘贴' });
    expect(e.text).toBe('村：新上村 → 旧墩村；家庭人口：空 → 4');
  });

  it('an import row reads as the sheet said it: 数量 1 条, names of unit and village, 导入第 1 批', async () => {
    const sheet = xlsxBytes([{ name: '工作事项', rows: [
      ['序号', '日期', '联系单位', '村', '事项类别', '事项内容', '数量', '计量单位', '金额(元)', '办理结果', '备注'],
      [1, '2014.5.21', '区文广局', '营尔村', '宣传', '悬挂宣传横幅', 1, '条', 350, '已完成', ''],
    ] }]);
    const done = await t.api.imports.commit({ files: [{ name: '区文广局-工作事项.xlsx', base64: sheet.toString('base64') }] });
    expect(done.batch).toBe(1);
    const e = await latest({ table: 'work_items' });
    expect(e).toMatchObject({ register: '工作事项', record: '2014-05-21 区文广局 宣传', action: '新增', source: '导入第 1 批' });
    expect(e.text).toBe('日期 2014-05-21；联系单位 区文广局；村 营尔村；事项类别 宣传；事项内容 悬挂宣传横幅；数量 1 条；金额 350.00 元；办理结果 已完成');
    expect((await t.api.audit.list({ source: 'import' })).rows.every((r) => r.source === '导入第 1 批')).toBe(true);
  });

  it('a settings change shows the setting by its label: township by its name, ID masking as 是/否', async () => {
    await t.api.settings.set({ key: 'maskIdNumbers', value: true });
    expect((await latest()).text).toBe('打印时隐藏身份证号：否 → 是');
    await t.api.settings.set({ key: 'township', value: { name: '上坝乡', code: '620902104', county: '肃州区' } });
    const e = await latest();
    expect(e).toMatchObject({ register: '设置', action: '修改', source: '编辑' });
    expect(e.text).toBe('乡镇名称：上坝镇 → 上坝乡');
  });

  it('a visit deleted with its household says so; ticks read as √', async () => {
    const cadre = (await t.api.cadres.create({ unitId: unit, name: '赵敏' })).id;
    await t.api.visits.create({ date: '2014-03-05', cadreId: cadre, householdId: household, knowFamily: true, careFestival: true });
    expect((await latest()).text).toBe('走访日期 2014-03-05；干部姓名 赵敏；户主姓名 旧墩村 李思；户情 √；节日慰问 √');
    await t.api.households.delete({ ids: [household] });
    const visit = await latest({ table: 'visits' });
    expect(visit).toMatchObject({ record: '2014-03-05 赵敏 走访 旧墩村 李思', action: '删除', text: '随帮扶户“旧墩村 李思”一并删除' });
    expect(await latest({ table: 'households' })).toMatchObject({ record: '旧墩村 李思', action: '删除', text: '连同 1 次走访一并删除' });
    const bin = (await t.api.recycle.list({})).rows[0];
    await t.api.recycle.restore({ id: bin.id });
    expect(await latest({ source: 'recycle' })).toMatchObject({ action: '恢复', source: '回收站' });
  });

  it('a record’s own 历史 lists its writes, newest first; nothing shows an object, an id or a key name', async () => {
    const h = await t.api.audit.history({ area: 'households', id: household });
    expect(h.rows.map((r) => `${r.action}（${r.source}）`)).toEqual(['恢复（回收站）', '删除（编辑）', '修改（粘贴）', '修改（编辑）', '新增（编辑）']);
    const all = JSON.stringify((await t.api.audit.list({ limit: 1000 })).rows.map(({ id: _id, at: _at, ...shown }) => shown));
    expect(all).not.toContain('[object Object]');
    expect(all).not.toMatch(/[a-z][A-Z][a-z]+|_id|\bnull\b|undefined/);
  });

  it('filters by register, source and date', async () => {
    expect((await t.api.audit.list({ table: 'settings', source: 'edit' })).total).toBe(2);
    expect((await t.api.audit.list({ source: 'paste' })).total).toBe(1);
    const today = new Date().toLocaleDateString('sv-SE');
    expect((await t.api.audit.list({ from: today, to: today })).total).toBe((await t.api.audit.list({})).total);
    expect((await t.api.audit.list({ to: '2000-01-01' })).total).toBe(0);
    const opts = await t.api.audit.options({});
    expect(opts.registers.map((r) => r.label)).toContain('走访记录');
    expect(opts.sources.map((s) => s.label)).toEqual(['编辑', '粘贴', '向下填充', '撤销或重做', '导入', '撤销导入', '回收站', '演示数据', '初始数据', '乡镇设置']);
  });
});
