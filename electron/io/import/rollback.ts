import type Database from 'better-sqlite3';
import { sameValue } from '../../api/write';
import { checkCancelled, type ProgressEvent } from '../../api/define';
import { breathe, bulkSettings, CHUNK } from './chunks';
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

function entries(db: Database.Database, batch: number): Audit[] {
  return db.prepare('select id, table_name, row_id, action, before, after from audit_log where batch_id = ? order by id desc').all(batch) as Audit[];
}

/** Ids per register, in the order first met. */
function byTable(keys: Iterable<[table: string, id: number]>): Map<string, number[]> {
  const m = new Map<string, number[]>();
  for (const [t, id] of keys) { let ids = m.get(t); if (!ids) m.set(t, (ids = [])); ids.push(id); }
  return m;
}

/** A register's rows by id, fetched in one statement per register (json_each carries the ids). */
function currentRows(db: Database.Database, table: string, ids: number[]): Map<number, Record<string, unknown>> {
  const out = new Map<number, Record<string, unknown>>();
  for (const r of db.prepare(`select * from ${table} where id in (select value from json_each(?))`).iterate(JSON.stringify(ids)) as Iterable<Record<string, unknown>>) {
    out.set(r.id as number, r);
  }
  return out;
}

/**
 * Rows whose contents are no longer what the batch left them as (edited by hand or by a later import
 * still in force): a rollback would clobber those edits. A later import that was itself rolled back
 * left the row as this batch wrote it, so it does not stand in the way.
 */
function laterEdits(db: Database.Database, batch: number, audits: Audit[]): string[] {
  const last = new Map<string, Audit>();
  for (const a of audits) { const k = `${a.table_name}:${a.row_id}`; if ((last.get(k)?.id ?? 0) < a.id) last.set(k, a); }
  const current = new Map<string, Map<number, Record<string, unknown>>>();
  for (const [table, ids] of byTable([...last.values()].map((a) => [a.table_name, a.row_id]))) current.set(table, currentRows(db, table, ids));
  const who = db.prepare(`select a.at, a.batch_id as batchId from audit_log a
    where a.table_name = ? and a.row_id = ? and a.id > ? and (a.batch_id is null or a.batch_id <> ?) order by a.id desc limit 1`);
  const out: string[] = [];
  let n = 0;
  for (const a of last.values()) {
    const row = current.get(a.table_name)?.get(a.row_id);
    const left = a.after ? (JSON.parse(a.after) as Record<string, unknown>) : null;
    if (!row || !left) continue;
    const now = auditShape(row);
    if (Object.keys(left).every((c) => c === 'updatedAt' || c === 'createdAt' || sameValue(left[c], now[c]))) continue;
    if (++n > 5) continue;
    const hit = who.get(a.table_name, a.row_id, a.id, batch) as { at: string; batchId: number | null } | undefined;
    out.push(`${tableLabel(a.table_name)}（编号 ${a.row_id}）在本批导入后又被${hit?.batchId ? `第 ${hit.batchId} 批导入` : '手工'}修改过${hit ? `（${hit.at.slice(0, 16).replace('T', ' ')}）` : ''}`);
  }
  if (n > 5) out.push(`……共 ${n} 条记录在导入后被修改过`);
  return out;
}

/** Which registers refer to which, from the ledger's own foreign keys: parent table → (child table, column). */
function referrers(db: Database.Database): Map<string, { table: string; column: string }[]> {
  const m = new Map<string, { table: string; column: string }[]>();
  const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").pluck().all() as string[];
  for (const table of tables) {
    for (const fk of db.pragma(`foreign_key_list(${JSON.stringify(table)})`) as { table: string; from: string }[]) {
      let list = m.get(fk.table);
      if (!list) m.set(fk.table, (list = []));
      list.push({ table, column: fk.from });
    }
  }
  return m;
}

/**
 * Rows outside the batch that refer to rows the batch added (a visit entered later for a household it
 * created): deleting those would break the reference. Counted per reference with one statement each,
 * instead of trying the undo.
 */
function laterReferences(db: Database.Database, audits: Audit[]): number {
  const created = byTable(new Map(audits.filter((a) => a.action === 'create').map((a) => [`${a.table_name}:${a.row_id}`, [a.table_name, a.row_id] as [string, number]])).values());
  const refs = referrers(db);
  let n = 0;
  for (const [parent, ids] of created) {
    for (const { table, column } of refs.get(parent) ?? []) {
      const own = created.get(table) ?? [];
      n += (db.prepare(`select count(*) as n from ${table} where ${column} in (select value from json_each(?))
        and rowid not in (select value from json_each(?))`).get(JSON.stringify(ids), JSON.stringify(own)) as { n: number }).n;
    }
  }
  return n;
}

/** Puts back what the audits recorded, newest first; `tick` runs after each row (progress, cancel). */
async function undo(db: Database.Database, audits: Audit[], tick: () => Promise<void>): Promise<void> {
  const log = db.prepare("insert into audit_log (table_name, row_id, action, before, after, source) values (?, ?, ?, ?, ?, 'rollback')");
  const stmts = new Map<string, Database.Statement>();
  const prep = (sql: string) => { let s = stmts.get(sql); if (!s) stmts.set(sql, (s = db.prepare(sql))); return s; };
  for (const a of audits) {
    const current = prep(`select * from ${a.table_name} where id = ?`).get(a.row_id) as Record<string, unknown> | undefined;
    if (current && a.action === 'create') {
      prep(`delete from ${a.table_name} where id = ?`).run(a.row_id);
      log.run(a.table_name, a.row_id, 'delete', JSON.stringify(auditShape(current)), null);
    } else if (current && a.before) {
      const before = JSON.parse(a.before) as Record<string, unknown>;
      const cols = Object.keys(before).filter((k) => k !== 'id').map((k) => [snake(k), before[k]] as const).filter(([c]) => c in current);
      prep(`update ${a.table_name} set ${cols.map(([c]) => `${c} = ?`).join(', ')} where id = ?`)
        .run(...cols.map(([, v]) => (typeof v === 'boolean' ? Number(v) : v)), a.row_id);
      const after = prep(`select * from ${a.table_name} where id = ?`).get(a.row_id) as Record<string, unknown>;
      log.run(a.table_name, a.row_id, 'update', JSON.stringify(auditShape(current)), JSON.stringify(auditShape(after)));
    }
    await tick();
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

function plan(db: Database.Database, batch: number, audits: Audit[]): RollbackPlan {
  const b = db.prepare('select id, at, files, rolled_back_at from import_batches where id = ?').get(batch) as { id: number; at: string; files: string; rolled_back_at: string | null } | undefined;
  if (!b) throw new Error(`没有第 ${batch} 批导入`);
  const blockers: string[] = [];
  if (b.rolled_back_at) blockers.push(`这批导入已在 ${b.rolled_back_at.slice(0, 16).replace('T', ' ')} 撤销过`);
  else {
    blockers.push(...laterEdits(db, batch, audits));
    if (blockers.length === 0 && laterReferences(db, audits) > 0) {
      blockers.push('导入后又有其他记录（例如后来录入的走访或发放）用到了这批新增的户、干部或单位，撤销会使它们失去依据');
    }
  }
  return {
    batch: b.id, at: b.at, files: (JSON.parse(b.files) as { name: string }[]).map((f) => f.name),
    remove: count(audits, 'create'), restore: count(audits, 'update'),
    blockers,
  };
}

/** What rolling a batch back would do, and what stands in its way — for the confirmation the clerk reads. */
export function planRollback(db: Database.Database, batch: number): RollbackPlan {
  return plan(db, batch, entries(db, batch));
}

export type RollbackOptions = {
  progress?: (e: ProgressEvent) => void;
  /** Aborted when the person presses 取消: checked every CHUNK rows; the batch stays as it was. */
  signal?: AbortSignal;
};

/**
 * Takes a batch back: removes what it added, puts back what it changed; refused when later edits would
 * be lost. One transaction, opened by hand so that the event loop turns every CHUNK rows.
 */
export async function rollbackBatch(db: Database.Database, batch: number, opts: RollbackOptions = {}): Promise<{ removed: number; restored: number }> {
  return bulkSettings(db, () => undoBatch(db, batch, opts));
}

async function undoBatch(db: Database.Database, batch: number, opts: RollbackOptions): Promise<{ removed: number; restored: number }> {
  if (db.inTransaction) throw new Error('另一项导入或撤销正在进行，请等它完成后再试');
  db.exec('BEGIN IMMEDIATE');
  try {
    opts.progress?.({ task: 'rollback', step: '核对', done: 0, total: 0, message: `正在核对第 ${batch} 批导入之后的修改` });
    const audits = entries(db, batch);
    const p = plan(db, batch, audits);
    await breathe(opts.signal);
    if (p.blockers.length) throw new RollbackRefused(`无法撤销第 ${batch} 批导入：${p.blockers.join('；')}。请先撤销之后的导入或改回这些修改`);
    const total = audits.length;
    let done = 0;
    opts.progress?.({ task: 'rollback', step: '撤销', done, total, message: `正在撤销第 ${batch} 批导入` });
    await undo(db, audits, async () => {
      if (++done % CHUNK !== 0) return;
      opts.progress?.({ task: 'rollback', step: '撤销', done, total, message: `正在撤销第 ${done.toLocaleString('en-US')} 条，共 ${total.toLocaleString('en-US')} 条` });
      await breathe(opts.signal);
    });
    db.prepare("update import_batches set rolled_back_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') where id = ?").run(batch);
    checkCancelled(opts);
    db.exec('COMMIT');
    opts.progress?.({ task: 'rollback', step: '撤销', done: total, total, message: '完成' });
    const sum = (xs: { count: number }[]) => xs.reduce((s, x) => s + x.count, 0);
    return { removed: sum(p.remove), restored: sum(p.restore) };
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
  }
}

export class RollbackRefused extends Error {}
