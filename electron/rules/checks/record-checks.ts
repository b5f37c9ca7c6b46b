import { datedIn, liveAid, liveHousehold, livePlot, plotInForceOn } from '../in-force';
import { CATEGORY, HOUSEHOLD } from './pairing-checks';
import { int, text, type Check } from './types';

export const aidWithoutAmount: Check = {
  key: 'aidWithoutAmount',
  title: '没有金额的慰问发放',
  rule: '每笔慰问和帮扶物资都应填写折合金额（元），现金即发放的钱数；期间内折合金额为 0 的发放记录列在这里，报告的金额合计不含它们的价值。',
  columns: [{ key: 'date', title: '发放日期', type: 'date' }, text('unit', '发放单位'), text('village', '村'), text('head', '户主姓名'), text('item', '物资名称'), { key: 'quantity', title: '数量', type: 'number' }, text('measure', '计量单位')],
  run: (ctx, p) => {
    const dated = datedIn('a.date', p);
    return ctx.ledger.sqlite.prepare(`select a.id, a.date, u.name as unit, v.name as village, h.head, a.item, a.quantity_centi as quantity, a.measure
      from aid_deliveries a join units u on u.id = a.unit_id join households h on h.id = a.household_id join villages v on v.id = h.village_id
      where ${liveAid()} and ${dated.sql} and a.amount_fen = 0 order by a.date, a.id`).all(...dated.params) as never;
  },
};

export const duplicateHouseholds: Check = {
  key: 'duplicateHouseholds',
  title: '疑似重复的户',
  rule: '同一个村里户主姓名相同、身份证号码不同或缺少号码的户，以及同一身份证号码出现在两个村的户，可能是同一户登记了两次；请核对后合并或更正。',
  columns: [...HOUSEHOLD, text('reason', '疑点')],
  run: (ctx) => ctx.ledger.sqlite.prepare(`
    with live as (select * from households h where ${liveHousehold()}),
    sameHead as (select village_id, head from live group by village_id, head
      having count(*) > 1 and (count(distinct id_number) > 1 or count(id_number) < count(*))),
    sameId as (select id_number from households h where ${liveHousehold()} and id_number is not null group by id_number having count(distinct village_id) > 1)
    select h.id, v.name as village, g.name as "group", h.head, h.id_number as idNumber, ${CATEGORY} as category,
      case when h.id_number in (select id_number from sameId) then '同一身份证号码在两个村' else '同村同名户主，号码不同或缺少' end as reason
    from live h join villages v on v.id = h.village_id left join village_groups g on g.id = h.group_id
    where exists (select 1 from sameHead s where s.village_id = h.village_id and s.head = h.head)
      or h.id_number in (select id_number from sameId)
    order by v.sort, v.id, h.head, h.id`).all() as never,
};

/** More than this many hundredths of a 亩 in force for one household is not plausible. */
const PLAUSIBLE_CENTIMU = 100 * 100;

export const landTooLarge: Check = {
  key: 'landTooLarge',
  title: '流转面积过大的户',
  rule: '一户农户转出的土地，在期间末仍在流转的地块合计超过 100 亩，不大可能（全镇人均耕地约 5 亩）；请核对面积是否多写了位数或单位。',
  columns: [...HOUSEHOLD, int('plots', '地块数'), { key: 'area', title: '流转面积合计(亩)', type: 'area' }],
  run: (ctx, p) => {
    const inForce = plotInForceOn(p.to);
    return ctx.ledger.sqlite.prepare(`select h.id, v.name as village, g.name as "group", h.head, h.id_number as idNumber, ${CATEGORY} as category,
        count(*) as plots, sum(l.area_centimu) as area
      from land_plots l join households h on h.id = l.household_id join villages v on v.id = h.village_id left join village_groups g on g.id = h.group_id
      where ${livePlot()} and ${inForce.sql} group by h.id having area > ? order by area desc, h.id`).all(...inForce.params, PLAUSIBLE_CENTIMU) as never;
  },
};

export const landOverlaps: Check = {
  key: 'landOverlaps',
  title: '时间重叠的同名地块',
  rule: '同一户的同一块地（地块名称相同）不能在同一段时间里流转两次；起止日期有重叠的两条记录列在这里（未填终止日期视为仍在流转）。',
  columns: [text('village', '村'), text('head', '转出方(户主)'), text('plotName', '地块名称'),
    { key: 'start', title: '起始日期', type: 'date' }, { key: 'end', title: '终止日期', type: 'date' }, { key: 'area', title: '流转面积(亩)', type: 'area' }, text('other', '与之重叠')],
  run: (ctx) => ctx.ledger.sqlite.prepare(`
    select l.id, v.name as village, h.head, l.plot_name as plotName, l.start, l."end" as "end", l.area_centimu as area,
      (select group_concat(o.start || '至' || coalesce(o."end", '今'), '、') from land_plots o
        where o.household_id = l.household_id and o.plot_name = l.plot_name and o.id <> l.id and o.deleted_at is null
          and o.start <= coalesce(l."end", '9999-12-31') and coalesce(o."end", '9999-12-31') >= l.start) as other
    from land_plots l join households h on h.id = l.household_id join villages v on v.id = h.village_id
    where ${livePlot()} and l.plot_name is not null and other is not null
    order by v.sort, v.id, h.head, l.plot_name, l.start, l.id`).all() as never,
};
