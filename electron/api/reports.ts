import { z } from 'zod';
import { plainScaled } from '../values/numbers';
import { LedgerError, method, type Ctx } from './define';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写作 2014-01-01');

type PairingFigures = { cadres: number; leaders: number; general: number; poorHouseholds: number; specialHouseholds: number };

export type HalfYearReport = {
  period: { from: string; to: string };
  pairing: { district: PairingFigures & { units: number }; township: PairingFigures };
  aid: { deliveries: number; households: number; totalYuan: string; cashYuan: string };
  land: { plotsInForce: number; cumulativeMu: string; newPlots: number; newMu: string; demoSites: { name: string; village: string; mu: string }[] };
  greenhouses: { zones: number; count: number; areaMu: string };
  visits: { count: number };
  work: { category: string; measure: string | null; quantity: number }[];
  households: { total: number; poor: number; special: number; ordinary: number };
};

const one = <T>(ctx: Ctx, sql: string, ...p: unknown[]) => ctx.ledger.sqlite.prepare(sql).get(...p) as T;
const all = <T>(ctx: Ctx, sql: string, ...p: unknown[]) => ctx.ledger.sqlite.prepare(sql).all(...p) as T[];

/**
 * Pairings in force at some time in the period, of live cadres and households, with the unit's kind:
 * the base of every pairing figure (DOMAIN.md's table: units, cadres by rank, households by category).
 */
const PAIRED = `
  select u.id as unit, c.id as cadre, c.rank, h.id as household, h.category
  from pairings p join cadres c on c.id = p.cadre_id join units u on u.id = c.unit_id join households h on h.id = p.household_id
  where p.deleted_at is null and c.deleted_at is null and u.deleted_at is null and h.deleted_at is null
    and p.since <= @to and (p.until is null or p.until >= @from) and u.kind = @kind`;

function pairing(ctx: Ctx, kind: 'district' | 'township', from: string, to: string) {
  return one<PairingFigures & { units: number }>(ctx, `
    select count(distinct unit) as units, count(distinct cadre) as cadres,
      count(distinct case when rank = 'leader' then cadre end) as leaders,
      count(distinct case when rank = 'general' then cadre end) as general,
      count(distinct case when category = 'poor' then household end) as poorHouseholds,
      count(distinct case when category = 'special' then household end) as specialHouseholds
    from (${PAIRED})`, { kind, from, to });
}

/** The half-year report's figures, every one counted from the ledger over [from, to]. */
export function halfYear(ctx: Ctx, from: string, to: string): HalfYearReport {
  const district = pairing(ctx, 'district', from, to);
  const { units: _units, ...township } = pairing(ctx, 'township', from, to);
  const aid = one<{ deliveries: number; households: number; total: number; cash: number }>(ctx, `
    select count(*) as deliveries, count(distinct household_id) as households, coalesce(sum(amount_fen), 0) as total,
      coalesce(sum(case when item = '现金' then amount_fen else 0 end), 0) as cash
    from aid_deliveries a where deleted_at is null and date between ? and ?
      and exists (select 1 from households h where h.id = a.household_id and h.deleted_at is null)`, from, to);
  // A plot is in force at the period's end when it started by then and has not ended before it.
  const inForce = `l.deleted_at is null and l.start <= @to and (l."end" is null or l."end" >= @to)
    and exists (select 1 from households x where x.id = l.household_id and x.deleted_at is null)`;
  const land = one<{ plots: number; area: number; newPlots: number; newArea: number }>(ctx, `
    select count(*) as plots, coalesce(sum(area_centimu), 0) as area,
      count(case when start >= @from then 1 end) as newPlots, coalesce(sum(case when start >= @from then area_centimu else 0 end), 0) as newArea
    from land_plots l where ${inForce}`, { from, to });
  const demo = all<{ name: string; village: string; area: number }>(ctx, `
    select l.demo_site as name, group_concat(distinct v.name) as village, sum(l.area_centimu) as area
    from land_plots l join households h on h.id = l.household_id join villages v on v.id = h.village_id
    where ${inForce} and l.demo_site is not null group by l.demo_site order by l.demo_site`, { from, to });
  const gh = one<{ zones: number; count: number; area: number }>(ctx, `
    select count(distinct g.zone_id) as zones, coalesce(sum(g.count), 0) as count, coalesce(sum(g.area_centimu), 0) as area
    from greenhouses g join greenhouse_zones z on z.id = g.zone_id join households h on h.id = g.household_id
    where g.deleted_at is null and z.deleted_at is null and h.deleted_at is null and (g.built_on is null or g.built_on <= ?)`, to);
  const visits = one<{ n: number }>(ctx, `select count(*) as n from visits r join households h on h.id = r.household_id join cadres c on c.id = r.cadre_id
    where r.deleted_at is null and h.deleted_at is null and c.deleted_at is null and r.date between ? and ?`, from, to);
  const work = all<{ category: string; measure: string | null; quantity: number }>(ctx, `
    select category, measure, coalesce(sum(quantity_centi), 0) as quantity from work_items
    where deleted_at is null and date between ? and ? group by category, measure order by category, measure`, from, to);
  const hh = one<HalfYearReport['households']>(ctx, `
    select count(*) as total, count(case when category = 'poor' then 1 end) as poor,
      count(case when category = 'special' then 1 end) as special, count(case when category = 'ordinary' then 1 end) as ordinary
    from households where deleted_at is null`);
  return {
    period: { from, to },
    pairing: { district, township },
    aid: { deliveries: aid.deliveries, households: aid.households, totalYuan: plainScaled(aid.total), cashYuan: plainScaled(aid.cash) },
    land: {
      plotsInForce: land.plots, cumulativeMu: plainScaled(land.area), newPlots: land.newPlots, newMu: plainScaled(land.newArea),
      demoSites: demo.map((d) => ({ name: d.name, village: d.village, mu: plainScaled(d.area) })),
    },
    greenhouses: { zones: gh.zones, count: gh.count, areaMu: plainScaled(gh.area) },
    visits: { count: visits.n },
    // Quantities are kept in hundredths; whole numbers come out as whole numbers.
    work: work.map((w) => ({ category: w.category, measure: w.measure, quantity: w.quantity / 100 })),
    households: hh,
  };
}

export const reports = {
  /** 半年报告的数字: pairing, aid, land, greenhouses, visits, work items and households over a period. */
  halfYear: method(z.object({ from: isoDate, to: isoDate }), (ctx, { from, to }) => {
    if (to < from) throw new LedgerError(`截止日期 ${to} 早于起始日期 ${from}`, [{ field: 'to', message: '截止日期早于起始日期' }]);
    return halfYear(ctx, from, to);
  }, { from: '起始日期', to: '截止日期' }),
};
