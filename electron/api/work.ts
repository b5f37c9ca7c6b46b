import { z } from 'zod';
import { workItems as table } from '../../db/schema';
import { WORK_CATEGORIES } from '../values/vocabulary';
import { zEventDate, zEnum, zFen, zOptionalRef, zRef, zText } from '../values/zod';
import { zQuantityCenti } from './aid';
import { registerMethods } from './crud';
import { requireUnit, requireVillage } from './refs';
import { MAX } from '../values/lengths';

export const workItems = registerMethods({
  label: '工作事项',
  table,
  fields: z.object({
    date: zEventDate(),
    unitId: zRef(),
    villageId: zOptionalRef(),
    category: zEnum(WORK_CATEGORIES),
    content: zText(MAX.longText),
    quantityCenti: zQuantityCenti(),
    measure: zText(MAX.measure),
    amountFen: zFen(),
    result: zText(MAX.result),
    note: zText(MAX.note),
  }),
  labels: { date: '日期', unitId: '联系单位', villageId: '村', category: '事项类别', content: '事项内容', quantityCenti: '数量', measure: '计量单位', amountFen: '金额', result: '办理结果', note: '备注' },
  view: `select w.id, w.date, w.unit_id as unitId, u.name as unitName, w.village_id as villageId, v.name as villageName,
      w.category, w.content, w.quantity_centi as quantityCenti, w.measure, w.amount_fen as amountFen, w.result, w.note,
      w.created_at as createdAt, w.updated_at as updatedAt, w.deleted_at as deletedAt
    from work_items w join units u on u.id = w.unit_id left join villages v on v.id = w.village_id`,
  searchColumns: ['unitName', 'villageName', 'category', 'content', 'result'],
  defaultSort: 'date desc, id',
  prepare: (ctx, v) => {
    requireUnit(ctx, v.unitId);
    if (v.villageId !== null) requireVillage(ctx, v.villageId);
    return v;
  },
});
