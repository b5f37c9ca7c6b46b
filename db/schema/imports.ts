import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id, nowSql, stamps } from './common';
import { importBatches } from './system';

/**
 * What the clerk taught the importer in a preview, per unit: which header means which column
 * (`what` = 'column', `sheet` its kind, `word` the normalised header, `value` the column key or null
 * to ignore it), and what an unlisted word stands for (`what` = 'value', `field` the column key,
 * `word` the text as written, `value` the listed word). Written inside the batch, so 撤销 removes it.
 */
export const importLearned = sqliteTable(
  'import_learned',
  {
    id: id(),
    unit: text('unit').notNull(),
    what: text('what', { enum: ['column', 'value', 'roster'] }).notNull(),
    sheet: text('sheet').notNull().default(''),
    field: text('field').notNull().default(''),
    word: text('word').notNull(),
    value: text('value'),
    ...stamps,
  },
  (t) => [uniqueIndex('import_learned_word').on(t.unit, t.what, t.sheet, t.field, t.word)],
);

/** A row an import refused, kept with its batch so the clerk can send it back to its unit (退回清单). */
export const importRejects = sqliteTable(
  'import_rejects',
  {
    id: id(),
    batchId: integer('batch_id').notNull().references(() => importBatches.id),
    file: text('file').notNull(),
    sheet: text('sheet'),
    kind: text('kind'),
    unit: text('unit'),
    row: integer('row'),
    column: text('column'),
    reason: text('reason').notNull(),
    /** The row as the unit wrote it: each cell's header, the column it maps to, and its text. */
    cells: text('cells', { mode: 'json' }).notNull().$type<{ header: string; key: string | null; text: string | null }[]>(),
    at: text('at').notNull().default(nowSql),
  },
  (t) => [index('import_rejects_batch').on(t.batchId)],
);
