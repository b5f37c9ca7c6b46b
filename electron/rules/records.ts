import type { Ctx } from '../api/define';
import { LedgerError } from '../api/define';
import { plainScaled } from '../values/numbers';
import { householdKnownBy, liveHousehold, type Fragment, type Period } from './in-force';
import { AID_FROM, aidIn, GREENHOUSE_FROM, greenhousesBuilt, LAND_FROM, pairedOf, plotsAtEnd, plotsNew, VISIT_FROM, visitsIn, WORK_FROM, workIn } from './report-sql';

/**
 * The records behind one figure of the half-year report (drill-down). A figure is named by its dotted
 * path in the report's output:
 *
 *   pairing.district.units | cadres | leaders | general | poorHouseholds | specialHouseholds
 *   pairing.township.cadres | leaders | general | poorHouseholds | specialHouseholds
 *   aid.deliveries | households | totalYuan | cashYuan
 *   land.plotsInForce | cumulativeMu | newPlots | newMu
 *   land.demoSites                       — the sites (one row a site)
 *   land.demoSites.<示范点名称>.mu        — keyed by the site's name; a number is its index in the
 *                                          report's demoSites list (land.demoSites.0.mu)
 *   greenhouses.zones | count | areaMu
 *   visits.count
 *   work.<事项类别>.<计量单位>             — one entry of `work`; a missing 计量单位 is written "-" or left empty
 *   households.total | poor | special | ordinary
 *
 * A count figure is the number of rows; a sum figure (money, area, 座数, 数量) is the sum of the
 * column `sumOf` names, in the ledger's units (分, hundredths of a 亩, hundredths).
 */
export type RecordColumn = { key: string; title: string; type: 'text' | 'int' | 'money' | 'area' | 'number' | 'date' };
export type FigureRecords = {
  figure: string;
  label: string;
  columns: RecordColumn[];
  rows: Record<string, string | number | null>[];
  /** For a sum figure: the column summed; absent for a count. */
  sumOf?: string;
  /** The figure as the report prints it, recomputed from these rows. */
  value: string | number;
  /** The number of rows. */
  total: number;
};

type Def = { label: string; columns: RecordColumn[]; query: (p: Period) => Fragment; sumOf?: string; sumType?: 'money' | 'area' | 'int' | 'number' };

const text = (key: string, title: string): RecordColumn => ({ key, title, type: 'text' });
const CATEGORY = `case h.category when 'poor' then '贫困户' when 'special' then '特殊户' else '一般农户' end`;
const RANK = `case c.rank when 'leader' then '科级以上领导干部' else '一般干部' end`;
const wrap = (head: string, f: Fragment, tail = '', ...tailParams: unknown[]): Fragment =>
  ({ sql: `${head} ${f.sql} ${tail}`, params: [...f.params, ...tailParams] });

const HOUSEHOLD_COLS = [text('village', '村'), text('group', '村民小组'), text('head', '户主姓名'), text('idNumber', '身份证号码'), text('category', '户类型')];
const HOUSEHOLD_SELECT = `select h.id, v.name as village, g.name as "group", h.head, h.id_number as idNumber, ${CATEGORY} as category
  from households h join villages v on v.id = h.village_id left join village_groups g on g.id = h.group_id`;

function pairingDefs(kind: 'district' | 'township', who: string): Record<string, Def> {
  const base = (p: Period) => pairedOf(p, kind);
  const cadres = (filter: string, label: string): Def => ({
    label: `${who}${label}`,
    columns: [text('unit', '联系单位'), text('name', '姓名'), text('rank', '干部级别'), { key: 'households', title: '联系户数', type: 'int' }],
    query: (p) => wrap(`select c.id, u.name as unit, c.name, ${RANK} as rank, count(distinct f.householdId) as households
      from (`, base(p), `) f join cadres c on c.id = f.cadreId join units u on u.id = c.unit_id where ${filter}
      group by c.id order by u.name, c.rank = 'general', c.name, c.id`),
  });
  const households = (category: string, label: string): Def => ({
    label: `${who}${label}`,
    columns: [...HOUSEHOLD_COLS, text('cadres', '联户干部')],
    query: (p) => wrap(`select h.id, v.name as village, g.name as "group", h.head, h.id_number as idNumber, ${CATEGORY} as category,
        group_concat(distinct c.name) as cadres
      from (`, base(p), `) f join households h on h.id = f.householdId join cadres c on c.id = f.cadreId
      join villages v on v.id = h.village_id left join village_groups g on g.id = h.group_id
      where h.category = '${category}' group by h.id order by v.sort, v.id, h.head, h.id`),
  });
  return {
    units: {
      label: `${who}联系单位`,
      columns: [text('name', '单位名称'), { key: 'cadres', title: '联户干部', type: 'int' }, { key: 'households', title: '联系户数', type: 'int' }],
      query: (p) => wrap(`select u.id, u.name, count(distinct f.cadreId) as cadres, count(distinct f.householdId) as households
        from (`, base(p), `) f join units u on u.id = f.unitId group by u.id order by u.name`),
    },
    cadres: cadres('1', '联户干部'),
    leaders: cadres(`c.rank = 'leader'`, '科级以上领导干部'),
    general: cadres(`c.rank = 'general'`, '一般干部'),
    poorHouseholds: households('poor', '联系贫困户'),
    specialHouseholds: households('special', '联系特殊户'),
  };
}

const AID_COLS: RecordColumn[] = [{ key: 'date', title: '发放日期', type: 'date' }, text('unit', '发放单位'), text('village', '村'), text('head', '户主姓名'),
  text('item', '物资名称'), { key: 'amount', title: '折合金额(元)', type: 'money' }];
const AID_SELECT = `select a.id, a.date, u.name as unit, v.name as village, h.head, a.item, a.amount_fen as amount ${AID_FROM} where`;
const aidRows = (cash: boolean): Def['query'] => (p) => wrap(AID_SELECT, aidIn(p), `${cash ? "and a.item = '现金'" : ''} order by a.date, a.id`);

const LAND_COLS: RecordColumn[] = [text('village', '村'), text('head', '转出方(户主)'), text('plotName', '地块名称'), { key: 'area', title: '流转面积(亩)', type: 'area' },
  text('mode', '流转方式'), { key: 'start', title: '起始日期', type: 'date' }, { key: 'end', title: '终止日期', type: 'date' }, text('demoSite', '示范点')];
const LAND_SELECT = `select l.id, v.name as village, h.head, l.plot_name as plotName, l.area_centimu as area, l.mode, l.start, l."end" as "end",
  l.demo_site as demoSite ${LAND_FROM} where`;

const GH_COLS: RecordColumn[] = [text('zone', '小区名称'), text('village', '村'), text('head', '户主姓名'), text('type', '棚型'),
  { key: 'count', title: '座数', type: 'int' }, { key: 'area', title: '占地面积(亩)', type: 'area' }, { key: 'builtOn', title: '建设日期', type: 'date' }];
const GH_SELECT = `select x.id, z.name as zone, v.name as village, h.head, x.type, x.count, x.area_centimu as area, x.built_on as builtOn ${GREENHOUSE_FROM} where`;

const FIXED: Record<string, Def> = {
  ...Object.fromEntries(Object.entries(pairingDefs('district', '区直单位')).map(([k, d]) => [`pairing.district.${k}`, d])),
  ...Object.fromEntries(Object.entries(pairingDefs('township', '镇机关')).filter(([k]) => k !== 'units').map(([k, d]) => [`pairing.township.${k}`, d])),
  'aid.deliveries': { label: '慰问发放次数', columns: AID_COLS, query: aidRows(false) },
  'aid.households': {
    label: '慰问户数', columns: [...HOUSEHOLD_COLS, { key: 'deliveries', title: '发放次数', type: 'int' }, { key: 'amount', title: '折合金额(元)', type: 'money' }],
    query: (p) => wrap(`select h.id, v.name as village, g.name as "group", h.head, h.id_number as idNumber, ${CATEGORY} as category,
        count(*) as deliveries, sum(a.amount_fen) as amount ${AID_FROM} left join village_groups g on g.id = h.group_id where`, aidIn(p),
      'group by h.id order by v.sort, v.id, h.head, h.id'),
  },
  'aid.totalYuan': { label: '慰问折合金额', columns: AID_COLS, query: aidRows(false), sumOf: 'amount', sumType: 'money' },
  'aid.cashYuan': { label: '其中现金', columns: AID_COLS, query: aidRows(true), sumOf: 'amount', sumType: 'money' },
  'land.plotsInForce': { label: '在流转地块', columns: LAND_COLS, query: (p) => wrap(LAND_SELECT, plotsAtEnd(p), 'order by v.sort, v.id, l.start, l.id') },
  'land.cumulativeMu': { label: '累计流转面积', columns: LAND_COLS, query: (p) => wrap(LAND_SELECT, plotsAtEnd(p), 'order by v.sort, v.id, l.start, l.id'), sumOf: 'area', sumType: 'area' },
  'land.newPlots': { label: '本期新增流转地块', columns: LAND_COLS, query: (p) => wrap(LAND_SELECT, plotsNew(p), 'order by v.sort, v.id, l.start, l.id') },
  'land.newMu': { label: '本期新增流转面积', columns: LAND_COLS, query: (p) => wrap(LAND_SELECT, plotsNew(p), 'order by v.sort, v.id, l.start, l.id'), sumOf: 'area', sumType: 'area' },
  'land.demoSites': {
    label: '土地流转示范点', columns: [text('name', '示范点'), text('village', '村'), { key: 'plots', title: '地块数', type: 'int' }, { key: 'area', title: '流转面积(亩)', type: 'area' }],
    query: (p) => wrap(`select min(l.id) as id, l.demo_site as name, group_concat(distinct v.name) as village, count(*) as plots, sum(l.area_centimu) as area
      ${LAND_FROM} where l.demo_site is not null and`, plotsAtEnd(p), 'group by l.demo_site order by l.demo_site'),
  },
  'greenhouses.zones': {
    label: '设施农业小区', columns: [text('zone', '小区名称'), text('village', '村'), { key: 'count', title: '座数', type: 'int' }, { key: 'area', title: '占地面积(亩)', type: 'area' }],
    query: (p) => wrap(`select z.id, z.name as zone, zv.name as village, sum(x.count) as count, sum(x.area_centimu) as area
      ${GREENHOUSE_FROM} join villages zv on zv.id = z.village_id where`, greenhousesBuilt(p), 'group by z.id order by z.name'),
  },
  'greenhouses.count': { label: '大棚座数', columns: GH_COLS, query: (p) => wrap(GH_SELECT, greenhousesBuilt(p), 'order by z.name, x.id'), sumOf: 'count', sumType: 'int' },
  'greenhouses.areaMu': { label: '大棚占地面积', columns: GH_COLS, query: (p) => wrap(GH_SELECT, greenhousesBuilt(p), 'order by z.name, x.id'), sumOf: 'area', sumType: 'area' },
  'visits.count': {
    label: '入户走访',
    columns: [{ key: 'date', title: '走访日期', type: 'date' }, text('unit', '联系单位'), text('cadre', '干部姓名'), text('village', '村'), text('head', '户主姓名'), text('content', '走访内容')],
    query: (p) => wrap(`select r.id, r.date, u.name as unit, c.name as cadre, v.name as village, h.head, r.content ${VISIT_FROM} where`, visitsIn(p), 'order by r.date, r.id'),
  },
  'households.total': { label: '登记户数', columns: HOUSEHOLD_COLS, query: (p) => wrap(`${HOUSEHOLD_SELECT} where ${liveHousehold()} and`, householdKnownBy(p.to), 'order by v.sort, v.id, h.head, h.id') },
  ...Object.fromEntries((['poor', 'special', 'ordinary'] as const).map((c) => [`households.${c}`, {
    label: { poor: '贫困户', special: '特殊户', ordinary: '一般农户' }[c], columns: HOUSEHOLD_COLS,
    query: (p: Period) => wrap(`${HOUSEHOLD_SELECT} where ${liveHousehold()} and`, householdKnownBy(p.to), 'and h.category = ? order by v.sort, v.id, h.head, h.id', c),
  } satisfies Def])),
};

const WORK_COLS: RecordColumn[] = [{ key: 'date', title: '日期', type: 'date' }, text('unit', '联系单位'), text('village', '村'), text('category', '事项类别'),
  text('content', '事项内容'), { key: 'quantity', title: '数量', type: 'number' }, text('measure', '计量单位')];

/** The definition behind a figure path, keyed ones (demo sites, work) built from their keys. */
function definition(figure: string): Def {
  const fixed = FIXED[figure];
  if (fixed) return fixed;
  const demo = /^land\.demoSites\.(.+)\.mu$/.exec(figure);
  if (demo) {
    const site = demo[1];
    return {
      label: `示范点 ${site}`, columns: LAND_COLS, sumOf: 'area', sumType: 'area',
      query: (p) => wrap(LAND_SELECT, plotsAtEnd(p), 'and l.demo_site = ? order by v.sort, v.id, l.start, l.id', site),
    };
  }
  const work = /^work\.([^.]+)\.(.*)$/.exec(figure);
  if (work) {
    const category = work[1];
    const measure = work[2] === '' ? '-' : work[2];
    return {
      label: `${category}（${measure === '-' ? '无计量单位' : measure}）`, columns: WORK_COLS, sumOf: 'quantity', sumType: 'number',
      query: (p) => wrap(`select w.id, w.date, u.name as unit, v.name as village, w.category, w.content, w.quantity_centi as quantity, w.measure
        ${WORK_FROM} where`, workIn(p), `and w.category = ? and ${measure === '-' ? 'w.measure is null' : 'w.measure = ?'} order by w.date, w.id`,
      ...(measure === '-' ? [category] : [category, measure])),
    };
  }
  throw new LedgerError(`报告中没有“${figure}”这一项数字`, [{ field: 'figure', message: '没有这一项数字' }]);
}

/** Every figure path of a report, for the page and the tests. */
export function figurePaths(report: { land: { demoSites: { name: string }[] }; work: { category: string; measure: string | null }[] }): string[] {
  return [
    ...Object.keys(FIXED),
    ...report.land.demoSites.map((s) => `land.demoSites.${s.name}.mu`),
    ...report.work.map((w) => `work.${w.category}.${w.measure ?? '-'}`),
  ];
}

/** The records behind one figure over the period, with the figure recomputed from them. */
export function figureRecords(ctx: Ctx, figure: string, period: Period): FigureRecords {
  // land.demoSites.0.mu: the first site of the report's list, which is ordered by name.
  const byIndex = /^land\.demoSites\.(\d+)\.mu$/.exec(figure);
  if (byIndex) {
    const q = wrap(`select distinct l.demo_site as name ${LAND_FROM} where l.demo_site is not null and`, plotsAtEnd(period), 'order by l.demo_site');
    const names = (ctx.ledger.sqlite.prepare(q.sql).all(...q.params) as { name: string }[]).map((r) => r.name);
    const name = names[Number(byIndex[1])];
    if (name !== undefined && !names.includes(byIndex[1])) figure = `land.demoSites.${name}.mu`;
  }
  const def = definition(figure);
  const q = def.query(period);
  const rows = ctx.ledger.sqlite.prepare(q.sql).all(...q.params) as Record<string, string | number | null>[];
  let value: string | number = rows.length;
  if (def.sumOf) {
    const sum = rows.reduce((s, r) => s + Number(r[def.sumOf!] ?? 0), 0);
    value = def.sumType === 'int' ? sum : def.sumType === 'number' ? sum / 100 : plainScaled(sum);
  }
  // field/headerName too, so a grid can take the columns as they come.
  const columns = def.columns.map((c) => ({ ...c, field: c.key, headerName: c.title }));
  return { figure, label: def.label, columns, rows, sumOf: def.sumOf, value, total: rows.length };
}
