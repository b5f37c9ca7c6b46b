import { describe, expect, it } from 'vitest';
import type { HalfYearReport } from '../../electron/api/reports';
import { buildReport, plain } from '../../electron/report/model';
import { periodLabel, previousPeriod } from '../../electron/report/period';
import type { ReportInput } from '../../electron/report/types';

const empty = (from: string, to: string): HalfYearReport => ({
  period: { from, to },
  pairing: {
    district: { units: 0, cadres: 0, leaders: 0, general: 0, poorHouseholds: 0, specialHouseholds: 0 },
    township: { cadres: 0, leaders: 0, general: 0, poorHouseholds: 0, specialHouseholds: 0 },
  },
  aid: { deliveries: 0, households: 0, totalYuan: '0.00', cashYuan: '0.00' },
  land: { plotsInForce: 0, cumulativeMu: '0.00', newPlots: 0, newMu: '0.00', demoSites: [] },
  greenhouses: { zones: 0, count: 0, areaMu: '0.00' },
  visits: { count: 0 },
  work: [],
  households: { total: 0, poor: 0, special: 0, ordinary: 0 },
});

/** The 2014 H1 report of 上坝镇 (DOMAIN.md), as the ledger would hold it, and 2013 H2 with 341 district cadres. */
function shangba(): ReportInput {
  const figures = empty('2014-01-01', '2014-06-30');
  figures.pairing = {
    district: { units: 9, cadres: 263, leaders: 70, general: 193, poorHouseholds: 263, specialHouseholds: 68 },
    township: { cadres: 66, leaders: 12, general: 54, poorHouseholds: 66, specialHouseholds: 12 },
  };
  figures.work = [
    { category: '宣传', measure: '册', quantity: 2670 }, { category: '宣传', measure: '条', quantity: 15 },
    { category: '宣传', measure: '期', quantity: 6 }, { category: '宣传', measure: '人次', quantity: 350 },
    { category: '一事一议', measure: '个', quantity: 17 }, { category: '矛盾纠纷调解', measure: '件', quantity: 28 },
  ];
  figures.greenhouses = { zones: 4, count: 515, areaMu: '720.00' };
  figures.land = { plotsInForce: 900, cumulativeMu: '20081.60', newPlots: 120, newMu: '3028.65', demoSites: [
    { name: '旧墩村一号示范点', village: '旧墩村', mu: '1200.00' }, { name: '旧墩村二号示范点', village: '旧墩村', mu: '800.00' }] };
  figures.aid = { deliveries: 12, households: 12, totalYuan: '2710.00', cashYuan: '1000.00' };
  const previous = empty('2013-07-01', '2013-12-31');
  previous.pairing = {
    district: { units: 9, cadres: 341, leaders: 70, general: 271, poorHouseholds: 263, specialHouseholds: 68 },
    township: { cadres: 66, leaders: 12, general: 54, poorHouseholds: 66, specialHouseholds: 12 },
  };
  return {
    figures, previous,
    facts: { name: '上坝镇', county: '肃州区', villages: 9, groups: 58, households: 5400, people: 22000, arableCentimu: 6233200, generalBranches: 7, branches: 29, partyMembers: 1061, ruralPartyMembers: 925 },
    text: { problems: '一是部分贫困户发展意愿不强。\n二是产业带动能力弱。', plans: '' },
    villages: [],
    unpaired: { poor: 0, special: 0 },
  };
}

const section = (doc: ReturnType<typeof buildReport>, heading: string) =>
  doc.sections.find((s) => s.heading === heading)!.paragraphs.map((p) => (p.lead ?? '') + plain(p.body));

describe('the report model, on the figures of the 2014 report of 上坝镇', () => {
  const doc = buildReport(shangba());

  it('writes the township facts of 基本情况', () => {
    expect(section(doc, '一、基本情况')).toEqual([
      '上坝镇辖9个行政村、58个村民小组，共5400户22000人，法定耕地面积62332亩。',
      '全镇有党总支7个、党支部29个，党员1061名，其中农村党员925名。',
    ]);
  });

  it('says how the district cadres changed since the previous half-year, and only what changed', () => {
    const pairing = section(doc, '二、主要工作及成效')[0];
    expect(pairing).toContain('联系我镇的区直机关事业单位9个，联户干部从341名调整为263名，其中科级以上领导干部70名、一般干部从271名调整为193名，结对联系贫困户263户、特殊户68户。');
    expect(pairing).toContain('镇机关联户干部66名，其中科级以上领导干部12名、一般干部54名，结对联系贫困户66户、特殊户12户');
  });

  it('claims full coverage only when every poor and special household is paired', () => {
    expect(section(doc, '二、主要工作及成效')[0]).toMatch(/^（一）结对帮扶全覆盖。.*全镇贫困户、特殊户均已结对，实现了联系帮扶全覆盖。$/);
    const partial = buildReport({ ...shangba(), unpaired: { poor: 2, special: 0 } });
    expect(section(partial, '二、主要工作及成效')[0]).toMatch(/^（一）结对帮扶。.*特殊户12户。全镇尚有贫困户2户本期未结对。$/);
  });

  it('the previous figure opens the previous half-year’s records', () => {
    const body = doc.sections[1].paragraphs[0].body;
    const figures = body.filter((s) => typeof s !== 'string');
    expect(figures).toContainEqual({ figure: 'pairing.district.cadres', text: '341', period: { from: '2013-07-01', to: '2013-12-31' } });
    expect(figures).toContainEqual({ figure: 'pairing.district.cadres', text: '263' });
  });

  it('writes publicity, greenhouses, land transfer, village projects, disputes and aid in their sentences', () => {
    const s = section(doc, '二、主要工作及成效');
    expect(s[1]).toBe('（二）宣传发动到位。发放学习宣传资料2670册，悬挂横幅标语15条，出黑板报（宣传栏）6期，干部入户宣传350人次。');
    expect(s[3]).toBe('（四）发展生产有力。建成钢架大棚（日光温室）小区4个，大棚515座，占地720亩，全镇累计流转土地20081.6亩（900块），其中本期新增流转3028.65亩（120块），建成土地流转示范点2个：旧墩村一号示范点1200亩、旧墩村二号示范点800亩。');
    expect(s[4]).toBe('（五）基层治理加强。实施一事一议项目17个，调解矛盾纠纷28件。');
    expect(s[5]).toContain('折合2710元，其中现金1000元。');
  });

  it('writes the clerk’s 存在问题 a paragraph a line, and 暂无 where the clerk wrote nothing', () => {
    expect(section(doc, '三、存在问题')).toEqual(['一是部分贫困户发展意愿不强。', '二是产业带动能力弱。']);
    expect(section(doc, '四、下一步打算')).toEqual(['暂无。']);
  });

  it('tables every pairing figure with the previous period and the change', () => {
    const t = doc.tables[0];
    const row = t.rows.find((r) => r[0] === '区直机关事业单位' && r[1] === '联户干部（名）')!;
    expect(row.map((c) => (typeof c === 'string' ? c : c.text))).toEqual(['区直机关事业单位', '联户干部（名）', '263', '341', '-78']);
  });
});

describe('a period with nothing recorded', () => {
  const input = shangba();
  input.figures = empty('2013-01-01', '2013-06-30');
  input.previous = empty('2012-07-01', '2012-12-31');
  input.facts = { name: '上坝镇', county: '肃州区', villages: 9, groups: 58 };
  const doc = buildReport(input);

  it('reads naturally: no zero figures, 暂无 where a section has nothing', () => {
    const s = section(doc, '二、主要工作及成效');
    expect(s[0]).toBe('（一）结对帮扶。本期暂无区直机关事业单位结对联户记录。本期暂无镇机关干部结对联户记录。');
    expect(s[0]).not.toContain('实现了');
    expect(s.slice(1)).toEqual(['（二）宣传发动到位。', '（三）入户走访经常。', '（四）发展生产有力。', '（五）基层治理加强。', '（六）节日慰问暖心。'].map((l) => `${l}本期暂无登记。`));
    expect(section(doc, '一、基本情况')).toEqual(['上坝镇辖9个行政村、58个村民小组。']);
    expect(s.join('')).not.toMatch(/[^0-9]0[个名户次件亩元]/);
  });
});

describe('periods', () => {
  it('names half-years and years, and finds the one before', () => {
    expect(periodLabel('2014-01-01', '2014-06-30')).toBe('2014年上半年');
    expect(periodLabel('2014-07-01', '2014-12-31')).toBe('2014年下半年');
    expect(periodLabel('2014-03-01', '2014-05-31')).toBe('2014年3月1日至2014年5月31日');
    expect(previousPeriod('2014-01-01', '2014-06-30')).toEqual({ from: '2013-07-01', to: '2013-12-31' });
    expect(previousPeriod('2014-07-01', '2014-12-31')).toEqual({ from: '2014-01-01', to: '2014-06-30' });
    expect(previousPeriod('2014-03-01', '2014-03-31')).toEqual({ from: '2014-01-29', to: '2014-02-28' });
  });
});
