/**
 * The one definition of "live" and "in force" that the report, the exports, the visit sheets, the
 * registers and the checks share (../shared/formats/samples/README.md, "How the figures count").
 * Everything here is an SQL fragment over fixed table aliases, with `?` parameters in order:
 *
 *   u units · c cadres · h households · p pairings · r visits · a aid_deliveries · l land_plots
 *   x greenhouses · z greenhouse_zones · w work_items · k unit_villages
 *
 * Live: not deleted, and everything the record hangs on is live too. A cadre of a deleted unit is no
 * longer live, and so neither are that cadre's pairings and visits; a deleted household takes its
 * pairings, visits, aid, plots and greenhouses out of every count.
 * In force in a period: started on or before its last day, not ended before its first (an open end
 * runs on). "On a date" is the period of that one day.
 */

export type Fragment = { sql: string; params: unknown[] };
export type Period = { from: string; to: string };

const and = (...parts: string[]) => parts.map((s) => `(${s})`).join(' and ');

export const liveUnit = (u = 'u') => `${u}.deleted_at is null`;
/** A live cadre of a live unit; needs `u` joined as the cadre's unit. */
export const liveCadre = (c = 'c', u = 'u') => and(`${c}.deleted_at is null`, liveUnit(u));
export const liveHousehold = (h = 'h') => `${h}.deleted_at is null`;
/** Not liveHousehold: spelled as the households_deleted partial index's condition, which `not (…)` would miss. */
export const deadHousehold = (h = 'h') => `${h}.deleted_at is not null`;

/** A live pairing of a live cadre of a live unit with a live household (p, c, u, h joined). */
export const livePairing = () => and('p.deleted_at is null', liveCadre(), liveHousehold());

/** The joins that `livePairing` and `pairingInForce` need, from `pairings p`. */
export const PAIRING_JOINS = `join cadres c on c.id = p.cadre_id join units u on u.id = c.unit_id join households h on h.id = p.household_id`;

/** Dated span [since, until] touching the period: started by its last day, not ended before its first. */
export function spanTouches(since: string, until: string, period: Period): Fragment {
  return { sql: `${since} <= ? and (${until} is null or ${until} >= ?)`, params: [period.to, period.from] };
}

/** The span in force today, as SQL text without parameters (for register views, which are plain SQL). */
export const spanInForceToday = (since: string, until: string) =>
  `${since} <= date('now', 'localtime') and (${until} is null or ${until} >= date('now', 'localtime'))`;

/** A live pairing in force at some time in the period. */
export function pairingInForce(period: Period): Fragment {
  const t = spanTouches('p.since', 'p.until', period);
  return { sql: and(livePairing(), t.sql), params: t.params };
}

/**
 * `select … from pairings p <joins> where <in force>`: the pairings in force in the period, with the
 * columns every count needs. Extra conditions narrow it (unit, cadre, household, village).
 */
export function pairingsInForce(period: Period, extra: Fragment[] = []): Fragment {
  const f = pairingInForce(period);
  return {
    sql: `select p.id as pairingId, p.cadre_id as cadreId, c.rank, c.unit_id as unitId, u.kind as unitKind,
        p.household_id as householdId, h.category, h.village_id as villageId
      from pairings p ${PAIRING_JOINS}
      where ${[f.sql, ...extra.map((e) => `(${e.sql})`)].join(' and ')}`,
    params: [...f.params, ...extra.flatMap((e) => e.params)],
  };
}

/** `exists` a pairing in force in the period for household `h` (optionally narrowed: `and c.unit_id = ?`). */
export function hasPairingInForce(period: Period, household = 'h', extra?: Fragment): Fragment {
  const t = spanTouches('p.since', 'p.until', period);
  return {
    sql: `exists (select 1 from pairings p join cadres c on c.id = p.cadre_id join units u on u.id = c.unit_id
        where p.household_id = ${household}.id and p.deleted_at is null and ${liveCadre()} and ${t.sql}
        ${extra ? `and (${extra.sql})` : ''})`,
    params: [...t.params, ...(extra?.params ?? [])],
  };
}

/**
 * A household (h) the ledger knew by a date: its earliest dated record (pairing, plot, greenhouse,
 * aid, visit) is on or before it, or it has none (a T2 row only). So a household first named by a
 * later half-year's sheets does not change an earlier half-year's count.
 * The small tables (pairings, plots, greenhouses) are read once into two lists: households with a
 * live record by the date, and households with any. Only a household they leave open is looked up
 * in the big aid and visit tables, one seek each in their (household_id, deleted_at, date) index,
 * and only until one answers: `(select min(date) <= ?)` is 1 (known), 0 (only later records) or
 * null (none there). A household is known when some table answers 1, or when none has a record.
 */
export function householdKnownBy(date: string, h = 'h'): Fragment {
  const small = (dated: boolean) => [['pairings', 'since'], ['land_plots', 'start'], ['greenhouses', 'built_on']]
    .map(([table, column]) => `select household_id from ${table} where deleted_at is null and ${column} ${dated ? '<= ?' : 'is not null'}`)
    .join(' union all ');
  const byDate = (table: string) => `(select min(date) <= ? from ${table} where household_id = ${h}.id and deleted_at is null)`;
  const aid = byDate('aid_deliveries');
  const visit = byDate('visits');
  const sql = `(case
    when ${h}.id in (${small(true)}) then 1
    when ${h}.id in (${small(false)}) then case ${aid} when 1 then 1 else coalesce(${visit}, 0) end
    else case ${aid} when 1 then 1 when 0 then coalesce(${visit}, 0) else coalesce(${visit}, 1) end
  end) = 1`;
  // Every parameter is the date.
  return { sql, params: Array.from(sql.matchAll(/\?/g), () => date) };
}

/** Ids of households (h) that are not live. */
const deadHouseholds = () => `select h.id from households h where ${deadHousehold()}`;
/** Ids of cadres (c) that are not live, their unit (u) deleted included. */
const deadCadres = () => `select c.id from cadres c join units u on u.id = c.unit_id where not (${liveCadre()})`;

/**
 * liveVisit, read from the visit row (r) alone: the household and cadre it names are not among the
 * dead ones. The same rule without joining every visit to its household, cadre and unit, so a period's
 * visits are counted from the (date, cadre_id, household_id, deleted_at) index.
 */
export const liveVisitAlone = () =>
  and('r.deleted_at is null', `r.household_id not in (${deadHouseholds()})`, `r.cadre_id not in (${deadCadres()})`);
/** liveAid, read from the delivery row (a) alone (see liveVisitAlone). */
export const liveAidAlone = () =>
  and('a.deleted_at is null', `a.household_id not in (${deadHouseholds()})`, `a.unit_id not in (select u.id from units u where not (${liveUnit()}))`);

/**
 * How many live visits a period has (liveVisitAlone's rows, counted): the period's undeleted visits,
 * one range of the date index, less the few among them that name a dead household or a dead cadre,
 * found from those by the (household_id, …) and (cadre_id, …) indexes. Checking every visit of the
 * period against the dead lists cost three times as much as this count and those few seeks.
 */
export function liveVisitCount(period: Period): Fragment {
  const d = datedIn('r.date', period);
  const undeleted = `from visits r where r.deleted_at is null and ${d.sql}`;
  return {
    sql: `select (select count(*) ${undeleted})
      - (select count(*) from (select r.id ${undeleted} and r.household_id in (${deadHouseholds()})
          union select r.id ${undeleted} and r.cadre_id in (${deadCadres()}))) as n`,
    params: [...d.params, ...d.params, ...d.params],
  };
}

/** A live visit (r): of a live household (h) by a live cadre (c) of a live unit (u). */
export const liveVisit = () => and('r.deleted_at is null', liveHousehold(), liveCadre());
/** A live aid delivery (a): to a live household (h), from a live unit (u = the delivering unit). */
export const liveAid = () => and('a.deleted_at is null', liveHousehold(), liveUnit());
/** A live land plot (l) of a live household (h). */
export const livePlot = () => and('l.deleted_at is null', liveHousehold());
/** A live greenhouse (x) in a live zone (z) of a live household (h). */
export const liveGreenhouse = () => and('x.deleted_at is null', 'z.deleted_at is null', liveHousehold());
/** A live work item (w) of a live unit (u). */
export const liveWorkItem = () => and('w.deleted_at is null', liveUnit());

/** A column holding a date that falls in the period (both ends included). */
export function datedIn(column: string, period: Partial<Period>): Fragment {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (period.from) { parts.push(`${column} >= ?`); params.push(period.from); }
  if (period.to) { parts.push(`${column} <= ?`); params.push(period.to); }
  return { sql: parts.length ? parts.join(' and ') : '1', params };
}

/** A plot (l) in force on a date: started by then, not ended before it. */
export function plotInForceOn(date: string): Fragment {
  return { sql: `l.start <= ? and (l."end" is null or l."end" >= ?)`, params: [date, date] };
}

/** A greenhouse (x) built by a date, or with no building date. */
export function greenhouseBuiltBy(date: string): Fragment {
  return { sql: `x.built_on is null or x.built_on <= ?`, params: [date] };
}

/** A live unit–village link (k) of a live unit (u) in force in the period. */
export function linkInForce(period: Period): Fragment {
  const t = spanTouches('k.since', 'k.until', period);
  return { sql: and('k.deleted_at is null', liveUnit(), t.sql), params: t.params };
}

/** Joins fragments with `and`, keeping their parameters in order. */
export function all(...parts: (Fragment | string | null | undefined | false)[]): Fragment {
  const fs = parts.filter(Boolean).map((p) => (typeof p === 'string' ? { sql: p, params: [] } : p as Fragment));
  return { sql: fs.length ? fs.map((f) => `(${f.sql})`).join(' and ') : '1', params: fs.flatMap((f) => f.params) };
}
