import { z } from 'zod';
import { aidDeliveries as table } from '../../db/schema';
import { parseScaled } from '../values/numbers';
import { zEventDate, zRef, zRequiredFen, zRequiredText, zText } from '../values/zod';
import { registerMethods } from './crud';
import { requireHousehold, requireUnit } from './refs';
import { MAX } from '../values/lengths';

export const zQuantityCenti = () =>
  z.unknown().transform((v, ctx): number | null => {
    if (v === null || v === undefined || v === '') return null;
    const r = typeof v === 'number' && Number.isInteger(v) ? { ok: true as const, value: v } : parseScaled(v, 2, '元|袋|桶|斤|公斤|件|个|套|台|份|册|条|期|人次|亩');
    if (!r.ok || r.value < 0) { ctx.addIssue({ code: 'custom', message: r.ok ? '不能为负数' : r.reason }); return z.NEVER; }
    return r.value;
  });

export const aid = registerMethods({
  label: '慰问发放',
  table,
  fields: z.object({
    date: zEventDate(),
    unitId: zRef(),
    householdId: zRef(),
    item: zRequiredText(MAX.item),
    quantityCenti: zQuantityCenti(),
    measure: zText(MAX.measure),
    amountFen: zRequiredFen(),
    handler: zText(MAX.handler),
    note: zText(MAX.note),
  }),
  labels: { date: '发放日期', unitId: '发放单位', householdId: '户主姓名', item: '物资名称', quantityCenti: '数量', measure: '计量单位', amountFen: '折合金额', handler: '经手人', note: '备注' },
  view: `select a.id, a.date, a.unit_id as unitId, u.name as unitName, a.household_id as householdId, h.head as householdHead,
      h.id_number as idNumber, v.id as villageId, v.name as villageName, g.name as groupName,
      a.item, a.quantity_centi as quantityCenti, a.measure, a.amount_fen as amountFen, a.handler, a.note,
      a.created_at as createdAt, a.updated_at as updatedAt, a.deleted_at as deletedAt
    from aid_deliveries a join units u on u.id = a.unit_id join households h on h.id = a.household_id
      join villages v on v.id = h.village_id left join village_groups g on g.id = h.group_id`,
  searchColumns: ['unitName', 'householdHead', 'villageName', 'item', 'handler', 'note'],
  defaultSort: 'date desc, id',
  prepare: (ctx, v) => {
    requireUnit(ctx, v.unitId);
    requireHousehold(ctx, v.householdId);
    return v;
  },
});
