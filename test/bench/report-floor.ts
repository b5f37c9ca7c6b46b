import type Database from 'better-sqlite3';
import type { HalfYearReport } from '../../electron/rules/half-year';

/**
 * The floor of the report row: the half-year's figures as one hand-written SQL statement, written
 * straight from ../shared/formats/samples/README.md ("How the figures count") without the rules
 * module — live records only (a record of a deleted household, cadre or unit does not count), spans
 * in force in the period, plots in force and greenhouses built by its last day. It uses the ledger's
 * indexes as well as SQL can (visits and aid counted from their date indexes, each household's first
 * record by one seek a table), so the ratio shows what the app's own layers cost. A test checks it
 * gives the same figures as reports.halfYear, so the benchmark compares like with like.
 */
const FLOOR_SQL = `
with
  lc as (select c.id, c.rank, c.unit_id, u.kind from cadres c join units u on u.id = c.unit_id where c.deleted_at is null and u.deleted_at is null),
  lh as (select id, category, village_id from households where deleted_at is null),
  dh as (select id from households where deleted_at is not null),
  dc as (select c.id from cadres c join units u on u.id = c.unit_id where c.deleted_at is not null or u.deleted_at is not null),
  pf as (select lc.kind, lc.unit_id, p.cadre_id, lc.rank, p.household_id, lh.category
    from pairings p join lc on lc.id = p.cadre_id join lh on lh.id = p.household_id
    where p.deleted_at is null and p.since <= @to and (p.until is null or p.until >= @from)),
  af as (select a.household_id, a.amount_fen, a.item from aid_deliveries a
    where a.date between @from and @to and a.deleted_at is null and a.household_id not in dh
      and a.unit_id not in (select id from units where deleted_at is not null)),
  lf as (select l.start, l.area_centimu, l.demo_site, v.name as village from land_plots l join lh on lh.id = l.household_id join villages v on v.id = lh.village_id
    where l.deleted_at is null and l.start <= @to and (l."end" is null or l."end" >= @to))
select
  (select json_object('units', count(distinct unit_id), 'cadres', count(distinct cadre_id),
      'leaders', count(distinct case when rank = 'leader' then cadre_id end), 'general', count(distinct case when rank = 'general' then cadre_id end),
      'poorHouseholds', count(distinct case when category = 'poor' then household_id end),
      'specialHouseholds', count(distinct case when category = 'special' then household_id end)) from pf where kind = 'district') as district,
  (select json_object('cadres', count(distinct cadre_id),
      'leaders', count(distinct case when rank = 'leader' then cadre_id end), 'general', count(distinct case when rank = 'general' then cadre_id end),
      'poorHouseholds', count(distinct case when category = 'poor' then household_id end),
      'specialHouseholds', count(distinct case when category = 'special' then household_id end)) from pf where kind = 'township') as township,
  (select json_object('deliveries', count(*), 'households', count(distinct household_id), 'total', coalesce(sum(amount_fen), 0),
      'cash', coalesce(sum(case when item = '现金' then amount_fen end), 0)) from af) as aid,
  (select json_object('plots', count(*), 'area', coalesce(sum(area_centimu), 0), 'newPlots', count(case when start >= @from then 1 end),
      'newArea', coalesce(sum(case when start >= @from then area_centimu end), 0)) from lf) as land,
  (select json_group_array(json_object('name', name, 'village', village, 'area', area)) from (
      select demo_site as name, group_concat(distinct village) as village, sum(area_centimu) as area from lf where demo_site is not null
      group by demo_site order by demo_site)) as demo,
  (select json_object('zones', count(distinct x.zone_id), 'count', coalesce(sum(x.count), 0), 'area', coalesce(sum(x.area_centimu), 0))
    from greenhouses x join greenhouse_zones z on z.id = x.zone_id join lh on lh.id = x.household_id
    where x.deleted_at is null and z.deleted_at is null and (x.built_on is null or x.built_on <= @to)) as gh,
  (select count(*) from visits r where r.date between @from and @to and r.deleted_at is null
    and r.household_id not in dh and r.cadre_id not in dc) as visits,
  (select json_group_array(json_object('category', category, 'measure', measure, 'quantity', quantity)) from (
      select w.category, w.measure, sum(w.quantity_centi) as quantity from work_items w join units u on u.id = w.unit_id
      where w.deleted_at is null and u.deleted_at is null and w.date between @from and @to
      group by w.category, w.measure order by w.category, w.measure)) as work,
  (select json_object('total', count(*), 'poor', count(case when category = 'poor' then 1 end),
      'special', count(case when category = 'special' then 1 end), 'ordinary', count(case when category = 'ordinary' then 1 end))
    from (select h.category, min(
        coalesce((select min(since) from pairings where household_id = h.id and deleted_at is null), '9999'),
        coalesce((select min(date) from visits where household_id = h.id and deleted_at is null), '9999'),
        coalesce((select min(date) from aid_deliveries where household_id = h.id and deleted_at is null), '9999'),
        coalesce((select min(start) from land_plots where household_id = h.id and deleted_at is null), '9999'),
        coalesce((select min(built_on) from greenhouses where household_id = h.id and deleted_at is null and built_on is not null), '9999')) as first
      from households h where h.deleted_at is null) where first = '9999' or first <= @to) as households`;

const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

/** The floor's figures in the shape of reports.halfYear, for comparing. */
export function floorFigures(sqlite: Database.Database, from: string, to: string): HalfYearReport {
  const row = sqlite.prepare(FLOOR_SQL).get({ from, to }) as Record<string, string | number>;
  const j = (k: string) => JSON.parse(row[k] as string);
  const aid = j('aid'), land = j('land'), gh = j('gh');
  return {
    period: { from, to },
    pairing: { district: j('district'), township: j('township') },
    aid: { deliveries: aid.deliveries, households: aid.households, totalYuan: yuan(aid.total), cashYuan: yuan(aid.cash) },
    land: {
      plotsInForce: land.plots, cumulativeMu: yuan(land.area), newPlots: land.newPlots, newMu: yuan(land.newArea),
      demoSites: (j('demo') as { name: string; village: string; area: number }[]).map((d) => ({ name: d.name, village: d.village, mu: yuan(d.area) })),
    },
    greenhouses: { zones: gh.zones, count: gh.count, areaMu: yuan(gh.area) },
    visits: { count: row.visits as number },
    work: (j('work') as { category: string; measure: string | null; quantity: number }[]).map((w) => ({ ...w, quantity: w.quantity / 100 })),
    households: j('households'),
  };
}
