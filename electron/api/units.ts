import { z } from 'zod';
import { unitVillages as linkTable, units as table } from '../../db/schema';
import { zDate, zEnum, zOptionalDate, zRef, zRequiredText, zText } from '../values/zod';
import { registerMethods } from './crud';
import { method } from './define';
import { checkRange, refuseDuplicate, requireUnit, requireVillage } from './refs';

/** Visits made by each unit's cadres between two dates (the period chosen in the window's header). */
const periodVisits = method(z.object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  (ctx, { from, to }) => ctx.ledger.sqlite.prepare(
    `select c.unit_id as unitId, count(*) as visits from visits r join cadres c on c.id = r.cadre_id
      where r.deleted_at is null and c.deleted_at is null and r.date between ? and ? group by c.unit_id`,
  ).all(from, to) as { unitId: number; visits: number }[]);

export const units = { ...registerMethods({
  label: '联系单位',
  table,
  fields: z.object({
    name: zRequiredText(100),
    kind: zEnum(['district', 'township'] as const, 'district'),
    note: zText(),
  }),
  labels: { name: '单位名称', kind: '单位类别', note: '备注' },
  view: `select u.id, u.name, u.kind, u.note,
      (select group_concat(v.name, '、') from unit_villages l join villages v on v.id = l.village_id
        where l.unit_id = u.id and l.deleted_at is null and l.until is null) as villageNames,
      (select count(*) from unit_villages l where l.unit_id = u.id and l.deleted_at is null and l.until is null) as villageCount,
      (select count(*) from cadres c where c.unit_id = u.id and c.deleted_at is null) as cadreCount,
      (select count(*) from pairings p join cadres c on c.id = p.cadre_id
        where c.unit_id = u.id and c.deleted_at is null and p.deleted_at is null and p.until is null) as pairingCount,
      (select count(*) from visits r join cadres c on c.id = r.cadre_id
        where c.unit_id = u.id and c.deleted_at is null and r.deleted_at is null) as visitCount,
      u.created_at as createdAt, u.updated_at as updatedAt, u.deleted_at as deletedAt
    from units u`,
  searchColumns: ['name', 'villageNames', 'note'],
  defaultSort: "kind desc, name",
  prepare: (ctx, v, before) => {
    refuseDuplicate(ctx, 'select name as who from units where name = ? and deleted_at is null and id <> ?',
      [v.name, before?.id ?? 0], 'name', (who) => `已有名为“${who}”的联系单位`);
    return v;
  },
}), periodVisits };

export const unitVillages = registerMethods({
  label: '联村关系',
  table: linkTable,
  fields: z.object({
    unitId: zRef(),
    villageId: zRef(),
    since: zDate(),
    until: zOptionalDate(),
    note: zText(),
  }),
  labels: { unitId: '联系单位', villageId: '联系村', since: '开始日期', until: '结束日期', note: '备注' },
  view: `select l.id, l.unit_id as unitId, u.name as unitName, l.village_id as villageId, v.name as villageName,
      l.since, l.until, l.note, l.created_at as createdAt, l.updated_at as updatedAt, l.deleted_at as deletedAt
    from unit_villages l join units u on u.id = l.unit_id join villages v on v.id = l.village_id`,
  searchColumns: ['unitName', 'villageName', 'note'],
  defaultSort: 'unitName, since',
  prepare: (ctx, v) => {
    requireUnit(ctx, v.unitId);
    requireVillage(ctx, v.villageId);
    checkRange(v.since, v.until);
    return v;
  },
});
