import { todayIso } from '../../values/dates';
import { datedIn, linkInForce, liveVisit, pairingsInForce } from '../in-force';
import { CATEGORY, HOUSEHOLD } from './pairing-checks';
import { daysSoFar, int, proRata, text, type Check } from './types';

export const householdVisits: Check = {
  key: 'householdVisits',
  title: '走访次数不够的结对户',
  rule: '联户干部每年至少入户走访所联系的户 4 次。按统计期间内已过去的天数折算（4 次 × 天数 ÷ 365，四舍五入），期间内有效结对的户走访次数少于此数的列在这里。',
  columns: [...HOUSEHOLD, text('cadres', '联户干部'), int('visits', '期间内走访次数'), int('required', '应走访次数')],
  run: (ctx, p) => {
    const required = proRata(4, daysSoFar(p, todayIso()));
    if (required === 0) return [];
    const f = pairingsInForce(p);
    const dated = datedIn('r.date', p);
    return ctx.ledger.sqlite.prepare(`select h.id, v.name as village, g.name as "group", h.head, h.id_number as idNumber, ${CATEGORY} as category,
        group_concat(distinct c.name) as cadres,
        (select count(*) from visits r join cadres c on c.id = r.cadre_id join units u on u.id = c.unit_id
          where r.household_id = h.id and ${liveVisit()} and ${dated.sql}) as visits, ? as required
      from (${f.sql}) f join households h on h.id = f.householdId join cadres c on c.id = f.cadreId
        join villages v on v.id = h.village_id left join village_groups g on g.id = h.group_id
      group by h.id having visits < required order by v.sort, v.id, h.head, h.id`)
      .all(...dated.params, required, ...f.params) as never;
  },
};

export const unitVillageVisits: Check = {
  key: 'unitVillageVisits',
  title: '走访联系村次数不够的单位',
  rule: '联系单位每年至少到所联系的村走访 6 次。按统计期间内已过去的天数折算（6 次 × 天数 ÷ 365，四舍五入）；单位的干部到该村各户的走访都算。期间内有效的联村关系中次数不够的列在这里。',
  columns: [text('unit', '联系单位'), text('village', '联系村'), int('visits', '期间内走访次数'), int('required', '应走访次数')],
  run: (ctx, p) => {
    const required = proRata(6, daysSoFar(p, todayIso()));
    if (required === 0) return [];
    const link = linkInForce(p);
    const dated = datedIn('r.date', p);
    return ctx.ledger.sqlite.prepare(`select * from (select k.id, u.name as unit, v.name as village,
        (select count(*) from visits r join cadres c on c.id = r.cadre_id join units u2 on u2.id = c.unit_id join households h on h.id = r.household_id
          where c.unit_id = k.unit_id and h.village_id = k.village_id and r.deleted_at is null and c.deleted_at is null and h.deleted_at is null
            and u2.deleted_at is null and ${dated.sql}) as visits, ? as required
      from unit_villages k join units u on u.id = k.unit_id join villages v on v.id = k.village_id
      where ${link.sql} order by u.name, v.sort) where visits < required`).all(...dated.params, required, ...link.params) as never;
  },
};

export const visitsWithoutKnowns: Check = {
  key: 'visitsWithoutKnowns',
  title: '五个知晓全空的走访',
  rule: '每次入户走访应记下了解到的“五个知晓”（户情、经济状况、发展愿望、存在困难、就医就学）；期间内五项都没有打 √ 的走访记录列在这里。',
  columns: [{ key: 'date', title: '走访日期', type: 'date' }, text('unit', '联系单位'), text('cadre', '干部姓名'), text('village', '村'), text('head', '户主姓名'), text('content', '走访内容')],
  run: (ctx, p) => {
    const dated = datedIn('r.date', p);
    return ctx.ledger.sqlite.prepare(`select r.id, r.date, u.name as unit, c.name as cadre, v.name as village, h.head, r.content
      from visits r join cadres c on c.id = r.cadre_id join units u on u.id = c.unit_id join households h on h.id = r.household_id
        join villages v on v.id = h.village_id
      where ${liveVisit()} and ${dated.sql} and not (r.know_family or r.know_economy or r.know_wishes or r.know_difficulties or r.know_health_school)
      order by r.date, r.id`).all(...dated.params) as never;
  },
};
