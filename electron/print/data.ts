import type { Ctx } from '../api/define';
import { LedgerError } from '../api/define';
import { hasPairingInForce, liveAid, liveHousehold, liveVisit, PAIRING_JOINS, pairingInForce, type Fragment } from '../rules/in-force';
import { todayIso } from '../values/dates';

/**
 * Which households get a visit sheet, and what each sheet says.
 *
 * Selection: explicit households print whatever their pairing; a village, a unit or a cadre prints the
 * households that have a pairing in force on `asOf` (today unless given) — in that village, with a
 * cadre of that unit, or with that cadre; `all` prints every household with a pairing in force. Several criteria together narrow each other. Deleted
 * households, cadres, units and pairings never print (electron/rules/in-force.ts). Order: village, group, head, as the cadres walk.
 */
export type PrintSelection = {
  householdIds?: number[] | null;
  villageId?: number | null;
  unitId?: number | null;
  cadreId?: number | null;
  asOf?: string | null;
  /** Every household with a pairing in force (`ledger sheets --all`): the whole township in one batch. */
  all?: boolean | null;
};

export const KNOW = [
  ['knowFamily', '户情'], ['knowEconomy', '经济状况'], ['knowWishes', '发展愿望'], ['knowDifficulties', '存在困难'], ['knowHealthSchool', '就医就学'],
] as const;
export const CARE = [
  ['careIllness', '重病住院'], ['careDropout', '子女辍学'], ['careDisaster', '意外灾害'], ['careBereavement', '亲人去世'], ['careFestival', '节日慰问'],
] as const;

export type VisitRow = {
  id: number; date: string; cadreName: string; content: string | null; request: string | null; thingDone: string | null; result: string | null;
} & Record<(typeof KNOW)[number][0] | (typeof CARE)[number][0], boolean>;

export type SheetHousehold = {
  id: number; township: string; village: string; group: string | null; head: string; idNumber: string | null;
  size: number | null; labour: number | null; category: string | null; povertyAttr: string | null; povertyCause: string | null;
  incomeFen: number | null; phone: string | null;
  cadres: { name: string; unit: string; title: string | null; phone: string | null; since: string }[];
  visits: VisitRow[];
  aid: { date: string; item: string; quantityCenti: number | null; measure: string | null; amountFen: number; unit: string }[];
};

const CATEGORY: Record<string, string | null> = { poor: '贫困户', special: '特殊户', ordinary: null };

/** The households a selection prints, in walking order: id, head, village and group. */
export function selectHouseholds(ctx: Ctx, sel: PrintSelection): { id: number; head: string; village: string; group: string | null }[] {
  const where: string[] = [liveHousehold()];
  const params: unknown[] = [];
  const asOf = sel.asOf ?? todayIso();
  const paired = (extra?: Fragment) => {
    const f = hasPairingInForce({ from: asOf, to: asOf }, 'h', extra);
    where.push(f.sql);
    params.push(...f.params);
  };
  if (sel.householdIds?.length) {
    where.push('h.id in (select value from json_each(?))');
    params.push(JSON.stringify(sel.householdIds));
  } else if (!sel.villageId && !sel.unitId && !sel.cadreId && !sel.all) {
    throw new LedgerError('请选择要打印的户、村、联系单位或联户干部');
  }
  if (sel.villageId) { where.push('h.village_id = ?'); params.push(sel.villageId); }
  if (!sel.householdIds?.length) {
    if (sel.cadreId) paired({ sql: 'p.cadre_id = ?', params: [sel.cadreId] });
    else if (sel.unitId) paired({ sql: 'c.unit_id = ?', params: [sel.unitId] });
    else paired();
  }
  return ctx.ledger.sqlite.prepare(
    `select h.id, h.head, v.name as village, g.name as "group" from households h join villages v on v.id = h.village_id
      left join village_groups g on g.id = h.group_id where ${where.join(' and ')}
      order by v.sort, v.id, g.sort, g.id, h.head, h.id`,
  ).all(...params) as { id: number; head: string; village: string; group: string | null }[];
}

/** Everything one household's sheet prints. */
export function householdSheet(ctx: Ctx, id: number, township: string, asOf = todayIso()): SheetHousehold {
  const db = ctx.ledger.sqlite;
  const h = db.prepare(
    `select h.id, v.name as village, g.name as "group", h.head, h.id_number as idNumber, h.size, h.labour, h.category,
       h.poverty_attr as povertyAttr, h.poverty_cause as povertyCause, h.income_fen as incomeFen, h.phone
     from households h join villages v on v.id = h.village_id left join village_groups g on g.id = h.group_id where h.id = ?`,
  ).get(id) as Omit<SheetHousehold, 'township' | 'cadres' | 'visits' | 'aid'> & { category: string };
  const inForce = pairingInForce({ from: asOf, to: asOf });
  const cadres = db.prepare(
    `select c.name, u.name as unit, c.title, c.phone, p.since from pairings p ${PAIRING_JOINS}
      where p.household_id = ? and ${inForce.sql} order by p.since, c.name`,
  ).all(id, ...inForce.params) as SheetHousehold['cadres'];
  const visits = (db.prepare(
    `select r.id, r.date, c.name as cadreName, r.content, r.request, r.thing_done as thingDone, r.result,
       r.know_family as knowFamily, r.know_economy as knowEconomy, r.know_wishes as knowWishes, r.know_difficulties as knowDifficulties,
       r.know_health_school as knowHealthSchool, r.care_illness as careIllness, r.care_dropout as careDropout,
       r.care_disaster as careDisaster, r.care_bereavement as careBereavement, r.care_festival as careFestival
     from visits r join cadres c on c.id = r.cadre_id join units u on u.id = c.unit_id join households h on h.id = r.household_id
     where r.household_id = ? and ${liveVisit()} order by r.date, r.id`,
  ).all(id) as Record<string, unknown>[]).map((r) => {
    for (const [k] of [...KNOW, ...CARE]) r[k] = Boolean(r[k]);
    return r as VisitRow;
  });
  const aid = db.prepare(
    `select a.date, a.item, a.quantity_centi as quantityCenti, a.measure, a.amount_fen as amountFen, u.name as unit
     from aid_deliveries a join units u on u.id = a.unit_id join households h on h.id = a.household_id
     where a.household_id = ? and ${liveAid()} order by a.date, a.id`,
  ).all(id) as SheetHousehold['aid'];
  return { ...h, township, category: CATEGORY[h.category] ?? null, cadres, visits, aid };
}
