import { readTownship } from '../io/write/signatories';
import { hasPairingInForce, liveHousehold, pairingsInForce, type Fragment } from '../rules/in-force';
import { aidCounted, GREENHOUSE_FROM, greenhousesBuilt, LAND_FROM, plotsAtEnd, visitsCounted } from '../rules/report-sql';
import { townshipFactsSchema } from '../report/facts';
import { previousPeriod } from '../report/period';
import type { ClerkText, ReportInput, TownshipFacts, VillageRow } from '../report/types';
import type { Ctx } from './define';
import { reports, type HalfYearReport } from './reports';
import { readSetting } from './setting-store';

/** The clerk's 存在问题 and 下一步打算 of one period live in the settings table under this key. */
export const textKey = (from: string, to: string) => `reportText:${from}:${to}`;

export function readClerkText(ctx: Ctx, from: string, to: string): ClerkText {
  const v = readSetting(ctx, textKey(from, to)) as Partial<ClerkText> | null;
  return { problems: typeof v?.problems === 'string' ? v.problems : '', plans: typeof v?.plans === 'string' ? v.plans : '' };
}

/** Saves the clerk's text of one period, with its audit row, in one transaction. */
export function writeClerkText(ctx: Ctx, from: string, to: string, text: ClerkText): void {
  const key = textKey(from, to);
  ctx.ledger.sqlite.transaction(() => {
    const before = readSetting(ctx, key);
    ctx.ledger.sqlite.prepare('insert into settings (key, value) values (?, ?) on conflict(key) do update set value = excluded.value')
      .run(key, JSON.stringify(text));
    ctx.ledger.sqlite.prepare("insert into audit_log (table_name, row_id, action, before, after) values ('settings', 0, 'update', ?, ?)")
      .run(JSON.stringify({ [key]: before }), JSON.stringify({ [key]: text }));
  })();
}

function facts(ctx: Ctx): TownshipFacts {
  const t = readTownship(ctx);
  const set = townshipFactsSchema.safeParse(readSetting(ctx, 'townshipFacts') ?? {});
  const n = (sql: string) => (ctx.ledger.sqlite.prepare(sql).get() as { n: number }).n;
  return {
    name: t.name, county: t.county,
    villages: n('select count(*) as n from villages where retired_at is null'),
    groups: n('select count(*) as n from village_groups g join villages v on v.id = g.village_id where g.retired_at is null and v.retired_at is null'),
    ...(set.success ? set.data : {}),
  };
}

/**
 * Each village's figures, counted by the report's own rules (electron/rules): households paired in
 * force at some time in the period, visits and aid dated in it, land in force and greenhouses built
 * by its last day — of live records only — so the villages add up to the township's figures.
 */
function villageFigures(ctx: Ctx, from: string, to: string): (VillageRow & { retired: boolean })[] {
  const period = { from, to };
  const byVillage = (f: Fragment) => new Map((ctx.ledger.sqlite.prepare(f.sql).all(...f.params) as { villageId: number; n: number }[])
    .map((r) => [r.villageId, r.n]));
  const wrap = (head: string, f: Fragment, tail: string): Fragment => ({ sql: `${head} ${f.sql} ${tail}`, params: f.params });
  const paired = byVillage(wrap('select villageId, count(distinct householdId) as n from (', pairingsInForce(period), ') group by villageId'));
  const visits = byVillage(wrap('select h.village_id as villageId, count(*) as n from visits r join households h on h.id = r.household_id where',
    visitsCounted(period), 'group by h.village_id'));
  const aid = byVillage(wrap('select h.village_id as villageId, sum(a.amount_fen) as n from aid_deliveries a join households h on h.id = a.household_id where',
    aidCounted(period), 'group by h.village_id'));
  const land = byVillage(wrap(`select v.id as villageId, sum(l.area_centimu) as n ${LAND_FROM} where`, plotsAtEnd(period), 'group by v.id'));
  const greenhouses = byVillage(wrap(`select v.id as villageId, sum(x.count) as n ${GREENHOUSE_FROM} where`, greenhousesBuilt(period), 'group by v.id'));
  const villages = ctx.ledger.sqlite.prepare('select id, name, retired_at is not null as retired from villages order by sort, id').all() as { id: number; name: string; retired: number }[];
  return villages.map((v) => ({
    village: v.name, retired: !!v.retired,
    pairedHouseholds: paired.get(v.id) ?? 0, visits: visits.get(v.id) ?? 0, aidFen: aid.get(v.id) ?? 0,
    landCentimu: land.get(v.id) ?? 0, greenhouses: greenhouses.get(v.id) ?? 0,
  }));
}

/** The township's villages; a retired one only while it still has figures in the period. */
function villages(ctx: Ctx, from: string, to: string): VillageRow[] {
  return villageFigures(ctx, from, to)
    .filter((v) => !v.retired || v.pairedHouseholds + v.visits + v.aidFen + v.landCentimu + v.greenhouses > 0)
    .map(({ retired: _retired, ...v }) => v);
}

/** Live poor and special households with no pairing in force at any time in the period. */
function unpaired(ctx: Ctx, from: string, to: string): ReportInput['unpaired'] {
  const paired = hasPairingInForce({ from, to });
  return ctx.ledger.sqlite.prepare(`
    select count(case when h.category = 'poor' then 1 end) as poor, count(case when h.category = 'special' then 1 end) as special
    from households h where ${liveHousehold()} and h.category in ('poor', 'special') and not ${paired.sql}`).get(...paired.params) as ReportInput['unpaired'];
}

/** The report API's figures of a period, by the one rule the API counts with. */
const figuresOf = (ctx: Ctx, from: string, to: string) => reports.halfYear.handler(ctx, { from, to }) as HalfYearReport;

/** Everything the report of [from, to] is written from: its figures, the previous period's, the township, the clerk's text. */
export function reportInput(ctx: Ctx, from: string, to: string): ReportInput {
  const prev = previousPeriod(from, to);
  return {
    figures: figuresOf(ctx, from, to),
    previous: figuresOf(ctx, prev.from, prev.to),
    facts: facts(ctx),
    text: readClerkText(ctx, from, to),
    villages: villages(ctx, from, to),
    unpaired: unpaired(ctx, from, to),
  };
}
