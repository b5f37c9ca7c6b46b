import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id, softDelete, stamps } from './common';
import { villages } from './geo';
import { households } from './households';
import { GREENHOUSE_PROGRESS, GREENHOUSE_TYPES } from '../../electron/values/vocabulary';

/** 钢架大棚小区: a zone of greenhouses. */
export const greenhouseZones = sqliteTable(
  'greenhouse_zones',
  {
    id: id(),
    name: text('name').notNull(),
    villageId: integer('village_id').notNull().references(() => villages.id),
    note: text('note'),
    ...stamps,
    ...softDelete,
  },
  (t) => [uniqueIndex('greenhouse_zones_name').on(t.name).where(sql`deleted_at is null`)],
);

/** A household's greenhouses in a zone. */
export const greenhouses = sqliteTable(
  'greenhouses',
  {
    id: id(),
    zoneId: integer('zone_id').notNull().references(() => greenhouseZones.id),
    householdId: integer('household_id').notNull().references(() => households.id),
    type: text('type', { enum: GREENHOUSE_TYPES }).notNull(),
    count: integer('count').notNull(),
    areaCentimu: integer('area_centimu').notNull(),
    builtOn: text('built_on'),
    subsidyFen: integer('subsidy_fen'),
    crop: text('crop'),
    progress: text('progress', { enum: GREENHOUSE_PROGRESS }),
    note: text('note'),
    ...stamps,
    ...softDelete,
  },
  (t) => [
    index('greenhouses_zone').on(t.zoneId),
    // By household, live first and oldest first: a household's first greenhouse is one seek (householdKnownBy).
    index('greenhouses_household').on(t.householdId, t.deletedAt, t.builtOn),
    check('greenhouses_count', sql`${t.count} >= 0`),
    check('greenhouses_area', sql`${t.areaCentimu} >= 0`),
    check('greenhouses_subsidy', sql`${t.subsidyFen} is null or ${t.subsidyFen} >= 0`),
  ],
);
