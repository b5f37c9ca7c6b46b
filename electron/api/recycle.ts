import { z } from 'zod';
import { auditShape } from '../io/import/writer';
import { counted, deletionMembers, restoreDeletion } from './deletes';
import { LedgerError, method, type Ctx } from './define';
import { describeRecord } from './history/describe';
import { sourceLabel } from './history/entry';
import { Names } from './history/names';
import { registerEntry } from './register-specs';

/** Backups go back 12 months (1 a month): a record deleted longer ago is in none of them, and only then may go for good. */
export const KEEP_MONTHS = 12;

function purgeCutoff(now = new Date()): string {
  const d = new Date(now);
  d.setMonth(d.getMonth() - KEEP_MONTHS);
  return d.toISOString();
}

export type RecycleItem = {
  id: number;
  at: string;
  register: string;
  record: string;
  /** "1 个结对、2 次走访": what went with it. */
  with: string;
  /** 删除（编辑）, 删除（撤销）…: the action that deleted it. */
  by: string;
  members: { register: string; record: string }[];
  purgeable: boolean;
};

const idInput = z.object({ id: z.number().int().positive() });

function shaped(ctx: Ctx, table: string, id: number): Record<string, unknown> {
  const r = ctx.ledger.sqlite.prepare(`select * from ${table} where id = ?`).get(id) as Record<string, unknown> | undefined;
  return r ? auditShape(r) : {};
}

export const recycle = {
  /** 回收站: each delete action still open, newest first, with the records it took. */
  list: method(
    z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(200) }),
    (ctx, { offset, limit }): { total: number; rows: RecycleItem[] } => {
      const db = ctx.ledger.sqlite;
      const open = 'from deletions d where d.restored_at is null and d.purged_at is null';
      const total = db.prepare(`select count(*) ${open}`).pluck().get() as number;
      const cutoff = purgeCutoff();
      const names = new Names(ctx);
      const rows = (db.prepare(`select d.id, d.at, d.table_name as t, d.row_id as rowId,
          (select a.source from audit_log a where a.deletion_id = d.id and a.action = 'delete' order by a.id desc limit 1) as source
        ${open} order by d.id desc limit ? offset ?`).all(limit, offset) as { id: number; at: string; t: string; rowId: number; source: string | null }[])
        .map((d): RecycleItem => {
          const members = deletionMembers(ctx, d.id).filter((m) => !(m.table === d.t && m.id === d.rowId));
          const tally = new Map<string, number>();
          for (const m of members) tally.set(m.table, (tally.get(m.table) ?? 0) + 1);
          return {
            id: d.id,
            at: d.at,
            register: registerEntry(d.t)?.label ?? '其他',
            record: describeRecord(d.t, shaped(ctx, d.t, d.rowId), names),
            with: [...tally].map(([t, n]) => counted(t, n)).join('、'),
            by: `删除（${sourceLabel(d.source ?? 'edit', null, null)}）`,
            members: members.map((m) => ({ register: registerEntry(m.table)?.label ?? '其他', record: describeRecord(m.table, shaped(ctx, m.table, m.id), names) })),
            purgeable: d.at < cutoff,
          };
        });
      return { total, rows };
    },
  ),

  /** 恢复: the record and exactly what was deleted with it, in one transaction. */
  restore: method(idInput, (ctx, { id }) => ctx.ledger.sqlite.transaction(() => restoreDeletion(ctx, id, 'recycle'))()),

  /** 彻底删除: only what no backup holds any more; the rows go, and their history keeps no personal data. */
  purge: method(idInput, (ctx, { id }) => {
    const db = ctx.ledger.sqlite;
    const d = db.prepare('select at, restored_at as restoredAt, purged_at as purgedAt from deletions where id = ?').get(id) as { at: string; restoredAt: string | null; purgedAt: string | null } | undefined;
    if (!d || d.restoredAt || d.purgedAt) throw new LedgerError('回收站里没有这一项（可能已恢复或已彻底删除）');
    if (d.at >= purgeCutoff()) throw new LedgerError(`只有删除已超过 ${KEEP_MONTHS} 个月的记录才能彻底删除：更近的删除仍在备份里，留在回收站可随时恢复`);
    try {
      return db.transaction(() => {
        let purged = 0;
        for (const m of deletionMembers(ctx, id).reverse()) {
          const r = db.prepare(`delete from ${m.table} where id = ? and deleted_at is not null`).run(m.id);
          if (!r.changes) continue;
          purged++;
          db.prepare('update audit_log set before = null, after = null where table_name = ? and row_id = ?').run(m.table, m.id);
          db.prepare("insert into audit_log (table_name, row_id, action, source, deletion_id) values (?, ?, 'delete', 'purge', ?)").run(m.table, m.id, id);
        }
        db.prepare("update deletions set purged_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') where id = ?").run(id);
        return { purged };
      })();
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        throw new LedgerError('其他已删除的记录仍指向这一项（例如单独删除的走访记录），请先在回收站彻底删除它们');
      }
      throw e;
    }
  }),
};
