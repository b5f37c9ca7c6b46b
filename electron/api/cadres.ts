import { z } from 'zod';
import { cadres as table } from '../../db/schema';
import { zEnum, zOptionalEnum, zRef, zRequiredText, zText } from '../values/zod';
import { liveCadre, liveHousehold, spanInForceToday } from '../rules/in-force';
import { registerMethods } from './crud';
import { refuseDuplicate, requireUnit } from './refs';

export const cadres = registerMethods({
  label: '联户干部',
  table,
  fields: z.object({
    unitId: zRef(),
    name: zRequiredText(50),
    sex: zOptionalEnum(['男', '女'] as const),
    title: zText(50),
    rank: zEnum(['leader', 'general'] as const, 'general'),
    phone: zText(40),
    note: zText(),
  }),
  labels: { unitId: '联系单位', name: '姓名', sex: '性别', title: '职务', rank: '干部级别', phone: '联系电话', note: '备注' },
  view: `select c.id, c.unit_id as unitId, u.name as unitName, u.kind as unitKind, c.name, c.sex, c.title, c.rank, c.phone, c.note,
      (select count(*) from pairings p join households h on h.id = p.household_id
        where p.cadre_id = c.id and p.deleted_at is null and ${liveCadre()} and ${liveHousehold()} and ${spanInForceToday('p.since', 'p.until')}) as householdCount,
      c.created_at as createdAt, c.updated_at as updatedAt, c.deleted_at as deletedAt
    from cadres c join units u on u.id = c.unit_id`,
  searchColumns: ['name', 'unitName', 'title', 'phone', 'note'],
  defaultSort: 'unitName, rank desc, name',
  prepare: (ctx, v, before) => {
    const unit = requireUnit(ctx, v.unitId);
    refuseDuplicate(ctx, 'select name as who from cadres where unit_id = ? and name = ? and deleted_at is null and id <> ?',
      [v.unitId, v.name, before?.id ?? 0], 'name', (who) => `${unit.name}已有联户干部“${who}”；同名的两人请在姓名后加以区分`);
    return v;
  },
});
