import { all, datedIn, greenhouseBuiltBy, liveAid, liveAidAlone, liveGreenhouse, livePlot, liveVisit, liveVisitAlone, liveWorkItem, pairingsInForce, plotInForceOn, type Fragment, type Period } from './in-force';

/**
 * The record sets the half-year report counts, each a `select` over the rules of in-force.ts. The
 * report aggregates them and the drill-down (records.ts) lists them, so a figure and its records can
 * only differ if one of the two is wrong — which the tests would show.
 */

/** Pairings in force in the period of one kind of unit, one row a pairing. */
export const pairedOf = (period: Period, kind: 'district' | 'township'): Fragment =>
  pairingsInForce(period, [{ sql: 'u.kind = ?', params: [kind] }]);

export const AID_FROM = `from aid_deliveries a join units u on u.id = a.unit_id join households h on h.id = a.household_id
  join villages v on v.id = h.village_id`;
export const aidIn = (period: Period): Fragment => all(liveAid(), datedIn('a.date', period));
/** The same deliveries without the joins, for sums over a big ledger (`from aid_deliveries a`). */
export const aidCounted = (period: Period): Fragment => all(datedIn('a.date', period), liveAidAlone());

export const LAND_FROM = `from land_plots l join households h on h.id = l.household_id join villages v on v.id = h.village_id`;
/** Plots in force on the period's last day. */
export const plotsAtEnd = (period: Period): Fragment => all(livePlot(), plotInForceOn(period.to));
/** Of those, the ones that started within the period. */
export const plotsNew = (period: Period): Fragment => all(plotsAtEnd(period), { sql: 'l.start >= ?', params: [period.from] });

export const GREENHOUSE_FROM = `from greenhouses x join greenhouse_zones z on z.id = x.zone_id join households h on h.id = x.household_id
  join villages v on v.id = h.village_id`;
export const greenhousesBuilt = (period: Period): Fragment => all(liveGreenhouse(), greenhouseBuiltBy(period.to));

export const VISIT_FROM = `from visits r join cadres c on c.id = r.cadre_id join units u on u.id = c.unit_id
  join households h on h.id = r.household_id join villages v on v.id = h.village_id`;
export const visitsIn = (period: Period): Fragment => all(liveVisit(), datedIn('r.date', period));
/** The same visits without the joins, for counts over a big ledger (`from visits r`). */
export const visitsCounted = (period: Period): Fragment => all(datedIn('r.date', period), liveVisitAlone());

export const WORK_FROM = `from work_items w join units u on u.id = w.unit_id left join villages v on v.id = w.village_id`;
export const workIn = (period: Period): Fragment => all(liveWorkItem(), datedIn('w.date', period));
