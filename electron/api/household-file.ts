import { z } from 'zod';
import { LedgerError, method, type Ctx } from './define';

const all = <T>(ctx: Ctx, sql: string, ...p: unknown[]) => ctx.ledger.sqlite.prepare(sql).all(...p) as T[];

export type HouseholdFile = {
  household: Record<string, unknown> & { id: number; head: string; villageName: string };
  pairings: { id: number; cadreName: string; cadreRank: string; unitName: string; phone: string | null; since: string; until: string | null; note: string | null }[];
  visits: { id: number; date: string; cadreName: string; unitName: string; content: string | null; request: string | null; thingDone: string | null; result: string | null; marks: string }[];
  aid: { id: number; date: string; unitName: string; item: string; quantityCenti: number | null; measure: string | null; amountFen: number; handler: string | null; note: string | null }[];
  land: { id: number; plotName: string | null; areaCentimu: number; mode: string; transferee: string | null; start: string; end: string | null; priceFen: number | null; contractNo: string | null; demoSite: string | null }[];
  greenhouses: { id: number; zoneName: string; type: string; count: number; areaCentimu: number; builtOn: string | null; subsidyFen: number | null; crop: string | null; progress: string | null }[];
};

const MARKS: [string, string][] = [
  ['know_family', '户情'], ['know_economy', '经济状况'], ['know_wishes', '发展愿望'], ['know_difficulties', '存在困难'],
  ['know_health_school', '就医就学'], ['care_illness', '重病住院'], ['care_dropout', '子女辍学'], ['care_disaster', '意外灾害'],
  ['care_bereavement', '亲人去世'], ['care_festival', '节日慰问'],
];


/** 户档案: one household with everything the ledger holds about it, in one call (its history: audit.history). */
export const householdFile = method(z.object({ id: z.number().int().positive() }), (ctx, { id }): HouseholdFile => {
  const household = ctx.ledger.sqlite.prepare(
    `select h.*, v.name as villageName, g.name as groupName from households h join villages v on v.id = h.village_id
      left join village_groups g on g.id = h.group_id where h.id = ?`,
  ).get(id) as Record<string, unknown> | undefined;
  if (!household) throw new LedgerError(`找不到这一户（编号 ${id}）`);
  const camel = Object.fromEntries(Object.entries(household).map(([k, v]) => [k.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase()), v]));
  return {
    household: camel as HouseholdFile['household'],
    pairings: all(ctx, `select p.id, c.name as cadreName, c.rank as cadreRank, u.name as unitName, c.phone, p.since, p.until, p.note
      from pairings p join cadres c on c.id = p.cadre_id join units u on u.id = c.unit_id
      where p.household_id = ? and p.deleted_at is null order by p.since desc, p.id desc`, id),
    visits: all(ctx, `select r.id, r.date, c.name as cadreName, u.name as unitName, r.content, r.request, r.thing_done as thingDone, r.result,
        ${MARKS.map(([col]) => `r.${col}`).join(', ')}
      from visits r join cadres c on c.id = r.cadre_id join units u on u.id = c.unit_id
      where r.household_id = ? and r.deleted_at is null order by r.date desc, r.id desc`, id)
      .map((r) => {
        const row = r as Record<string, unknown>;
        const marks = MARKS.filter(([col]) => row[col]).map(([, label]) => label).join('、');
        const { id: vid, date, cadreName, unitName, content, request, thingDone, result } = row as HouseholdFile['visits'][number];
        return { id: vid, date, cadreName, unitName, content, request, thingDone, result, marks };
      }),
    aid: all(ctx, `select a.id, a.date, u.name as unitName, a.item, a.quantity_centi as quantityCenti, a.measure, a.amount_fen as amountFen, a.handler, a.note
      from aid_deliveries a join units u on u.id = a.unit_id where a.household_id = ? and a.deleted_at is null order by a.date desc, a.id desc`, id),
    land: all(ctx, `select id, plot_name as plotName, area_centimu as areaCentimu, mode, transferee, start, end, price_fen as priceFen,
        contract_no as contractNo, demo_site as demoSite
      from land_plots where household_id = ? and deleted_at is null order by start desc, id desc`, id),
    greenhouses: all(ctx, `select g.id, z.name as zoneName, g.type, g.count, g.area_centimu as areaCentimu, g.built_on as builtOn,
        g.subsidy_fen as subsidyFen, g.crop, g.progress
      from greenhouses g join greenhouse_zones z on z.id = g.zone_id where g.household_id = ? and g.deleted_at is null order by g.id`, id),
  };
});
