import type { Ctx } from '../../api/define';
import { todayIso } from '../../values/dates';
import type { SheetCode } from '../sheets';
import * as rules from '../../rules/in-force';
import { datedIn, linkInForce, liveAid, liveGreenhouse, livePairing, livePlot, liveVisit, liveWorkItem } from '../../rules/in-force';

/**
 * Which ledger rows one exported sheet holds, as rows keyed by the sheet table's column keys
 * (electron/io/sheets.ts). Values stay in the ledger's own units — money in 分, areas and quantities
 * in hundredths, dates as YYYY-MM-DD — and the writer turns them into cells.
 *
 * Selection rules (each sheet's "event date" is the one FORMATS.md names; `from`/`to` bound it,
 * both ends included):
 * - T1 结对: pairings in force at some time in the period (since ≤ to and not ended before from; an
 *   open start reaches back, an open end is today), or today when no period is given. Unit = the cadre's unit; village = the household's village.
 *   Pairings whose cadre or household is deleted are over and left out.
 * - T2 帮扶户: households of category 贫困户/特殊户, and any other household that has a pairing in force
 *   (the same rule as T1). With a unit: only the households its cadres are paired with. T2 has no
 *   event date; the period only decides which pairings count as in force.
 * - T3 走访: visits dated in the period; unit = the visiting cadre's unit.
 * - T4 发放: deliveries dated in the period; unit = the delivering unit.
 * - T5 土地流转: plots whose transfer started (起始日期) in the period; a plot carries no unit, so a
 *   unit selects the plots of the villages it is linked to (联村, in force).
 * - T6 设施农业: greenhouses built (建设日期) in the period — those without a building date only when
 *   no period is given; a unit selects its linked villages as for T5.
 * - T7 工作事项: items dated in the period; unit = the item's unit; a village leaves out the
 *   township-wide items (村 empty).
 * Deleted rows are never exported. Explicit `ids` (the register's row ids, what a filtered grid
 * shows) replace unit, village and period, and keep the sheet's own order.
 */
export type Selection = {
  unitId?: number | null;
  villageId?: number | null;
  from?: string | null;
  to?: string | null;
  /** Register row ids: pairings for T1, households for T2, visits for T3 … */
  ids?: number[] | null;
};

export type SheetValue = string | number | boolean | null;
/** One row as the database gives it (better-sqlite3's raw mode): values in the query's column order. */
export type SheetRow = SheetValue[];

/** The register (API area) whose rows make each sheet, so a grid's filters and ids mean the same rows. */
export const SHEET_REGISTER: Record<SheetCode, 'pairings' | 'households' | 'visits' | 'aid' | 'land' | 'greenhouses' | 'workItems'> = {
  T1: 'pairings', T2: 'households', T3: 'visits', T4: 'aid', T5: 'land', T6: 'greenhouses', T7: 'workItems',
};

const CATEGORY = `case h.category when 'poor' then '贫困户' when 'special' then '特殊户' else null end`;
const RANK = `case c.rank when 'leader' then '科级以上领导干部' else '一般干部' end`;
/** A village's place in the township's list: 小计 rows follow it. */
const VSORT = `(v.sort * 100000 + v.id)`;

export type Query = { sql: string; params: unknown[] };

/** The days a pairing or link must touch: the period (an open start reaches back, an open end is today), or today. */
function span(sel: Selection): [string, string] {
  if (!sel.from && !sel.to) return [todayIso(), todayIso()];
  return [sel.from ?? '0000-01-01', sel.to ?? todayIso()];
}

/** `pairings p` (of live cadres, units and households) in force at some time in the period, or today. */
function pairingInForce(sel: Selection): Query {
  const [from, to] = span(sel);
  return rules.pairingInForce({ from, to });
}

const period = (column: string, sel: Selection): Query => datedIn(column, { from: sel.from ?? undefined, to: sel.to ?? undefined });

/** Villages a unit is linked to in the period (or today). */
function linkedVillages(sel: Selection): Query {
  const [from, to] = span(sel);
  const link = linkInForce({ from, to });
  return {
    sql: `v.id in (select k.village_id from unit_villages k join units u on u.id = k.unit_id where k.unit_id = ? and ${link.sql})`,
    params: [sel.unitId, ...link.params],
  };
}

function idsClause(column: string, ids: number[]): Query {
  return { sql: `${column} in (select value from json_each(?))`, params: [JSON.stringify(ids)] };
}

/** `villageFirst`: the sheet's order regrouped village by village (stable), for 小计 rows after each village. */
type Select = Selection & { villageFirst?: boolean; unordered?: boolean };

function build(sel: Select, base: string, idColumn: string, order: string, filters: (Query | null)[]): Query {
  const where: Query[] = [];
  if (sel.ids) where.push(idsClause(idColumn, sel.ids));
  else for (const f of filters) if (f) where.push(f);
  const ordered = sel.unordered ? '' : ` order by ${sel.villageFirst ? '_villageSort, ' : ''}${order}`;
  const sql = `${base} ${where.length ? 'and ' + where.map((w) => `(${w.sql})`).join(' and ') : ''}${ordered}`;
  return { sql, params: where.flatMap((w) => w.params) };
}

const eq = (column: string, value: number | null | undefined): Query | null =>
  value ? { sql: `${column} = ?`, params: [value] } : null;

function query(code: SheetCode, sel: Select): Query {
  switch (code) {
    case 'T1': {
      const inForce = pairingInForce(sel);
      return build(sel, `select p.id as _id, u.name as unit, c.name as cadreName, c.sex as cadreSex, c.title as cadreTitle,
          ${RANK} as cadreRank, c.phone as cadrePhone, v.name as village, g.name as "group", h.head, h.id_number as idNumber,
          h.size, ${CATEGORY} as category, h.poverty_cause as povertyCause, p.since, p.note, p.until,
          v.name as _village, ${VSORT} as _villageSort
        from pairings p join cadres c on c.id = p.cadre_id join units u on u.id = c.unit_id
          join households h on h.id = p.household_id join villages v on v.id = h.village_id
          left join village_groups g on g.id = h.group_id
        where ${livePairing()}`,
      'p.id', `u.kind = 'township', u.name, c.rank = 'general', c.name, c.id, p.since, p.id`,
      [sel.ids ? null : inForce, eq('c.unit_id', sel.unitId), eq('h.village_id', sel.villageId)]);
    }
    case 'T2': {
      const [from, to] = span(sel);
      const paired = sel.unitId
        ? rules.hasPairingInForce({ from, to }, 'h', { sql: 'c.unit_id = ?', params: [sel.unitId] })
        : (({ sql, params }) => ({ sql: `h.category in ('poor', 'special') or ${sql}`, params }))(rules.hasPairingInForce({ from, to }));
      return build(sel, `select h.id as _id, v.name as village, g.name as "group", h.head, h.id_number as idNumber, h.sex, h.nation,
          h.size, h.labour, ${CATEGORY} as category, h.poverty_attr as povertyAttr, h.poverty_cause as povertyCause,
          h.income_fen as income, h.phone, h.note, v.name as _village, ${VSORT} as _villageSort
        from households h join villages v on v.id = h.village_id left join village_groups g on g.id = h.group_id
        where h.deleted_at is null`,
      'h.id', `${VSORT}, g.sort, g.id, h.id`, [paired, eq('h.village_id', sel.villageId)]);
    }
    case 'T3':
      return build(sel, `select r.id as _id, r.date, u.name as unit, c.name as cadreName, v.name as village, h.head, h.id_number as idNumber,
          r.know_family as knowFamily, r.know_economy as knowEconomy, r.know_wishes as knowWishes,
          r.know_difficulties as knowDifficulties, r.know_health_school as knowHealthSchool,
          r.care_illness as careIllness, r.care_dropout as careDropout, r.care_disaster as careDisaster,
          r.care_bereavement as careBereavement, r.care_festival as careFestival,
          r.content, r.request, r.thing_done as thingDone, r.result, r.note, v.name as _village, ${VSORT} as _villageSort
        from visits r join cadres c on c.id = r.cadre_id join units u on u.id = c.unit_id
          join households h on h.id = r.household_id join villages v on v.id = h.village_id
        where ${liveVisit()}`,
      'r.id', 'r.date, u.name, c.name, r.id', [period('r.date', sel), eq('c.unit_id', sel.unitId), eq('h.village_id', sel.villageId)]);
    case 'T4':
      return build(sel, `select a.id as _id, a.date, u.name as unit, v.name as village, g.name as "group", h.head, h.id_number as idNumber,
          a.item, a.quantity_centi as quantity, a.measure, a.amount_fen as amount, a.handler, a.note,
          v.name as _village, ${VSORT} as _villageSort
        from aid_deliveries a join units u on u.id = a.unit_id join households h on h.id = a.household_id
          join villages v on v.id = h.village_id left join village_groups g on g.id = h.group_id
        where ${liveAid()}`,
      'a.id', 'a.date, u.name, a.id', [period('a.date', sel), eq('a.unit_id', sel.unitId), eq('h.village_id', sel.villageId)]);
    case 'T5':
      return build(sel, `select l.id as _id, v.name as village, g.name as "group", h.head, h.id_number as idNumber, l.plot_name as plotName,
          l.east, l.south, l.west, l.north, l.area_centimu as area, l.mode, l.transferee, l.transferee_kind as transfereeKind,
          l.start, l.end, l.price_fen as price, l.contract_no as contractNo, l.contract_date as contractDate, l.use,
          l.demo_site as demoSite, l.note, v.name as _village, ${VSORT} as _villageSort
        from land_plots l join households h on h.id = l.household_id join villages v on v.id = h.village_id
          left join village_groups g on g.id = h.group_id
        where ${livePlot()}`,
      'l.id', `${VSORT}, l.start, l.id`, [period('l.start', sel), sel.unitId ? linkedVillages(sel) : null, eq('h.village_id', sel.villageId)]);
    case 'T6':
      return build(sel, `select x.id as _id, z.name as zone, v.name as village, g.name as "group", h.head, h.id_number as idNumber,
          x.type, x.count, x.area_centimu as area, x.built_on as builtOn, x.subsidy_fen as subsidy, x.crop, x.progress, x.note,
          v.name as _village, ${VSORT} as _villageSort
        from greenhouses x join greenhouse_zones z on z.id = x.zone_id join households h on h.id = x.household_id
          join villages v on v.id = h.village_id left join village_groups g on g.id = h.group_id
        where ${liveGreenhouse()}`,
      'x.id', 'z.name, x.id', [period('x.built_on', sel), sel.unitId ? linkedVillages(sel) : null, eq('h.village_id', sel.villageId)]);
    case 'T7':
      return build(sel, `select w.id as _id, w.date, u.name as unit, v.name as village, w.category, w.content,
          w.quantity_centi as quantity, w.measure, w.amount_fen as amount, w.result, w.note,
          v.name as _village, coalesce(${VSORT}, 1e12) as _villageSort
        from work_items w join units u on u.id = w.unit_id left join villages v on v.id = w.village_id
        where ${liveWorkItem()}`,
      'w.id', 'w.date, u.name, w.id', [period('w.date', sel), eq('w.unit_id', sel.unitId), eq('w.village_id', sel.villageId)]);
  }
}

/**
 * The query of one sheet's rows, in the sheet's order (village by village when `villageFirst`), or in
 * no particular order when `unordered` (what measuring the columns needs). Its columns are named by the
 * sheet table's column keys, with `_village` and `_villageSort` for the 小计 rows.
 */
export function sheetQuery(code: SheetCode, sel: Selection, opts: { villageFirst?: boolean; unordered?: boolean } = {}): Query {
  return query(code, { ...sel, villageFirst: opts.villageFirst, unordered: opts.unordered });
}
