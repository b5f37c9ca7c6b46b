import { auditShape } from '../io/import/writer';
import { LedgerError, type Ctx } from './define';
import { describeRecord } from './history/describe';
import { Names } from './history/names';
import { registerEntry } from './register-specs';

type Row = Record<string, unknown>;

/** A record that hangs on another by a reference column; `choice`: the clerk must say it goes too. */
type Hang = { table: string; fk: string; choice?: boolean };

/** What hangs on a record of each table and goes with it when it is deleted (live rows only). */
const HANGS: Record<string, Hang[]> = {
  households: [
    { table: 'pairings', fk: 'household_id' }, { table: 'visits', fk: 'household_id' }, { table: 'aid_deliveries', fk: 'household_id' },
    { table: 'land_plots', fk: 'household_id' }, { table: 'greenhouses', fk: 'household_id' },
  ],
  units: [
    { table: 'cadres', fk: 'unit_id', choice: true }, { table: 'unit_villages', fk: 'unit_id' },
    { table: 'aid_deliveries', fk: 'unit_id' }, { table: 'work_items', fk: 'unit_id' },
  ],
  cadres: [{ table: 'pairings', fk: 'cadre_id', choice: true }, { table: 'visits', fk: 'cadre_id' }],
  greenhouse_zones: [{ table: 'greenhouses', fk: 'zone_id' }],
};

/** "1 个结对", "2 次走访": how a count of each register's records is said. */
const MEASURE: Record<string, string> = {
  households: '户帮扶户', units: '个联系单位', cadres: '名联户干部', unit_villages: '条联村关系', pairings: '个结对', visits: '次走访',
  aid_deliveries: '次慰问', land_plots: '块流转土地', greenhouse_zones: '个大棚小区', greenhouses: '条设施农业记录', work_items: '条工作事项',
};

/** Parents before children: the order a set comes back in, so each record finds what it refers to. */
const RANK = ['units', 'cadres', 'households', 'greenhouse_zones', 'unit_villages', 'pairings', 'visits', 'aid_deliveries', 'land_plots', 'greenhouses', 'work_items'];
export const rank = (t: string) => { const i = RANK.indexOf(t); return i < 0 ? RANK.length : i; };

export const counted = (table: string, n: number) => `${n} ${MEASURE[table] ?? '条记录'}`;

export type Dependents = { table: string; label: string; count: number }[];
export type DeletePlanItem = {
  id: number;
  name: string;
  /** What goes with it, per register. */
  with: Dependents;
  /** Why it cannot go without the clerk's say (live cadres of a unit, live pairings of a cadre); null when it can. */
  needsChoice: string | null;
  /** "新上村 武荣强：1 个结对、2 次走访将一并删除" */
  text: string;
};
export type DeletePlan = { items: DeletePlanItem[]; needsChoice: boolean; total: Dependents };

/** The live records hanging on one, all the way down (a unit's cadres, then their pairings and visits), each once. */
function dependents(ctx: Ctx, table: string, id: number, seen = new Set<string>()): { table: string; id: number; choice: boolean }[] {
  const out: { table: string; id: number; choice: boolean }[] = [];
  for (const h of HANGS[table] ?? []) {
    const ids = ctx.ledger.sqlite.prepare(`select id from ${h.table} where ${h.fk} = ? and deleted_at is null order by id`).pluck().all(id) as number[];
    for (const child of ids) {
      const key = `${h.table}:${child}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ table: h.table, id: child, choice: Boolean(h.choice) });
      out.push(...dependents(ctx, h.table, child, seen));
    }
  }
  return out;
}

function tally(rows: { table: string }[]): Dependents {
  const m = new Map<string, number>();
  for (const r of rows) m.set(r.table, (m.get(r.table) ?? 0) + 1);
  return [...m].sort((a, b) => rank(a[0]) - rank(b[0])).map(([table, count]) => ({ table, label: registerEntry(table)?.label ?? table, count }));
}

const list = (d: Dependents) => d.map((x) => counted(x.table, x.count)).join('、');

function currentRow(ctx: Ctx, table: string, id: number): Row | undefined {
  const r = ctx.ledger.sqlite.prepare(`select * from ${table} where id = ?`).get(id) as Row | undefined;
  return r ? auditShape(r) : undefined;
}

/** What deleting these records takes with it, said in Chinese, and which need the clerk's explicit choice. */
export function planDelete(ctx: Ctx, table: string, ids: number[], cascade = false): DeletePlan {
  const names = new Names(ctx);
  const all: { table: string; id: number }[] = [];
  const seen = new Set(ids.map((id) => `${table}:${id}`));
  const items = ids.flatMap((id): DeletePlanItem[] => {
    const row = currentRow(ctx, table, id);
    if (!row || row.deletedAt) return [];
    const deps = dependents(ctx, table, id, seen);
    all.push(...deps);
    const name = describeRecord(table, row, names);
    const direct = deps.filter((d) => d.choice);
    let needsChoice: string | null = null;
    if (direct.length && !cascade) {
      const first = tally(direct)[0];
      const below = tally(deps.filter((d) => d.table !== first.table));
      needsChoice = table === 'units'
        ? `${name}还有 ${counted('cadres', first.count)}${below.length ? `（连同 ${list(below)}）` : ''}，不能单独删除：请先把干部调到其他单位，或选择连同干部一并删除`
        : `${name}还有 ${counted('pairings', first.count)}${below.length ? `、${list(below)}` : ''}，不能单独删除：请先结束或改派这些结对，或选择连同结对一并删除`;
    }
    const w = tally(deps);
    return [{ id, name, with: w, needsChoice, text: needsChoice ?? (w.length ? `${name}：${list(w)}将一并删除` : name) }];
  });
  return { items, needsChoice: items.some((i) => i.needsChoice), total: tally(all) };
}

function softDelete(ctx: Ctx, table: string, id: number, at: string, deletionId: number, source: string): void {
  const db = ctx.ledger.sqlite;
  const before = db.prepare(`select * from ${table} where id = ?`).get(id) as Row;
  const after = db.prepare(`update ${table} set deleted_at = ?, updated_at = ? where id = ? returning *`).get(at, at, id) as Row;
  db.prepare("insert into audit_log (table_name, row_id, action, before, after, source, deletion_id) values (?, ?, 'delete', ?, ?, ?, ?)")
    .run(table, id, JSON.stringify(auditShape(before)), JSON.stringify(auditShape(after)), source, deletionId);
}

/**
 * Deletes one record and everything live that hangs on it as ONE delete action (a `deletions` row
 * their audit rows point to); call inside a transaction. Returns false when it was already deleted.
 */
export function deleteWithDependents(ctx: Ctx, table: string, id: number, opts: { cascade?: boolean; source?: string } = {}): boolean {
  const plan = planDelete(ctx, table, [id], opts.cascade);
  const item = plan.items[0];
  if (!item) return false;
  if (item.needsChoice) throw new LedgerError(item.needsChoice);
  const db = ctx.ledger.sqlite;
  const at = new Date().toISOString();
  const deletionId = Number(db.prepare('insert into deletions (at, table_name, row_id) values (?, ?, ?)').run(at, table, id).lastInsertRowid);
  const source = opts.source ?? 'edit';
  for (const d of dependents(ctx, table, id)) softDelete(ctx, d.table, d.id, at, deletionId, source);
  softDelete(ctx, table, id, at, deletionId, source);
  return true;
}

type Member = { table: string; id: number; deletedAt: string };

/** The records one delete action took, each with the deletion time it left on the record. */
export function deletionMembers(ctx: Ctx, deletionId: number): Member[] {
  const rows = ctx.ledger.sqlite.prepare(
    "select table_name as t, row_id as id, after from audit_log where deletion_id = ? and action = 'delete' and source <> 'purge' order by id",
  ).all(deletionId) as { t: string; id: number; after: string | null }[];
  const out = new Map<string, Member>();
  for (const r of rows) {
    const after = r.after ? (JSON.parse(r.after) as Row) : {};
    out.set(`${r.t}:${r.id}`, { table: r.t, id: r.id, deletedAt: String(after.deletedAt ?? after.deleted_at ?? '') });
  }
  // A delete recorded before deletions existed has only its own record (see the migration's backfill).
  const d = ctx.ledger.sqlite.prepare('select table_name as t, row_id as id, at from deletions where id = ?').get(deletionId) as { t: string; id: number; at: string } | undefined;
  if (d && !out.has(`${d.t}:${d.id}`)) out.set(`${d.t}:${d.id}`, { table: d.t, id: d.id, deletedAt: '' });
  return [...out.values()].sort((a, b) => rank(a.table) - rank(b.table) || a.id - b.id);
}

/** The open delete action whose own record this is (the one the clerk deleted), if any. */
export function openDeletionOf(ctx: Ctx, table: string, id: number): number | undefined {
  return ctx.ledger.sqlite.prepare(
    'select id from deletions where table_name = ? and row_id = ? and restored_at is null and purged_at is null order by id desc limit 1',
  ).pluck().get(table, id) as number | undefined;
}

/**
 * Brings back the set one delete action took, parents first, each checked as an edit would be (a
 * duplicate ID number since entered is refused, naming it). A member deleted again on its own since,
 * or already back, is left as it is. Call inside a transaction.
 */
export function restoreDeletion(ctx: Ctx, deletionId: number, source: string): { restored: number } {
  const db = ctx.ledger.sqlite;
  const d = db.prepare('select id, restored_at as restoredAt, purged_at as purgedAt from deletions where id = ?').get(deletionId) as { restoredAt: string | null; purgedAt: string | null } | undefined;
  if (!d) throw new LedgerError('回收站里没有这一项');
  if (d.purgedAt) throw new LedgerError('这一项已彻底删除，无法恢复');
  if (d.restoredAt) return { restored: 0 };
  let restored = 0;
  for (const m of deletionMembers(ctx, deletionId)) {
    const before = db.prepare(`select * from ${m.table} where id = ?`).get(m.id) as Row | undefined;
    if (!before || !before.deleted_at || (m.deletedAt && before.deleted_at !== m.deletedAt)) continue;
    const entry = registerEntry(m.table);
    if (!entry) continue;
    const shaped = auditShape(before);
    let values: Row;
    try {
      values = entry.restoreValues(ctx, shaped);
    } catch (e) {
      if (!(e instanceof LedgerError)) throw e;
      throw new LedgerError(`无法恢复${entry.label}“${describeRecord(m.table, shaped, new Names(ctx))}”：${e.message}`, e.problems);
    }
    const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    const cols = Object.keys(values).filter((k) => k !== 'id');
    const now = new Date().toISOString();
    const after = db.prepare(`update ${m.table} set ${cols.map((k) => `${snake(k)} = ?`).join(', ')}, deleted_at = null, updated_at = ? where id = ? returning *`)
      .get(...cols.map((k) => (typeof values[k] === 'boolean' ? Number(values[k]) : values[k])), now, m.id) as Row;
    db.prepare("insert into audit_log (table_name, row_id, action, before, after, source, deletion_id) values (?, ?, 'restore', ?, ?, ?, ?)")
      .run(m.table, m.id, JSON.stringify(shaped), JSON.stringify(auditShape(after)), source, deletionId);
    restored++;
  }
  db.prepare("update deletions set restored_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') where id = ?").run(deletionId);
  return { restored };
}
