import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id, softDelete, stamps } from './common';
import { villages } from './geo';

/** 联系单位: a district organ (`district`) or the township's own organs (`township`). */
export const units = sqliteTable(
  'units',
  {
    id: id(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['district', 'township'] }).notNull().default('district'),
    note: text('note'),
    ...stamps,
    ...softDelete,
  },
  (t) => [
    uniqueIndex('units_name').on(t.name).where(sql`deleted_at is null`),
    check('units_kind', sql`${t.kind} in ('district','township')`),
  ],
);

/** 联村: a unit linked to a village, dated because links change over time. */
export const unitVillages = sqliteTable(
  'unit_villages',
  {
    id: id(),
    unitId: integer('unit_id').notNull().references(() => units.id),
    villageId: integer('village_id').notNull().references(() => villages.id),
    since: text('since').notNull(),
    until: text('until'),
    note: text('note'),
    ...stamps,
    ...softDelete,
  },
  (t) => [
    index('unit_villages_unit').on(t.unitId),
    check('unit_villages_dates', sql`${t.until} is null or ${t.until} >= ${t.since}`),
  ],
);

/** 联户干部. */
export const cadres = sqliteTable(
  'cadres',
  {
    id: id(),
    unitId: integer('unit_id').notNull().references(() => units.id),
    name: text('name').notNull(),
    sex: text('sex', { enum: ['男', '女'] }),
    title: text('title'),
    rank: text('rank', { enum: ['leader', 'general'] }).notNull().default('general'),
    phone: text('phone'),
    note: text('note'),
    ...stamps,
    ...softDelete,
  },
  (t) => [
    uniqueIndex('cadres_unit_name').on(t.unitId, t.name).where(sql`deleted_at is null`),
    check('cadres_rank', sql`${t.rank} in ('leader','general')`),
  ],
);
