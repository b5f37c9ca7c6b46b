import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { id, softDelete, stamps } from './common';
import { villages } from './geo';
import { units } from './units';
import { WORK_CATEGORIES } from '../../electron/values/vocabulary';

/** 双联工作事项: what the half-year report counts (booklets, plans, disputes …). */
export const workItems = sqliteTable(
  'work_items',
  {
    id: id(),
    date: text('date').notNull(),
    unitId: integer('unit_id').notNull().references(() => units.id),
    /** Null: township-wide. */
    villageId: integer('village_id').references(() => villages.id),
    category: text('category', { enum: WORK_CATEGORIES }).notNull(),
    content: text('content'),
    quantityCenti: integer('quantity_centi'),
    measure: text('measure'),
    amountFen: integer('amount_fen'),
    result: text('result'),
    note: text('note'),
    ...stamps,
    ...softDelete,
  },
  (t) => [
    index('work_items_date').on(t.date),
    check('work_quantity', sql`${t.quantityCenti} is null or ${t.quantityCenti} >= 0`),
    check('work_amount', sql`${t.amountFen} is null or ${t.amountFen} >= 0`),
  ],
);
