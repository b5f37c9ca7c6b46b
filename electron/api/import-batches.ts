import { z } from 'zod';
import { method } from './define';

/** 导入记录, read only: what each import brought in and whether it was rolled back. */
export const importBatches = {
  list: method(z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(200) }), (ctx, i) => {
    const db = ctx.ledger.sqlite;
    const total = (db.prepare('select count(*) as n from import_batches').get() as { n: number }).n;
    const rows = (db.prepare(
      `select b.id, b.at, b.unit, b.files, b.summary, b.rolled_back_at as rolledBackAt,
        (select count(*) from audit_log a where a.batch_id = b.id) as writes
      from import_batches b order by b.id desc limit ? offset ?`,
    ).all(i.limit, i.offset) as { id: number; at: string; unit: string | null; files: string; summary: string | null; rolledBackAt: string | null; writes: number }[])
      .map((r) => ({ ...r, files: JSON.parse(r.files) as { name: string; sha256: string }[], summary: r.summary ? (JSON.parse(r.summary) as unknown) : null }));
    return { total, rows };
  }),
};
