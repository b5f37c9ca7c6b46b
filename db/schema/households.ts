import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id, softDelete, stamps } from './common';
import { villageGroups, villages } from './geo';

/** 帮扶户 (and the ordinary households other sheets name), named by the head. */
export const households = sqliteTable(
  'households',
  {
    id: id(),
    villageId: integer('village_id').notNull().references(() => villages.id),
    groupId: integer('group_id').references(() => villageGroups.id),
    head: text('head').notNull(),
    /** Normalised 18-character 居民身份证号 (X upper-case), or null when not known. */
    idNumber: text('id_number'),
    sex: text('sex', { enum: ['男', '女'] }),
    nation: text('nation'),
    size: integer('size'),
    labour: integer('labour'),
    category: text('category', { enum: ['poor', 'special', 'ordinary'] }).notNull().default('ordinary'),
    povertyAttr: text('poverty_attr'),
    povertyCause: text('poverty_cause'),
    /** 年人均纯收入 in 分. */
    incomeFen: integer('income_fen'),
    phone: text('phone'),
    note: text('note'),
    ...stamps,
    ...softDelete,
  },
  (t) => [
    uniqueIndex('households_id_number').on(t.idNumber).where(sql`id_number is not null and deleted_at is null`),
    index('households_village_head').on(t.villageId, t.head),
    // The few deleted households, listed without reading the table (the live rules' dead lists).
    index('households_deleted').on(t.id).where(sql`deleted_at is not null`),
    check('households_category', sql`${t.category} in ('poor','special','ordinary')`),
    check('households_id_len', sql`${t.idNumber} is null or length(${t.idNumber}) = 18`),
    check('households_size', sql`${t.size} is null or ${t.size} >= 0`),
    check('households_labour', sql`${t.labour} is null or ${t.labour} >= 0`),
    check('households_income', sql`${t.incomeFen} is null or ${t.incomeFen} >= 0`),
  ],
);
