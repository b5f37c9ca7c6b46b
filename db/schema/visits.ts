import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { id, softDelete, stamps } from './common';
import { households } from './households';
import { cadres } from './units';

const mark = (name: string) => integer(name, { mode: 'boolean' }).notNull().default(false);

/** 入户走访: one visit of a cadre to a household, with the 五个知晓 and 五个关心 ticked. */
export const visits = sqliteTable(
  'visits',
  {
    id: id(),
    date: text('date').notNull(),
    cadreId: integer('cadre_id').notNull().references(() => cadres.id),
    householdId: integer('household_id').notNull().references(() => households.id),
    knowFamily: mark('know_family'),
    knowEconomy: mark('know_economy'),
    knowWishes: mark('know_wishes'),
    knowDifficulties: mark('know_difficulties'),
    knowHealthSchool: mark('know_health_school'),
    careIllness: mark('care_illness'),
    careDropout: mark('care_dropout'),
    careDisaster: mark('care_disaster'),
    careBereavement: mark('care_bereavement'),
    careFestival: mark('care_festival'),
    content: text('content'),
    request: text('request'),
    thingDone: text('thing_done'),
    result: text('result'),
    note: text('note'),
    ...stamps,
    ...softDelete,
  },
  (t) => [
    // A household's first visit is one seek (householdKnownBy).
    index('visits_household').on(t.householdId, t.deletedAt, t.date),
    // A period's visits counted from the index alone, without reading a million rows (the half-year report).
    index('visits_date').on(t.date, t.cadreId, t.householdId, t.deletedAt),
    // A dead cadre's visits of a period are a few seeks, not a check of every visit (liveVisitCount).
    index('visits_cadre').on(t.cadreId, t.deletedAt, t.date),
  ],
);
