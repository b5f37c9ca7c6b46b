import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { id, softDelete, stamps } from './common';
import { households } from './households';
import { units } from './units';

/** 慰问及帮扶物资发放: cash or goods delivered to a household. */
export const aidDeliveries = sqliteTable(
  'aid_deliveries',
  {
    id: id(),
    date: text('date').notNull(),
    unitId: integer('unit_id').notNull().references(() => units.id),
    householdId: integer('household_id').notNull().references(() => households.id),
    item: text('item').notNull(),
    /** 数量 in hundredths, so 1.5 斤 stays exact. */
    quantityCenti: integer('quantity_centi'),
    measure: text('measure'),
    /** 折合金额 in 分. */
    amountFen: integer('amount_fen').notNull(),
    handler: text('handler'),
    note: text('note'),
    ...stamps,
    ...softDelete,
  },
  (t) => [
    // A household's first delivery is one seek (householdKnownBy).
    index('aid_household').on(t.householdId, t.deletedAt, t.date),
    // A period's deliveries summed from the index alone (the half-year report).
    index('aid_date').on(t.date, t.unitId, t.householdId, t.deletedAt, t.item, t.amountFen),
    check('aid_amount', sql`${t.amountFen} >= 0`),
    check('aid_quantity', sql`${t.quantityCenti} is null or ${t.quantityCenti} >= 0`),
  ],
);
