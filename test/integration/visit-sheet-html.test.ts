import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupId, tempLedger, villageId, type TestLedger } from '../helpers/ledger';

/** The visit sheets' HTML for a small ledger built through the API: what a cadre reads on the page. */
let t: TestLedger;
let ids: { wang: number; li: number; zhao: number; unit: number; cadre: number };

const pages = (html: string) => html.split('<section class="sheet"').slice(1);
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#(\d+);/g, (_m, c) => String.fromCharCode(Number(c))).replace(/\s+/g, ' ');

beforeEach(async () => {
  t = tempLedger();
  const v = villageId(t, '新上村');
  const unit = (await t.api.units.create({ name: '区统计局' })).id;
  const cadre = (await t.api.cadres.create({ unitId: unit, name: '曹娟', title: '副局长', rank: 'leader', phone: '13909370001' })).id;
  const wang = (await t.api.households.create({
    villageId: v, groupId: groupId(t, '新上村', '二组'), head: '王<芳>', idNumber: '11010519491231002X', size: 4, labour: 2,
    category: 'poor', povertyAttr: '低保贫困户', povertyCause: '因病', incomeFen: 235050, phone: '13800001111',
  })).id;
  const li = (await t.api.households.create({ villageId: v, groupId: groupId(t, '新上村', '一组'), head: '李四', category: 'special' })).id;
  // 赵五 lives in the village but is paired with nobody: no sheet for him in a village batch.
  const zhao = (await t.api.households.create({ villageId: v, head: '赵五', category: 'poor' })).id;
  await t.api.pairings.create({ cadreId: cadre, householdId: wang, since: '2014-01-06' });
  await t.api.pairings.create({ cadreId: cadre, householdId: li, since: '2014-01-08' });
  await t.api.visits.create({ date: '2014-02-10', cadreId: cadre, householdId: wang, knowFamily: true, knowEconomy: true, content: '了解家庭收入' });
  await t.api.visits.create({
    date: '2014-04-02', cadreId: cadre, householdId: wang, knowDifficulties: true, careIllness: true,
    content: '看望住院的户主', request: '希望协调医疗报销', thingDone: '联系合作医疗办', result: '已办结',
  });
  await t.api.aid.create({ date: '2014-01-25', unitId: unit, householdId: wang, item: '大米', quantityCenti: 200, measure: '袋', amountFen: 24000 });
  ids = { wang, li, zhao, unit, cadre };
});
afterEach(() => t.close());

describe('visit sheets (入户走访记录表)', () => {
  it('a village gives one page per paired household, in group order, and leaves out the unpaired', async () => {
    const r = await t.api.sheets.html({ villageId: villageId(t, '新上村') });
    expect(r.count).toBe(2);
    const ps = pages(r.html);
    expect(ps).toHaveLength(2);
    expect(textOf(ps[0])).toContain('李四'); // 一组 before 二组
    expect(textOf(ps[1])).toContain('王<芳>'); // escaped in HTML, shown as typed
    expect(r.html).not.toContain('赵五');
    expect(r.html).toContain('@page { size: A4 portrait');
    expect(r.html).toMatch(/font-family: "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC"/);
  });

  it('holds the household’s facts, its cadre, the 五个知晓 ticked from the visits and the 五个关心 events', async () => {
    const page = textOf(pages((await t.api.sheets.html({ householdIds: [ids.wang] })).html)[0]);
    for (const s of ['上坝镇', '新上村', '二组', '11010519491231002X', '4 人', '贫困户', '低保贫困户', '因病', '13800001111', '2,350.50 元']) {
      expect(page).toContain(s);
    }
    expect(page).toContain('曹娟 区统计局 副局长 13909370001 2014-01-06');
    expect(page).toContain('户情 ☑ 2014-02-10 了解家庭收入');
    expect(page).toContain('存在困难 ☑ 2014-04-02 看望住院的户主；诉求：希望协调医疗报销');
    expect(page).toContain('发展愿望 ☐');
    expect(page).toContain('重病住院 ☑ 2014-04-02 看望住院的户主');
    expect(page).toContain('节日慰问 ☑ 2014-01-25 区统计局送大米 2袋（240.00 元）');
    expect(page).toContain('子女辍学 ☐');
  });

  it('lists the visits so far and blank rows for the next ones, with signature columns, and the unit head’s line', async () => {
    const html = pages((await t.api.sheets.html({ householdIds: [ids.wang] })).html)[0];
    const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
    const rows = body.match(/<tr>/g) ?? [];
    expect(rows).toHaveLength(10);
    expect(textOf(body)).toContain('1 2014-02-10 曹娟 了解家庭收入');
    expect(textOf(body)).toContain('2 2014-04-02 曹娟 看望住院的户主；群众诉求：希望协调医疗报销 联系合作医疗办；已办结');
    expect(textOf(html)).toContain('干部签字 户主签字');
    expect(textOf(html)).toContain('单位负责人（签字）');
  });

  it('masks ID numbers when the setting asks', async () => {
    await t.api.settings.set({ key: 'maskIdNumbers', value: true });
    const html = (await t.api.sheets.html({ householdIds: [ids.wang] })).html;
    expect(html).toContain('110105********002X');
    expect(html).not.toContain('11010519491231002X');
  });

  it('a cadre or a unit selects the households paired with them; nothing chosen is refused', async () => {
    expect((await t.api.sheets.households({ cadreId: ids.cadre })).total).toBe(2);
    expect((await t.api.sheets.households({ unitId: ids.unit })).households.map((h) => h.head)).toEqual(['李四', '王<芳>']);
    await expect(t.api.sheets.html({})).rejects.toThrow(/请选择要打印的户、村、联系单位或联户干部/);
  });

  it('refuses to print directly where no printer is bound (browser mode, CLI)', async () => {
    await expect(t.api.sheets.print({ householdIds: [ids.wang] })).rejects.toThrow(/浏览器模式不能直接调用打印机/);
  });
});
