import { eq } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { auditLog } from '../../db/schema';
import type { Ctx } from './define';

type Row = Record<string, unknown>;
// drizzle's builders are generic over each table; the register code is generic over all of them.
type AnyTable = SQLiteTable & { id: any };

export type WriteOptions = { batchId?: number | null; source?: string };

function tableName(t: AnyTable): string {
  return getTableConfig(t).name;
}

export function selectRow(ctx: Ctx, table: AnyTable, id: number): Row | undefined {
  return ctx.db.select().from(table as any).where(eq(table.id, id)).get() as Row | undefined;
}

/** Inserts a row and its audit entry; call inside a transaction. */
export function insertAudited(ctx: Ctx, table: AnyTable, values: Row, opts: WriteOptions = {}): Row {
  const row = ctx.db.insert(table as any).values(values).returning().get() as Row;
  ctx.db.insert(auditLog).values({
    tableName: tableName(table), rowId: row.id as number, action: 'create', before: null, after: row,
    batchId: opts.batchId ?? null, source: opts.source ?? 'app',
  }).run();
  return row;
}

/** Updates the columns that really change; writes nothing (and no audit) when none does. */
export function updateAudited(ctx: Ctx, table: AnyTable, before: Row, values: Row, opts: WriteOptions = {}): { row: Row; changed: string[] } {
  const changed = Object.keys(values).filter((k) => !sameValue(before[k], values[k]));
  if (changed.length === 0) return { row: before, changed };
  const patch: Row = Object.fromEntries(changed.map((k) => [k, values[k]]));
  if ('updatedAt' in before) patch.updatedAt = new Date().toISOString();
  const row = ctx.db.update(table as any).set(patch).where(eq(table.id, before.id as number)).returning().get() as Row;
  ctx.db.insert(auditLog).values({
    tableName: tableName(table), rowId: row.id as number,
    action: 'deletedAt' in values ? (values.deletedAt ? 'delete' : 'restore') : 'update',
    before, after: row, batchId: opts.batchId ?? null, source: opts.source ?? 'app',
  }).run();
  return { row, changed };
}

export function sameValue(a: unknown, b: unknown): boolean {
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (typeof a === 'boolean' || typeof b === 'boolean') return Boolean(a) === Boolean(b);
  return a === b;
}
