import { z } from 'zod';
import { landPlots as table } from '../../db/schema';
import { zEnum, zEventDate, zFen, zOptionalDate, zOptionalEnum, zRef, zRequiredCentimu, zText } from '../values/zod';
import { registerMethods } from './crud';
import { checkRange, refuseDuplicate, requireHousehold } from './refs';
import { LAND_MODES, TRANSFEREE_KINDS } from '../values/vocabulary';
import { MAX } from '../values/lengths';


export const land = registerMethods({
  label: '土地流转',
  table,
  fields: z.object({
    householdId: zRef(),
    plotName: zText(MAX.place),
    east: zText(MAX.place), south: zText(MAX.place), west: zText(MAX.place), north: zText(MAX.place),
    areaCentimu: zRequiredCentimu(),
    mode: zEnum(LAND_MODES),
    transferee: zText(MAX.place),
    transfereeKind: zOptionalEnum(TRANSFEREE_KINDS),
    start: zEventDate(),
    end: zOptionalDate(),
    priceFen: zFen(),
    contractNo: zText(MAX.contractNo),
    contractDate: zOptionalDate(),
    use: zText(MAX.place),
    demoSite: zText(MAX.place),
    note: zText(MAX.note),
  }),
  labels: {
    householdId: '转出方(户主)', plotName: '地块名称', east: '东', south: '南', west: '西', north: '北', areaCentimu: '流转面积',
    mode: '流转方式', transferee: '转入方', transfereeKind: '转入方类型', start: '起始日期', end: '终止日期',
    priceFen: '流转价格', contractNo: '合同编号', contractDate: '合同签订日期', use: '流转用途', demoSite: '示范点', note: '备注',
  },
  view: `select l.id, l.household_id as householdId, h.head as householdHead, h.id_number as idNumber,
      v.id as villageId, v.name as villageName, g.name as groupName, l.plot_name as plotName,
      l.east, l.south, l.west, l.north, l.area_centimu as areaCentimu, l.mode, l.transferee, l.transferee_kind as transfereeKind,
      l.start, l.end, l.price_fen as priceFen, l.contract_no as contractNo, l.contract_date as contractDate, l.use,
      l.demo_site as demoSite, l.note, l.created_at as createdAt, l.updated_at as updatedAt, l.deleted_at as deletedAt
    from land_plots l join households h on h.id = l.household_id join villages v on v.id = h.village_id
      left join village_groups g on g.id = h.group_id`,
  searchColumns: ['householdHead', 'villageName', 'plotName', 'transferee', 'contractNo', 'demoSite', 'use'],
  defaultSort: 'villageId, start, id',
  prepare: (ctx, v, before) => {
    requireHousehold(ctx, v.householdId);
    checkRange(v.start, v.end, 'end');
    if (v.contractNo) {
      refuseDuplicate(ctx,
        `select h.head || '（' || coalesce(l.plot_name, '') || '）' as who from land_plots l join households h on h.id = l.household_id
          where l.contract_no = ? and l.deleted_at is null and l.id <> ?`,
        [v.contractNo, before?.id ?? 0], 'contractNo', (who) => `合同编号 ${v.contractNo} 已用于 ${who} 的地块`);
    }
    return v;
  },
});
