import { sql } from 'drizzle-orm';
import { integer, text } from 'drizzle-orm/sqlite-core';

/** ISO-8601 UTC with milliseconds, set by SQLite so every writer agrees on the clock format. */
export const nowSql = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const id = () => integer('id').primaryKey({ autoIncrement: true });

/** Columns every ledger row carries: stable id, created/updated times. */
export const stamps = {
  createdAt: text('created_at').notNull().default(nowSql),
  updatedAt: text('updated_at').notNull().default(nowSql),
};

/** Soft delete: registers the half-year report counts keep their history. */
export const softDelete = {
  deletedAt: text('deleted_at'),
};
