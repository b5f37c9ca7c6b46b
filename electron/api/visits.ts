import { z } from 'zod';
import { visits as table } from '../../db/schema';
import { zEventDate, zMark, zRef, zText } from '../values/zod';
import { registerMethods } from './crud';
import { requireCadre, requireHousehold } from './refs';
import { MAX } from '../values/lengths';

export const visitMarks = {
  knowFamily: '户情', knowEconomy: '经济状况', knowWishes: '发展愿望', knowDifficulties: '存在困难', knowHealthSchool: '就医就学',
  careIllness: '重病住院', careDropout: '子女辍学', careDisaster: '意外灾害', careBereavement: '亲人去世', careFestival: '节日慰问',
} as const;

export const visits = registerMethods({
  label: '走访记录',
  table,
  fields: z.object({
    date: zEventDate(),
    cadreId: zRef(),
    householdId: zRef(),
    knowFamily: zMark(), knowEconomy: zMark(), knowWishes: zMark(), knowDifficulties: zMark(), knowHealthSchool: zMark(),
    careIllness: zMark(), careDropout: zMark(), careDisaster: zMark(), careBereavement: zMark(), careFestival: zMark(),
    content: zText(MAX.longText),
    request: zText(MAX.longText),
    thingDone: zText(MAX.longText),
    result: zText(MAX.result),
    note: zText(MAX.note),
  }),
  labels: { date: '走访日期', cadreId: '干部姓名', householdId: '户主姓名', content: '走访内容', request: '群众诉求', thingDone: '帮办实事', result: '办理结果', note: '备注', ...visitMarks },
  view: `select r.id, r.date, r.cadre_id as cadreId, c.name as cadreName, u.id as unitId, u.name as unitName,
      r.household_id as householdId, h.head as householdHead, h.id_number as idNumber, v.id as villageId, v.name as villageName,
      r.know_family as knowFamily, r.know_economy as knowEconomy, r.know_wishes as knowWishes,
      r.know_difficulties as knowDifficulties, r.know_health_school as knowHealthSchool,
      r.care_illness as careIllness, r.care_dropout as careDropout, r.care_disaster as careDisaster,
      r.care_bereavement as careBereavement, r.care_festival as careFestival,
      r.content, r.request, r.thing_done as thingDone, r.result, r.note,
      r.created_at as createdAt, r.updated_at as updatedAt, r.deleted_at as deletedAt
    from visits r join cadres c on c.id = r.cadre_id join units u on u.id = c.unit_id
      join households h on h.id = r.household_id join villages v on v.id = h.village_id`,
  searchColumns: ['cadreName', 'unitName', 'householdHead', 'villageName', 'content', 'request', 'thingDone'],
  defaultSort: 'date desc, id',
  prepare: (ctx, v) => {
    requireCadre(ctx, v.cadreId);
    requireHousehold(ctx, v.householdId);
    return v;
  },
});
