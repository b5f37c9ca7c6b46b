import type { HalfYearReport } from '../api/reports';
import { plainScaled } from '../values/numbers';
import { periodLabel, previousPeriod } from './period';
import type { ChartSpec, Figure, Paragraph, ReportDoc, ReportInput, ReportTable, Section, Segment, TableCell, VillageRow } from './types';

/** 12 → "12"; 2.5 → "2.5": counts as the report writes them (no thousands separators, as official documents do). */
export const count = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100));
/** "1940.00" → "1940", "36.50" → "36.5": amounts and areas without trailing zeros. */
export const decimal = (s: string) => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);
const centi = (v: number) => decimal(plainScaled(v));

const fig = (figure: string, text: string, period?: { from: string; to: string }): Figure => (period ? { figure, text, period } : { figure, text });

type Work = HalfYearReport['work'][number];
/** The drill-down's path of a work figure (electron/rules/records.ts): a missing 计量单位 is written "-". */
const workPath = (w: Work) => `work.${w.category}.${w.measure ?? '-'}`;

/** What each 宣传 measure was in the 2014 report: booklets, banners, blackboard issues, visits. */
const PUBLICITY: Record<string, string> = {
  册: '发放学习宣传资料', 条: '悬挂横幅标语', 期: '出黑板报（宣传栏）', 人次: '干部入户宣传', 份: '发放宣传材料', 次: '开展宣传活动', 场: '召开宣讲会',
};
/** Each category's verb phrase and the measure it is counted in when the sheet left it empty. */
const WORK: Record<string, [string, string]> = {
  生产发展计划: ['帮助结对户制定生产发展计划', '份'],
  热点难点问题: ['协调解决热点难点问题', '个'],
  土地调整: ['调整（互换、流转）土地', '亩'],
  一事一议: ['实施一事一议项目', '个'],
  矛盾纠纷调解: ['调解矛盾纠纷', '件'],
  帮办实事: ['帮办实事', '件'],
  捐赠: ['捐赠', ''],
  其他: ['开展其他工作', ''],
};

/** "帮办实事9件" or "帮办实事9件、3个": one clause of a category's items; nothing when it has none. */
function workClause(work: Work[], category: string): Paragraph | null {
  const items = work.filter((w) => w.category === category && w.quantity !== 0);
  if (items.length === 0) return null;
  if (category === '宣传') {
    const out: Paragraph = [];
    items.forEach((w, i) => {
      if (i > 0) out.push('，');
      const phrase = PUBLICITY[w.measure ?? ''] ?? '开展宣传';
      out.push(phrase, fig(workPath(w), count(w.quantity)), w.measure ?? '');
    });
    return out;
  }
  const [phrase, measure] = WORK[category] ?? [category, ''];
  const out: Paragraph = [phrase];
  items.forEach((w, i) => {
    if (i > 0) out.push('、');
    out.push(fig(workPath(w), count(w.quantity)), w.measure ?? measure);
  });
  return out;
}

/** Clauses joined with "，" and ended with "。"; null when there are none. */
function sentence(clauses: (Paragraph | null)[]): Paragraph | null {
  const present = clauses.filter((c): c is Paragraph => c !== null && c.length > 0);
  if (present.length === 0) return null;
  return [...present.flatMap((c, i) => (i === 0 ? c : ['，', ...c])), '。'];
}

type Ctx = { input: ReportInput; prev: { from: string; to: string } };

/**
 * A pairing figure in its sentence: "263名", or "从341名调整为263名" when the previous period
 * differs (DOMAIN.md: 联户干部从341名调整为263名). Both numbers open their records.
 */
function pairingFigure(c: Ctx, path: string, measure: string): Paragraph {
  const get = (r: HalfYearReport) => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], r) as number;
  const now = get(c.input.figures), before = get(c.input.previous);
  const current = fig(path, count(now));
  if (before === now || before === 0) return [current, measure];
  return ['从', fig(path, count(before), c.prev), measure, '调整为', current, measure];
}

function pairingParagraphs(c: Ctx): Paragraph[] {
  const { district: d, township: t } = c.input.figures.pairing;
  const out: Paragraph[] = [];
  if (d.cadres > 0) {
    out.push([
      '联系我镇的区直机关事业单位', ...pairingFigure(c, 'pairing.district.units', '个'), '，联户干部', ...pairingFigure(c, 'pairing.district.cadres', '名'),
      '，其中科级以上领导干部', ...pairingFigure(c, 'pairing.district.leaders', '名'), '、一般干部', ...pairingFigure(c, 'pairing.district.general', '名'),
      '，结对联系贫困户', ...pairingFigure(c, 'pairing.district.poorHouseholds', '户'), '、特殊户', ...pairingFigure(c, 'pairing.district.specialHouseholds', '户'), '。',
    ]);
  } else {
    out.push(['本期暂无区直机关事业单位结对联户记录。']);
  }
  if (t.cadres > 0) {
    out.push([
      '镇机关联户干部', ...pairingFigure(c, 'pairing.township.cadres', '名'),
      '，其中科级以上领导干部', ...pairingFigure(c, 'pairing.township.leaders', '名'), '、一般干部', ...pairingFigure(c, 'pairing.township.general', '名'),
      '，结对联系贫困户', ...pairingFigure(c, 'pairing.township.poorHouseholds', '户'), '、特殊户', ...pairingFigure(c, 'pairing.township.specialHouseholds', '户'),
      '。',
    ]);
  } else {
    out.push(['本期暂无镇机关干部结对联户记录。']);
  }
  const { poor, special } = c.input.unpaired;
  if (d.cadres + t.cadres > 0) {
    out.push(poor + special === 0 ? ['全镇贫困户、特殊户均已结对，实现了联系帮扶全覆盖。']
      : [`全镇尚有${[poor ? `贫困户${poor}户` : '', special ? `特殊户${special}户` : ''].filter(Boolean).join('、')}本期未结对。`]);
  }
  return out;
}

/** Full coverage: someone is paired, and no poor or special household is left out. */
const covered = (c: Ctx) => {
  const p = c.input.figures.pairing;
  return p.district.cadres + p.township.cadres > 0 && c.input.unpaired.poor + c.input.unpaired.special === 0;
};

function basics(c: Ctx): Paragraph[] {
  const f = c.input.facts;
  const first: Segment[] = [`${f.name}辖${f.villages}个行政村、${f.groups}个村民小组`];
  if (f.households !== undefined && f.people !== undefined) first.push(`，共${f.households}户${f.people}人`);
  else if (f.households !== undefined) first.push(`，共${f.households}户`);
  else if (f.people !== undefined) first.push(`，共${f.people}人`);
  if (f.arableCentimu !== undefined) first.push(`，法定耕地面积${centi(f.arableCentimu)}亩`);
  first.push('。');
  const party: string[] = [];
  if (f.generalBranches) party.push(`党总支${f.generalBranches}个`);
  if (f.branches) party.push(`党支部${f.branches}个`);
  const paras: Paragraph[] = [first];
  if (party.length || f.partyMembers) {
    let s = `全镇有${party.join('、')}`;
    if (f.partyMembers) s += `${party.length ? '，' : ''}党员${f.partyMembers}名`;
    if (f.partyMembers && f.ruralPartyMembers) s += `，其中农村党员${f.ruralPartyMembers}名`;
    paras.push([s + '。']);
  }
  return paras;
}

function landClauses(r: HalfYearReport): (Paragraph | null)[] {
  const l = r.land;
  const transfer: Paragraph | null = l.plotsInForce > 0 ? [
    '全镇累计流转土地', fig('land.cumulativeMu', decimal(l.cumulativeMu)), '亩（', fig('land.plotsInForce', count(l.plotsInForce)), '块）',
    ...(l.newPlots > 0 ? ['，其中本期新增流转', fig('land.newMu', decimal(l.newMu)), '亩（', fig('land.newPlots', count(l.newPlots)), '块）'] as Segment[] : []),
  ] : null;
  const demo: Paragraph | null = l.demoSites.length > 0 ? [
    // The number of sites is the list that follows; each site's area opens its plots.
    `建成土地流转示范点${l.demoSites.length}个：`,
    ...l.demoSites.flatMap((s, i): Segment[] => [i > 0 ? '、' : '', `${s.village}${s.name.startsWith(s.village) ? s.name.slice(s.village.length) : s.name}`, fig(`land.demoSites.${s.name}.mu`, decimal(s.mu)), '亩']),
  ] : null;
  const g = r.greenhouses;
  const gh: Paragraph | null = g.count > 0 || g.zones > 0 ? [
    '建成钢架大棚（日光温室）小区', fig('greenhouses.zones', count(g.zones)), '个，大棚', fig('greenhouses.count', count(g.count)), '座，占地',
    fig('greenhouses.areaMu', decimal(g.areaMu)), '亩',
  ] : null;
  return [gh, transfer, demo];
}

function aidSentence(r: HalfYearReport): Paragraph | null {
  const a = r.aid;
  if (a.deliveries === 0) return null;
  const goods = a.totalYuan !== a.cashYuan;
  return [
    '在重大节日和结对户遇到重病住院、意外灾害等困难时，联系单位和联户干部开展慰问', fig('aid.deliveries', count(a.deliveries)), '次，慰问困难群众',
    fig('aid.households', count(a.households)), '户，送去', a.cashYuan !== '0.00' && goods ? '慰问金和米、面、油、肉等物资' : goods ? '米、面、油、肉等物资' : '慰问金',
    '，折合', fig('aid.totalYuan', decimal(a.totalYuan)), '元',
    ...(goods && a.cashYuan !== '0.00' ? ['，其中现金', fig('aid.cashYuan', decimal(a.cashYuan)), '元'] as Segment[] : []), '。',
  ];
}

const NONE: Paragraph = ['本期暂无登记。'];

function works(c: Ctx): Section {
  const r = c.input.figures;
  const known = new Set(['宣传', ...Object.keys(WORK)]);
  const others = [...new Set(r.work.map((w) => w.category))].filter((k) => !known.has(k));
  const visits: Paragraph | null = r.visits.count > 0 ? ['联户干部深入结对户开展入户走访', fig('visits.count', count(r.visits.count)), '次，做到“五个知晓”“五个关心”'] : null;
  const parts: { lead: string; body: Paragraph | null }[] = [
    { lead: covered(c) ? '（一）结对帮扶全覆盖。' : '（一）结对帮扶。', body: pairingParagraphs(c).flatMap((p) => p) },
    { lead: '（二）宣传发动到位。', body: sentence([workClause(r.work, '宣传')]) },
    { lead: '（三）入户走访经常。', body: sentence([visits, workClause(r.work, '帮办实事'), workClause(r.work, '热点难点问题')]) },
    { lead: '（四）发展生产有力。', body: sentence([workClause(r.work, '生产发展计划'), workClause(r.work, '土地调整'), ...landClauses(r)]) },
    { lead: '（五）基层治理加强。', body: sentence([workClause(r.work, '一事一议'), workClause(r.work, '矛盾纠纷调解')]) },
    { lead: '（六）节日慰问暖心。', body: sentence([aidSentence(r)?.slice(0, -1) ?? null, workClause(r.work, '捐赠')]) },
  ];
  const rest = sentence([workClause(r.work, '其他'), ...others.map((k) => workClause(r.work, k))]);
  if (rest) parts.push({ lead: '（七）其他工作。', body: rest });
  return { heading: '二、主要工作及成效', paragraphs: parts.map((p) => ({ lead: p.lead, body: p.body ?? NONE })) };
}

/** The clerk's text: one paragraph a line; "暂无" when the clerk wrote nothing. */
const clerk = (s: string): { body: Paragraph }[] => {
  const lines = s.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return lines.length ? lines.map((l) => ({ body: [l] })) : [{ body: ['暂无。'] }];
};

function pairingTable(c: Ctx): ReportTable {
  const rows: TableCell[][] = [];
  const items: [string, string, string][] = [
    ['units', '联系单位（个）', 'district'], ['cadres', '联户干部（名）', ''], ['leaders', '其中：科级以上领导干部（名）', ''], ['general', '一般干部（名）', ''],
    ['poorHouseholds', '联系贫困户（户）', ''], ['specialHouseholds', '联系特殊户（户）', ''],
  ];
  for (const [kind, who] of [['district', '区直机关事业单位'], ['township', '镇机关']] as const) {
    for (const [key, label, only] of items) {
      if (only && only !== kind) continue;
      const path = `pairing.${kind}.${key}`;
      const get = (r: HalfYearReport) => (r.pairing[kind] as Record<string, number>)[key];
      const now = get(c.input.figures), before = get(c.input.previous);
      const diff = now - before;
      rows.push([who, label, fig(path, count(now)), fig(path, count(before), c.prev), diff === 0 ? '—' : diff > 0 ? `+${diff}` : String(diff)]);
    }
  }
  return { title: '结对帮扶情况（本期与上期）', columns: ['类别', '项目', '本期', '上期', '增减'], rows };
}

function workTable(c: Ctx): ReportTable {
  const r = c.input.figures;
  const rows: TableCell[][] = [
    ['入户走访', fig('visits.count', count(r.visits.count)), '次'],
    ['慰问发放', fig('aid.deliveries', count(r.aid.deliveries)), '次'],
    ['慰问户数', fig('aid.households', count(r.aid.households)), '户'],
    ['慰问折合金额', fig('aid.totalYuan', r.aid.totalYuan), '元'],
    ['其中现金', fig('aid.cashYuan', r.aid.cashYuan), '元'],
    ['累计流转土地', fig('land.cumulativeMu', r.land.cumulativeMu), '亩'],
    ['在流转地块', fig('land.plotsInForce', count(r.land.plotsInForce)), '块'],
    ['本期新增流转', fig('land.newMu', r.land.newMu), '亩'],
    ['本期新增地块', fig('land.newPlots', count(r.land.newPlots)), '块'],
    ...r.land.demoSites.map((s): TableCell[] => [`示范点：${s.name}（${s.village}）`, fig(`land.demoSites.${s.name}.mu`, s.mu), '亩']),
    ['钢架大棚小区', fig('greenhouses.zones', count(r.greenhouses.zones)), '个'],
    ['大棚', fig('greenhouses.count', count(r.greenhouses.count)), '座'],
    ['大棚占地', fig('greenhouses.areaMu', r.greenhouses.areaMu), '亩'],
    ...r.work.map((w): TableCell[] => [w.category, fig(workPath(w), count(w.quantity)), w.measure ?? '']),
  ];
  return { title: '主要工作数字', columns: ['项目', '数量', '单位'], rows };
}

function villageTable(v: VillageRow[]): ReportTable {
  const sum = (k: keyof Omit<VillageRow, 'village'>) => v.reduce((s, r) => s + r[k], 0);
  const line = (name: string, r: Omit<VillageRow, 'village'>): TableCell[] =>
    [name, count(r.pairedHouseholds), count(r.visits), plainScaled(r.aidFen), plainScaled(r.landCentimu), count(r.greenhouses)];
  return {
    title: '各村情况',
    columns: ['村', '结对户（户）', '入户走访（次）', '慰问折合（元）', '流转土地（亩）', '大棚（座）'],
    rows: [...v.map((r) => line(r.village, r)), line('合计', {
      pairedHouseholds: sum('pairedHouseholds'), visits: sum('visits'), aidFen: sum('aidFen'), landCentimu: sum('landCentimu'), greenhouses: sum('greenhouses'),
    })],
  };
}

function charts(v: VillageRow[]): ChartSpec[] {
  const categories = v.map((r) => r.village);
  const spec = (key: ChartSpec['key'], title: string, unit: string, scale = 1): ChartSpec =>
    ({ key, title, unit, categories, values: v.map((r) => r[key] / scale) });
  return [
    spec('pairedHouseholds', '各村结对户数', '户'),
    spec('visits', '各村入户走访次数', '次'),
    spec('aidFen', '各村慰问折合金额', '元', 100),
    spec('landCentimu', '各村在流转土地面积', '亩', 100),
    spec('greenhouses', '各村大棚座数', '座'),
  ];
}

/** The half-year report written from the ledger's figures: structure, sentences, tables and charts. */
export function buildReport(input: ReportInput): ReportDoc {
  const { from, to } = input.figures.period;
  const label = periodLabel(from, to);
  const prev = previousPeriod(from, to);
  const c: Ctx = { input, prev };
  const name = input.facts.name;
  const intro: Paragraph = [`${label}，${name}按照区委、区政府“联村联户、为民富民”行动的安排部署，紧扣富民增收，扎实开展双联工作。现将有关情况汇报如下：`];
  const sections: Section[] = [
    { heading: '一、基本情况', paragraphs: basics(c).map((body) => ({ body })) },
    works(c),
    { heading: '三、存在问题', paragraphs: clerk(input.text.problems) },
    { heading: '四、下一步打算', paragraphs: clerk(input.text.plans) },
  ];
  return {
    title: `${name}${label}双联工作汇报`,
    periodLabel: label,
    period: { from, to },
    previousPeriod: { ...prev, label: periodLabel(prev.from, prev.to) },
    township: name,
    intro,
    sections,
    tables: [pairingTable(c), workTable(c), villageTable(input.villages)],
    charts: charts(input.villages),
    text: input.text,
  };
}

/** A paragraph as plain text (for tests, the .xlsx and the clipboard). */
export const plain = (p: Paragraph) => p.map((s) => (typeof s === 'string' ? s : s.text)).join('');
