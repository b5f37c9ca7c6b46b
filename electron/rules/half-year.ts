import type { Ctx } from '../api/define';
import { plainScaled } from '../values/numbers';
import { householdKnownBy, liveHousehold, liveVisitCount, pairingsInForce, type Fragment, type Period } from './in-force';
import { aidCounted, GREENHOUSE_FROM, greenhousesBuilt, LAND_FROM, plotsAtEnd, WORK_FROM, workIn } from './report-sql';

export type PairingFigures = { cadres: number; leaders: number; general: number; poorHouseholds: number; specialHouseholds: number };

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

const one = <T>(ctx: Ctx, f: Fragment) => ctx.ledger.sqlite.prepare(f.sql).get(...f.params) as T;
const many = <T>(ctx: Ctx, f: Fragment) => ctx.ledger.sqlite.prepare(f.sql).all(...f.params) as T[];
const wrap = (head: string, f: Fragment, tail = ''): Fragment => ({ sql: `${head} ${f.sql} ${tail}`, params: f.params });

/**
 * DOMAIN.md's table for each kind of unit (units, cadres by rank, households by category), both
 * kinds from one pass over the period's pairings.
 */
export function pairingBoth(ctx: Ctx, period: Period): HalfYearReport['pairing'] {
  const rows = many<PairingFigures & { kind: string; units: number }>(ctx, wrap(`
    select unitKind as kind, count(distinct unitId) as units, count(distinct cadreId) as cadres,
      count(distinct case when rank = 'leader' then cadreId end) as leaders,
      count(distinct case when rank = 'general' then cadreId end) as general,
      count(distinct case when category = 'poor' then householdId end) as poorHouseholds,
      count(distinct case when category = 'special' then householdId end) as specialHouseholds
    from (`, pairingsInForce(period), ') group by unitKind'));
  const of = (kind: 'district' | 'township') => {
    const { kind: _kind, ...figures } = rows.find((r) => r.kind === kind) ?? { kind, units: 0, cadres: 0, leaders: 0, general: 0, poorHouseholds: 0, specialHouseholds: 0 };
    return figures;
  };
  const { units: _units, ...township } = of('township');
  return { district: of('district'), township };
}

/** The half-year report's figures, every one counted from the ledger over the period. */
export function halfYear(ctx: Ctx, from: string, to: string): HalfYearReport {
  const period = { from, to };
  // Visits and aid are the big tables: counted from their date indexes (see liveVisitCount).
  const aid = one<{ deliveries: number; households: number; total: number; cash: number }>(ctx, wrap(`
    select count(*) as deliveries, count(distinct a.household_id) as households, coalesce(sum(a.amount_fen), 0) as total,
      coalesce(sum(case when a.item = '现金' then a.amount_fen else 0 end), 0) as cash from aid_deliveries a where`, aidCounted(period)));
  const endWhere = plotsAtEnd(period);
  const land = one<{ plots: number; area: number; newPlots: number; newArea: number }>(ctx, {
    sql: `select count(*) as plots, coalesce(sum(l.area_centimu), 0) as area,
        count(case when l.start >= ? then 1 end) as newPlots, coalesce(sum(case when l.start >= ? then l.area_centimu else 0 end), 0) as newArea
      ${LAND_FROM} where ${endWhere.sql}`,
    params: [from, from, ...endWhere.params],
  });
  const demo = many<{ name: string; village: string; area: number }>(ctx, wrap(`
    select l.demo_site as name, group_concat(distinct v.name) as village, sum(l.area_centimu) as area ${LAND_FROM}
    where l.demo_site is not null and`, endWhere, 'group by l.demo_site order by l.demo_site'));
  const gh = one<{ zones: number; count: number; area: number }>(ctx, wrap(`
    select count(distinct x.zone_id) as zones, coalesce(sum(x.count), 0) as count, coalesce(sum(x.area_centimu), 0) as area
    ${GREENHOUSE_FROM} where`, greenhousesBuilt(period)));
  const visits = one<{ n: number }>(ctx, liveVisitCount(period));
  const work = many<{ category: string; measure: string | null; quantity: number }>(ctx, wrap(`
    select w.category, w.measure, coalesce(sum(w.quantity_centi), 0) as quantity ${WORK_FROM} where`, workIn(period),
    'group by w.category, w.measure order by w.category, w.measure'));
  const known = householdKnownBy(to);
  const hh = one<HalfYearReport['households']>(ctx, { sql: `
    select count(*) as total, count(case when category = 'poor' then 1 end) as poor,
      count(case when category = 'special' then 1 end) as special, count(case when category = 'ordinary' then 1 end) as ordinary
    from households h where ${liveHousehold()} and ${known.sql}`, params: known.params });
  return {
    period,
    pairing: pairingBoth(ctx, period),
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

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);

/**
 * The period a report compares with: for a half-year the half-year before (2014 H1 → 2013 H2),
 * otherwise the period of equal length that ends the day before this one starts.
 */
export function previousPeriod(period: Period): Period {
  const [y, m, d] = period.from.split('-');
  const half = (a: string, b: string) => d === '01' && period.to === `${y}-${b}` && m === a;
  if (half('01', '06-30')) return { from: `${Number(y) - 1}-07-01`, to: `${Number(y) - 1}-12-31` };
  if (half('07', '12-31')) return { from: `${y}-01-01`, to: `${y}-06-30` };
  const days = Math.round((Date.parse(period.to) - Date.parse(period.from)) / 86400000);
  const to = addDays(period.from, -1);
  return { from: addDays(to, -days), to };
}
