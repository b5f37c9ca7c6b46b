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
  /** `import`: units' spreadsheets; `demo`: 载入演示数据, made-up people that 撤销 removes. */
  kind: text('kind', { enum: ['import', 'demo'] }).notNull().default('import'),
});

/**
 * One delete as the clerk made it: a record and what hung on it (a household's pairings, visits …),
 * soft-deleted together. Their audit rows carry its id, so 回收站 restores exactly that set.
 */
export const deletions = sqliteTable('deletions', {
  id: id(),
  at: text('at').notNull().default(nowSql),
  /** The record the clerk deleted. */
  tableName: text('table_name').notNull(),
  rowId: integer('row_id').notNull(),
  restoredAt: text('restored_at'),
  purgedAt: text('purged_at'),
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
    /** The delete (or its restore) this row belongs to: see `deletions`. */
    deletionId: integer('deletion_id'),
  },
  (t) => [index('audit_row').on(t.tableName, t.rowId), index('audit_batch').on(t.batchId), index('audit_deletion').on(t.deletionId)],
);

/** Key–value settings: township, the names printed on exports, ID masking. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).$type<unknown>(),
});
