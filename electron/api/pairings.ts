import { z } from 'zod';
import { pairings as table } from '../../db/schema';
import { zEventDate, zOptionalDate, zRef, zText } from '../values/zod';
import { spanTouches } from '../rules/in-force';
import { registerMethods } from './crud';
import { LedgerError } from './define';
import { checkRange, requireCadre, requireHousehold } from './refs';

export const pairings = registerMethods({
  label: '结对关系',
  table,
  fields: z.object({
    cadreId: zRef(),
    householdId: zRef(),
    since: zEventDate(),
    until: zOptionalDate(),
    note: zText(),
  }),
  labels: { cadreId: '联户干部', householdId: '联系户', since: '结对日期', until: '结束日期', note: '备注' },
  view: `select p.id, p.cadre_id as cadreId, c.name as cadreName, c.rank as cadreRank, u.id as unitId, u.name as unitName,
      p.household_id as householdId, h.head as householdHead, h.id_number as idNumber, h.category,
      v.id as villageId, v.name as villageName, g.name as groupName, p.since, p.until, p.note,
      p.created_at as createdAt, p.updated_at as updatedAt, p.deleted_at as deletedAt
    from pairings p join cadres c on c.id = p.cadre_id join units u on u.id = c.unit_id
      join households h on h.id = p.household_id join villages v on v.id = h.village_id
      left join village_groups g on g.id = h.group_id`,
  searchColumns: ['cadreName', 'unitName', 'householdHead', 'idNumber', 'villageName'],
  defaultSort: 'unitName, cadreName, since',
  prepare: (ctx, v, before) => {
    requireCadre(ctx, v.cadreId);
    requireHousehold(ctx, v.householdId);
    checkRange(v.since, v.until);
    // Two pairings of the same cadre and household may not be in force on the same day.
    const touches = spanTouches('since', 'until', { from: v.since, to: v.until ?? '9999-12-31' });
    const overlap = ctx.ledger.sqlite.prepare(
      `select since from pairings where cadre_id = ? and household_id = ? and deleted_at is null and id <> ? and ${touches.sql}`,
    ).get(v.cadreId, v.householdId, before?.id ?? 0, ...touches.params) as { since: string } | undefined;
    if (overlap) throw new LedgerError(`这位干部与这一户自 ${overlap.since} 起已结对，时间重叠`, [{ field: 'since', message: '与已有结对时间重叠' }]);
    return v;
  },
});
