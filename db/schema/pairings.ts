import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { id, softDelete, stamps } from './common';
import { households } from './households';
import { cadres } from './units';

/** 联户 / 结对: a cadre paired with a household between two dates. */
export const pairings = sqliteTable(
  'pairings',
  {
    id: id(),
    cadreId: integer('cadre_id').notNull().references(() => cadres.id),
    householdId: integer('household_id').notNull().references(() => households.id),
    since: text('since').notNull(),
    until: text('until'),
    note: text('note'),
    ...stamps,
    ...softDelete,
  },
  (t) => [
    index('pairings_cadre').on(t.cadreId),
    // By household, live first and oldest first: a household's first pairing is one seek (householdKnownBy).
    index('pairings_household').on(t.householdId, t.deletedAt, t.since),
    check('pairings_dates', sql`${t.until} is null or ${t.until} >= ${t.since}`),
  ],
);
