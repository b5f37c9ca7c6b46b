import type { SheetCode } from '../sheets';
import type { Resolver } from './resolve';
import type { RowCtx } from './row';
import type { Row, Writer } from './writer';

export type Outcome = 'added' | 'updated' | 'unchanged';
type Apply = (ctx: RowCtx, r: Resolver, w: Writer) => Outcome;

/** Sheets that create what others refer to come first: households (T2) and pairings (T1), then the rest. */
export const KIND_ORDER: SheetCode[] = ['T2', 'T1', 'T3', 'T4', 'T5', 'T6', 'T7'];

/** Date fields of events that cannot lie in the future (FORMATS.md, "What is an error"). */
export const EVENT_DATES: Partial<Record<SheetCode, string[]>> = { T1: ['since', 'until'], T3: ['date'], T4: ['date'], T5: ['start'], T6: ['builtOn'] };

/**
 * Adds the record or updates the one it matches. Two matches are never merged: the row is refused and
 * the clerk decides. The row's last step: every sheet's row ends with it.
 */
function upsert(ctx: RowCtx, w: Writer, table: string, what: string, matches: Row[], values: Record<string, unknown>, labels: Record<string, string>, insertOnly: Record<string, unknown> = {}): Outcome {
  if (matches.length > 1) {
    ctx.fail(null, `台账中已有 ${matches.length} 条相同的${what}，无法确定更新哪一条，本行未导入；请先在台账中删除重复的记录`, 'ambiguous');
  }
  if (matches.length === 0) {
    // Columns and values straight to the statement: a row object of twenty keys built per row cost more
    // than the insert itself. A value given overrides the insert-only default of its column.
    const cols: string[] = [], params: unknown[] = [];
    for (const k in insertOnly) if (values[k] === undefined) { cols.push(k); params.push(insertOnly[k]); }
    for (const k in values) if (values[k] !== undefined) { cols.push(k); params.push(values[k]); }
    w.lastStep(() => w.insertColumns(table, cols, params));
    return 'added';
  }
  // Two rows of one import on the same record with different contents would silently overwrite each other.
  if (w.wasTouched(table, matches[0].id) && w.changes(matches[0], values).length > 0) {
    ctx.fail(null, `本次导入中前面已有一行是同一条${what}，但内容不同；同一条${what}只能登记一行，请合并或删除重复的行`, 'conflict');
  }
  ctx.noteChanges(w.lastStep(() => w.update(table, matches[0], values)).map((c) => labels[c] ?? c));
  return ctx.changed.length ? 'updated' : 'unchanged';
}

type Pairs = readonly (readonly [key: string, col: string])[];
/** Labels by sheet (its headers) and field list: the same for every row of a sheet, so made once. */
const labelsMade = new WeakMap<ReadonlyMap<string, string>, Map<Pairs, Record<string, string>>>();

/** Field → column, and the label a change is listed under (the file's own header). */
function fields(ctx: RowCtx, pairs: Pairs): { values: Record<string, unknown>; labels: Record<string, string> } {
  const values: Record<string, unknown> = {};
  for (const [key, col] of pairs) values[col] = ctx.get(key);
  let bySheet = labelsMade.get(ctx.headers);
  if (!bySheet) labelsMade.set(ctx.headers, (bySheet = new Map()));
  let labels = bySheet.get(pairs);
  if (!labels) {
    labels = {};
    for (const [key, col] of pairs) labels[col] = ctx.header(key) ?? key;
    bySheet.set(pairs, labels);
  }
  return { values, labels };
}

const MARKS: [string, string][] = [
  ['knowFamily', 'know_family'], ['knowEconomy', 'know_economy'], ['knowWishes', 'know_wishes'], ['knowDifficulties', 'know_difficulties'],
  ['knowHealthSchool', 'know_health_school'], ['careIllness', 'care_illness'], ['careDropout', 'care_dropout'], ['careDisaster', 'care_disaster'],
  ['careBereavement', 'care_bereavement'], ['careFestival', 'care_festival'],
];

/** The fields each sheet writes to its record, and their columns. */
const FIELDS = {
  T1: [['since', 'since'], ['note', 'note'], ['until', 'until']],
  T3: [...MARKS, ['content', 'content'], ['request', 'request'], ['thingDone', 'thing_done'], ['result', 'result'], ['note', 'note']],
  T4: [['quantity', 'quantity_centi'], ['measure', 'measure'], ['amount', 'amount_fen'], ['handler', 'handler'], ['note', 'note']],
  T6: [['type', 'type'], ['count', 'count'], ['area', 'area_centimu'], ['builtOn', 'built_on'], ['subsidy', 'subsidy_fen'], ['crop', 'crop'], ['progress', 'progress'], ['note', 'note']],
  T7: [['quantity', 'quantity_centi'], ['measure', 'measure'], ['amount', 'amount_fen'], ['result', 'result'], ['note', 'note']],
  T5: [
    ['plotName', 'plot_name'], ['east', 'east'], ['south', 'south'], ['west', 'west'], ['north', 'north'], ['area', 'area_centimu'],
    ['mode', 'mode'], ['transferee', 'transferee'], ['transfereeKind', 'transferee_kind'], ['start', 'start'], ['end', 'end'],
    ['price', 'price_fen'], ['contractNo', 'contract_no'], ['contractDate', 'contract_date'], ['use', 'use'], ['demoSite', 'demo_site'], ['note', 'note'],
  ],
} satisfies Record<string, Pairs>;

export const APPLY: Record<SheetCode, Apply> = {
  T1: (ctx, r, w) => {
    const unit = r.unit(ctx);
    const cadre = r.cadre(ctx, unit, 'set').row;
    const hh = r.setHousehold(ctx, r.householdRef(ctx), ['size', 'category', 'povertyCause']).row;
    r.linkUnitVillage(unit, hh.village_id as number, ctx.get<string>('since'));
    const { values, labels } = fields(ctx, FIELDS.T1);
    const matches = w.all<Row>('select * from pairings where cadre_id = ? and household_id = ? and deleted_at is null', cadre.id, hh.id);
    const outcome = upsert(ctx, w, 'pairings', '结对关系', matches, values, labels, { cadre_id: cadre.id, household_id: hh.id });
    // A complete roster ends the unit's pairings that no row of it listed (roster.ts).
    const pairing = w.get<Row>('select id from pairings where cadre_id = ? and household_id = ? and deleted_at is null', cadre.id, hh.id)!;
    w.listedPairing = { unit: unit.id, pairing: pairing.id };
    return outcome;
  },

  T2: (ctx, r) => {
    const { created } = r.setHousehold(ctx, r.householdRef(ctx), ['nation', 'size', 'labour', 'category', 'povertyAttr', 'povertyCause', 'income', 'phone', 'note']);
    return created ? 'added' : ctx.changed.length ? 'updated' : 'unchanged';
  },

  T3: (ctx, r, w) => {
    const unit = r.unit(ctx);
    const cadre = r.cadre(ctx, unit, 'ref').row;
    const hh = r.refHousehold(ctx, r.householdRef(ctx)).row;
    r.linkUnitVillage(unit, hh.village_id as number, ctx.get<string>('date'));
    const { values, labels } = fields(ctx, FIELDS.T3);
    const date = ctx.get<string>('date');
    const matches = w.all<Row>('select * from visits where household_id = ? and date = ? and cadre_id = ? and deleted_at is null', hh.id, date, cadre.id);
    return upsert(ctx, w, 'visits', '走访记录', matches, values, labels, { date, cadre_id: cadre.id, household_id: hh.id });
  },

  T4: (ctx, r, w) => {
    const unit = r.unit(ctx);
    const hh = r.refHousehold(ctx, r.householdRef(ctx)).row;
    const { values, labels } = fields(ctx, FIELDS.T4);
    const date = ctx.get<string>('date'), item = ctx.get<string>('item');
    const matches = w.all<Row>('select * from aid_deliveries where household_id = ? and date = ? and unit_id = ? and item = ? and deleted_at is null', hh.id, date, unit.id, item);
    return upsert(ctx, w, 'aid_deliveries', '发放记录', matches, values, labels, { date, unit_id: unit.id, household_id: hh.id, item });
  },

  T5: (ctx, r, w) => {
    const ref = r.householdRef(ctx);
    const contract = ctx.get<string>('contractNo');
    // Looked up before the household: a new household has no plots, so its row is refused later only
    // when the contract is already registered (to another household), which is known before anything is written.
    const byContract = contract ? (r.contracts.mayHave(contract) ? w.all<Row>('select * from land_plots where contract_no = ? and deleted_at is null', contract) : []) : null;
    const hh = r.refHousehold(ctx, ref, !byContract?.length).row;
    const { values, labels } = fields(ctx, FIELDS.T5);
    let matches: Row[];
    if (byContract) {
      matches = byContract;
      const other = matches.find((m) => m.household_id !== hh.id);
      if (other) ctx.fail('contractNo', `合同编号 ${contract} 在台账中已登记在另一户的地块上，本行未导入；请核对合同编号`, 'conflict');
    } else {
      matches = w.all<Row>('select * from land_plots where household_id = ? and plot_name is ? and start = ? and deleted_at is null', hh.id, ctx.get('plotName') ?? null, ctx.get('start'));
    }
    const outcome = upsert(ctx, w, 'land_plots', '流转地块', matches, values, labels, { household_id: hh.id });
    if (contract) r.contracts.add(contract);
    return outcome;
  },

  T6: (ctx, r, w) => {
    const ref = r.householdRef(ctx);
    const hh = r.refHousehold(ctx, ref).row;
    const zone = r.zone(ctx, ref.villageId);
    const { values, labels } = fields(ctx, FIELDS.T6);
    const matches = w.all<Row>('select * from greenhouses where zone_id = ? and household_id = ? and deleted_at is null', zone.id, hh.id);
    return upsert(ctx, w, 'greenhouses', '大棚记录', matches, values, labels, { zone_id: zone.id, household_id: hh.id, area_centimu: 0 });
  },

  T7: (ctx, r, w) => {
    const unit = r.unit(ctx);
    const village = ctx.has('village') ? r.village(ctx).id : null;
    if (village !== null) r.linkUnitVillage(unit, village, ctx.get<string>('date'));
    const { values, labels } = fields(ctx, FIELDS.T7);
    const date = ctx.get<string>('date'), category = ctx.get<string>('category'), content = ctx.get<string>('content') ?? null;
    const matches = w.all<Row>('select * from work_items where date = ? and unit_id = ? and village_id is ? and category = ? and content is ? and deleted_at is null', date, unit.id, village, category, content);
    return upsert(ctx, w, 'work_items', '工作事项', matches, values, labels, { date, unit_id: unit.id, village_id: village, category, content });
  },
};
