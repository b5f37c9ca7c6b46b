import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id, stamps } from './common';

export const villages = sqliteTable(
  'villages',
  {
    id: id(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    sort: integer('sort').notNull().default(0),
    /** 撤销: a village merged away or renamed out of use keeps its records but takes no new ones. */
    retiredAt: text('retired_at'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('villages_code').on(t.code),
    uniqueIndex('villages_name').on(t.name),
    check('villages_code_12', sql`length(${t.code}) = 12`),
  ],
);

export const villageGroups = sqliteTable(
  'village_groups',
  {
    id: id(),
    villageId: integer('village_id').notNull().references(() => villages.id),
    name: text('name').notNull(),
    sort: integer('sort').notNull().default(0),
    retiredAt: text('retired_at'),
    ...stamps,
  },
  (t) => [uniqueIndex('village_groups_name').on(t.villageId, t.name)],
);
