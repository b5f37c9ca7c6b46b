import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { id, nowSql } from './common';

/** One import: its files (name, SHA-256), counts, and whether it was rolled back. */
export const importBatches = sqliteTable('import_batches', {
  id: id(),
  at: text('at').notNull().default(nowSql),
  unit: text('unit'),
  files: text('files', { mode: 'json' }).notNull().$type<{ name: string; sha256: string }[]>(),
  summary: text('summary', { mode: 'json' }).$type<unknown>(),
  rolledBackAt: text('rolled_back_at'),
});

/** Every write, with the row before and after; an import's rows carry its batch for rollback. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: id(),
    at: text('at').notNull().default(nowSql),
    tableName: text('table_name').notNull(),
    rowId: integer('row_id').notNull(),
    action: text('action', { enum: ['create', 'update', 'delete', 'restore'] }).notNull(),
    before: text('before', { mode: 'json' }).$type<Record<string, unknown> | null>(),
    after: text('after', { mode: 'json' }).$type<Record<string, unknown> | null>(),
    batchId: integer('batch_id').references(() => importBatches.id),
    source: text('source').notNull().default('app'),
  },
  (t) => [index('audit_row').on(t.tableName, t.rowId), index('audit_batch').on(t.batchId)],
);

/** Key–value settings: township, the names printed on exports, ID masking. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).$type<unknown>(),
});
