import { readTownship } from '../io/write/signatories';
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
 * Each village's figures, counted as the report counts them (electron/api/reports.ts): households
 * paired in force at some time in the period, visits and aid dated in it, land in force and
 * greenhouses built by its last day — of live records only.
 */
function villageFigures(ctx: Ctx, from: string, to: string) {
  return ctx.ledger.sqlite.prepare(`
    select v.name as village, v.retired_at is not null as retired,
      (select count(distinct h.id) from pairings p join households h on h.id = p.household_id join cadres c on c.id = p.cadre_id join units u on u.id = c.unit_id
        where h.village_id = v.id and p.deleted_at is null and h.deleted_at is null and c.deleted_at is null and u.deleted_at is null
          and p.since <= @to and (p.until is null or p.until >= @from)) as pairedHouseholds,
      (select count(*) from visits r join households h on h.id = r.household_id join cadres c on c.id = r.cadre_id
        where h.village_id = v.id and r.deleted_at is null and h.deleted_at is null and c.deleted_at is null and r.date between @from and @to) as visits,
      (select coalesce(sum(a.amount_fen), 0) from aid_deliveries a join households h on h.id = a.household_id
        where h.village_id = v.id and a.deleted_at is null and h.deleted_at is null and a.date between @from and @to) as aidFen,
      (select coalesce(sum(l.area_centimu), 0) from land_plots l join households h on h.id = l.household_id
        where h.village_id = v.id and l.deleted_at is null and h.deleted_at is null and l.start <= @to and (l."end" is null or l."end" >= @to)) as landCentimu,
      (select coalesce(sum(g.count), 0) from greenhouses g join greenhouse_zones z on z.id = g.zone_id join households h on h.id = g.household_id
        where h.village_id = v.id and g.deleted_at is null and z.deleted_at is null and h.deleted_at is null and (g.built_on is null or g.built_on <= @to)) as greenhouses
    from villages v order by v.sort, v.id`).all({ from, to }) as (VillageRow & { retired: number })[];
}

/** The township's villages; a retired one only while it still has figures in the period. */
function villages(ctx: Ctx, from: string, to: string): VillageRow[] {
  return villageFigures(ctx, from, to)
    .filter((v) => !v.retired || v.pairedHouseholds + v.visits + v.aidFen + v.landCentimu + v.greenhouses > 0)
    .map(({ retired: _retired, ...v }) => v);
}

/** Live poor and special households with no pairing in force at any time in the period. */
function unpaired(ctx: Ctx, from: string, to: string): ReportInput['unpaired'] {
  return ctx.ledger.sqlite.prepare(`
    select count(case when h.category = 'poor' then 1 end) as poor, count(case when h.category = 'special' then 1 end) as special
    from households h where h.deleted_at is null and h.category in ('poor', 'special') and not exists (
      select 1 from pairings p join cadres c on c.id = p.cadre_id join units u on u.id = c.unit_id
      where p.household_id = h.id and p.deleted_at is null and c.deleted_at is null and u.deleted_at is null
        and p.since <= @to and (p.until is null or p.until >= @from))`).get({ from, to }) as ReportInput['unpaired'];
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
