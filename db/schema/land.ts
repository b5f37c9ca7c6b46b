import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id, softDelete, stamps } from './common';
import { households } from './households';
import { LAND_MODES, TRANSFEREE_KINDS } from '../../electron/values/vocabulary';

/** 土地流转: one plot moved from a household (转出方) to another party. */
export const landPlots = sqliteTable(
  'land_plots',
  {
    id: id(),
    householdId: integer('household_id').notNull().references(() => households.id),
    plotName: text('plot_name'),
    east: text('east'),
    south: text('south'),
    west: text('west'),
    north: text('north'),
    /** 流转面积 in hundredths of a 亩. */
    areaCentimu: integer('area_centimu').notNull(),
    mode: text('mode', { enum: LAND_MODES }).notNull(),
    transferee: text('transferee'),
    transfereeKind: text('transferee_kind', { enum: TRANSFEREE_KINDS }),
    start: text('start').notNull(),
    end: text('end'),
    /** 流转价格 in 分 per 亩 per year. */
    priceFen: integer('price_fen'),
    contractNo: text('contract_no'),
    contractDate: text('contract_date'),
    use: text('use'),
    demoSite: text('demo_site'),
    note: text('note'),
    ...stamps,
    ...softDelete,
  },
  (t) => [
    uniqueIndex('land_contract_no').on(t.contractNo).where(sql`contract_no is not null and deleted_at is null`),
    // By household, live first and oldest first: a household's first plot is one seek (householdKnownBy).
    index('land_household').on(t.householdId, t.deletedAt, t.start),
    check('land_area', sql`${t.areaCentimu} >= 0`),
    check('land_price', sql`${t.priceFen} is null or ${t.priceFen} >= 0`),
    check('land_dates', sql`${t.end} is null or ${t.end} >= ${t.start}`),
  ],
);
