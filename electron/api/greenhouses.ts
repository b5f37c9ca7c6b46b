import { z } from 'zod';
import { greenhouseZones as zoneTable, greenhouses as table } from '../../db/schema';
import { zCentimu, zEnum, zFen, zOptionalDate, zOptionalEnum, zRef, zRequiredCount, zRequiredText, zText } from '../values/zod';
import { registerMethods } from './crud';
import { refuseDuplicate, requireHousehold, requireVillage, requireZone } from './refs';
import { GREENHOUSE_PROGRESS, GREENHOUSE_TYPES } from '../values/vocabulary';
import { MAX } from '../values/lengths';


export const greenhouseZones = registerMethods({
  label: '大棚小区',
  table: zoneTable,
  fields: z.object({ name: zRequiredText(MAX.zoneName), villageId: zRef(), note: zText(MAX.note) }),
  labels: { name: '小区名称', villageId: '村', note: '备注' },
  view: `select z.id, z.name, z.village_id as villageId, v.name as villageName, z.note,
      (select coalesce(sum(g.count), 0) from greenhouses g where g.zone_id = z.id and g.deleted_at is null) as greenhouseCount,
      (select coalesce(sum(g.area_centimu), 0) from greenhouses g where g.zone_id = z.id and g.deleted_at is null) as areaCentimu,
      z.created_at as createdAt, z.updated_at as updatedAt, z.deleted_at as deletedAt
    from greenhouse_zones z join villages v on v.id = z.village_id`,
  searchColumns: ['name', 'villageName', 'note'],
  defaultSort: 'villageId, name',
  prepare: (ctx, v, before) => {
    requireVillage(ctx, v.villageId);
    refuseDuplicate(ctx, 'select name as who from greenhouse_zones where name = ? and deleted_at is null and id <> ?',
      [v.name, before?.id ?? 0], 'name', (who) => `已有名为“${who}”的大棚小区`);
    return v;
  },
});

export const greenhouses = registerMethods({
  label: '设施农业',
  table,
  fields: z.object({
    zoneId: zRef(),
    householdId: zRef(),
    type: zEnum(GREENHOUSE_TYPES),
    count: zRequiredCount(),
    areaCentimu: zCentimu().transform((v) => v ?? 0),
    builtOn: zOptionalDate(),
    subsidyFen: zFen(),
    crop: zText(MAX.crop),
    progress: zOptionalEnum(GREENHOUSE_PROGRESS),
    note: zText(MAX.note),
  }),
  labels: { zoneId: '小区名称', householdId: '户主姓名', type: '棚型', count: '座数', areaCentimu: '占地面积', builtOn: '建设日期', subsidyFen: '补助资金', crop: '种植品种', progress: '建设进度', note: '备注' },
  view: `select g.id, g.zone_id as zoneId, z.name as zoneName, g.household_id as householdId, h.head as householdHead,
      h.id_number as idNumber, v.id as villageId, v.name as villageName, gr.name as groupName,
      g.type, g.count, g.area_centimu as areaCentimu, g.built_on as builtOn, g.subsidy_fen as subsidyFen, g.crop, g.progress, g.note,
      g.created_at as createdAt, g.updated_at as updatedAt, g.deleted_at as deletedAt
    from greenhouses g join greenhouse_zones z on z.id = g.zone_id join households h on h.id = g.household_id
      join villages v on v.id = h.village_id left join village_groups gr on gr.id = h.group_id`,
  searchColumns: ['zoneName', 'householdHead', 'villageName', 'crop'],
  defaultSort: 'zoneName, id',
  prepare: (ctx, v) => {
    requireZone(ctx, v.zoneId);
    requireHousehold(ctx, v.householdId);
    return v;
  },
});
