import type Database from 'better-sqlite3';
import { sameValue } from '../../api/write';
import { auditShape } from './writer';

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const TABLE_NAMES: Record<string, string> = {
  households: '帮扶户', cadres: '联户干部', units: '联系单位', pairings: '结对关系', visits: '走访记录', aid_deliveries: '慰问发放',
  land_plots: '流转地块', greenhouses: '大棚', greenhouse_zones: '大棚小区', work_items: '工作事项',
  unit_villages: '联村关系', import_learned: '导入时记住的列和值',
};
export const tableLabel = (t: string) => TABLE_NAMES[t] ?? t;

type Audit = { id: number; table_name: string; row_id: number; action: string; before: string | null; after: string | null };
export type RollbackPlan = {
  batch: number;
  at: string;
  files: string[];
  /** Per register: rows the batch added (to be removed) and rows it changed (to be put back). */
  remove: { table: string; label: string; count: number }[];
  restore: { table: string; label: string; count: number }[];
  /** Why the rollback cannot go ahead; empty when it can. */
  blockers: string[];
};

class Probe extends Error {}

function entries(db: Database.Database, batch: number): Audit[] {
  return db.prepare('select id, table_name, row_id, action, before, after from audit_log where batch_id = ? order by id desc').all(batch) as Audit[];
}

/**
 * Rows whose contents are no longer what the batch left them as (edited by hand or by a later import
 * still in force): a rollback would clobber those edits. A later import that was itself rolled back
 * left the row as this batch wrote it, so it does not stand in the way.
 */
function laterEdits(db: Database.Database, batch: number, audits: Audit[]): string[] {
  const last = new Map<string, Audit>();
  for (const a of audits) { const k = `${a.table_name}:${a.row_id}`; if ((last.get(k)?.id ?? 0) < a.id) last.set(k, a); }
  const who = db.prepare(`select a.at, a.batch_id as batchId from audit_log a
    where a.table_name = ? and a.row_id = ? and a.id > ? and (a.batch_id is null or a.batch_id <> ?) order by a.id desc limit 1`);
  const out: string[] = [];
  let n = 0;
  for (const [k, a] of last) {
    const [table, rowId] = k.split(':');
    const current = db.prepare(`select * from ${table} where id = ?`).get(Number(rowId)) as Record<string, unknown> | undefined;
    const left = a.after ? (JSON.parse(a.after) as Record<string, unknown>) : null;
    if (!current || !left) continue;
    const now = auditShape(current);
    if (Object.keys(left).every((c) => c === 'updatedAt' || c === 'createdAt' || sameValue(left[c], now[c]))) continue;
    const hit = who.get(table, Number(rowId), a.id, batch) as { at: string; batchId: number | null } | undefined;
    if (++n <= 5) out.push(`${tableLabel(table)}（编号 ${rowId}）在本批导入后又被${hit?.batchId ? `第 ${hit.batchId} 批导入` : '手工'}修改过${hit ? `（${hit.at.slice(0, 16).replace('T', ' ')}）` : ''}`);
  }
  if (n > 5) out.push(`……共 ${n} 条记录在导入后被修改过`);
  return out;
}

function undo(db: Database.Database, audits: Audit[]): void {
  const log = db.prepare("insert into audit_log (table_name, row_id, action, before, after, source) values (?, ?, ?, ?, ?, 'rollback')");
  for (const a of audits) {
    const current = db.prepare(`select * from ${a.table_name} where id = ?`).get(a.row_id) as Record<string, unknown> | undefined;
    if (!current) continue;
    if (a.action === 'create') {
      db.prepare(`delete from ${a.table_name} where id = ?`).run(a.row_id);
      log.run(a.table_name, a.row_id, 'delete', JSON.stringify(auditShape(current)), null);
    } else if (a.before) {
      const before = JSON.parse(a.before) as Record<string, unknown>;
      const cols = Object.keys(before).filter((k) => k !== 'id').map((k) => [snake(k), before[k]] as const).filter(([c]) => c in current);
      db.prepare(`update ${a.table_name} set ${cols.map(([c]) => `${c} = ?`).join(', ')} where id = ?`)
        .run(...cols.map(([, v]) => (typeof v === 'boolean' ? Number(v) : v)), a.row_id);
      const after = db.prepare(`select * from ${a.table_name} where id = ?`).get(a.row_id) as Record<string, unknown>;
      log.run(a.table_name, a.row_id, 'update', JSON.stringify(auditShape(current)), JSON.stringify(auditShape(after)));
    }
  }
}

/** Distinct rows per register: those the batch created, or those it only changed. */
function count(audits: Audit[], action: 'create' | 'update') {
  const created = new Set(audits.filter((a) => a.action === 'create').map((a) => `${a.table_name}:${a.row_id}`));
  const rows = new Set(audits.filter((a) => a.action === action && (action === 'create' || !created.has(`${a.table_name}:${a.row_id}`)))
    .map((a) => `${a.table_name}:${a.row_id}`));
  const m = new Map<string, number>();
  for (const k of rows) { const t = k.split(':')[0]; m.set(t, (m.get(t) ?? 0) + 1); }
  return [...m].map(([table, n]) => ({ table, label: tableLabel(table), count: n }));
}

/** What rolling a batch back would do, and what stands in its way — for the confirmation the clerk reads. */
export function planRollback(db: Database.Database, batch: number): RollbackPlan {
  const b = db.prepare('select id, at, files, rolled_back_at from import_batches where id = ?').get(batch) as { id: number; at: string; files: string; rolled_back_at: string | null } | undefined;
  if (!b) throw new Error(`没有第 ${batch} 批导入`);
  const audits = entries(db, batch);
  const blockers: string[] = [];
  if (b.rolled_back_at) blockers.push(`这批导入已在 ${b.rolled_back_at.slice(0, 16).replace('T', ' ')} 撤销过`);
  else {
    blockers.push(...laterEdits(db, batch, audits));
    if (blockers.length === 0) {
      // Rows added later may refer to what this batch added (a visit to a household it created): try it, then undo.
      try {
        db.transaction(() => { undo(db, audits); throw new Probe(); })();
      } catch (e) {
        // Only a foreign key that still points at a row the batch added stands in the way; anything else is a real error.
        if (e instanceof Probe) { /* the rollback would go through */ }
        else if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') blockers.push('导入后又有其他记录（例如后来录入的走访或发放）用到了这批新增的户、干部或单位，撤销会使它们失去依据');
        else throw e;
      }
    }
  }
  return {
    batch: b.id, at: b.at, files: (JSON.parse(b.files) as { name: string }[]).map((f) => f.name),
    remove: count(audits, 'create'), restore: count(audits, 'update'),
    blockers,
  };
}

/** Takes a batch back: removes what it added, puts back what it changed; refused when later edits would be lost. */
export function rollbackBatch(db: Database.Database, batch: number): { removed: number; restored: number } {
  return db.transaction(() => {
    const plan = planRollback(db, batch);
    if (plan.blockers.length) throw new RollbackRefused(`无法撤销第 ${batch} 批导入：${plan.blockers.join('；')}。请先撤销之后的导入或改回这些修改`);
    undo(db, entries(db, batch));
    db.prepare("update import_batches set rolled_back_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') where id = ?").run(batch);
    const sum = (xs: { count: number }[]) => xs.reduce((s, x) => s + x.count, 0);
    return { removed: sum(plan.remove), restored: sum(plan.restore) };
  }).immediate();
}

export class RollbackRefused extends Error {}
