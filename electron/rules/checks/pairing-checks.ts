import { hasPairingInForce, householdKnownBy, liveCadre, liveHousehold, pairingsInForce, spanTouches } from '../in-force';
import { int, text, type Check } from './types';

const HOUSEHOLD = [text('village', '村'), text('group', '村民小组'), text('head', '户主姓名'), text('idNumber', '身份证号码'), text('category', '户类型')];
const CATEGORY = `case h.category when 'poor' then '贫困户' when 'special' then '特殊户' else '一般农户' end`;

export const unpaired: Check = {
  key: 'unpaired',
  title: '未结对的贫困户、特殊户',
  rule: '贫困户和特殊户在统计期间内都应有联户干部结对；这里列出期间内没有任何有效结对的户（结对、干部、单位或户已删除的不算）。',
  columns: HOUSEHOLD,
  run: (ctx, p) => {
    const paired = hasPairingInForce(p);
    const known = householdKnownBy(p.to);
    return ctx.ledger.sqlite.prepare(`select h.id, v.name as village, g.name as "group", h.head, h.id_number as idNumber, ${CATEGORY} as category
      from households h join villages v on v.id = h.village_id left join village_groups g on g.id = h.group_id
      where ${liveHousehold()} and h.category in ('poor', 'special') and ${known.sql} and not ${paired.sql}
      order by v.sort, v.id, g.sort, h.head, h.id`).all(...known.params, ...paired.params) as never;
  },
};

export const orphanPairings: Check = {
  key: 'orphanPairings',
  title: '干部或户已删除的结对',
  rule: '结对关系本身未删除、在统计期间内仍有效，但其联户干部、干部所在单位或联系户已被删除：这样的结对不计入报告和导出，应结束或删除它，或恢复被删的干部、单位或户。',
  columns: [text('unit', '联系单位'), text('cadre', '联户干部'), text('village', '村'), text('head', '户主姓名'), { key: 'since', title: '结对日期', type: 'date' }, text('reason', '问题')],
  run: (ctx, p) => {
    const span = spanTouches('p.since', 'p.until', p);
    return ctx.ledger.sqlite.prepare(`select p.id, u.name as unit, c.name as cadre, v.name as village, h.head, p.since,
        trim((case when u.deleted_at is not null then '单位已删除 ' else '' end) || (case when c.deleted_at is not null then '干部已删除 ' else '' end)
          || (case when h.deleted_at is not null then '户已删除' else '' end)) as reason
      from pairings p join cadres c on c.id = p.cadre_id join units u on u.id = c.unit_id join households h on h.id = p.household_id
        join villages v on v.id = h.village_id
      where p.deleted_at is null and ${span.sql} and (c.deleted_at is not null or u.deleted_at is not null or h.deleted_at is not null)
      order by u.name, c.name, p.id`).all(...span.params) as never;
  },
};

/** FORMATS.md "Rules the district applies": a leader keeps contact with 10 households and helps 3; a general cadre 5 and 2. */
const QUOTA = { leader: { contact: 10, help: 3 }, general: { contact: 5, help: 2 } } as const;

export const quotas: Check = {
  key: 'quotas',
  title: '联户数不符合定额的干部',
  rule: '区直单位的科级以上领导干部联系 10 户、帮扶 3 户，一般干部联系 5 户、帮扶 2 户。台账按期间内有效的结对计算：联系户数 = 结对的户数，帮扶户数 = 其中的贫困户数；多于或少于定额的干部列在这里。',
  columns: [text('unit', '联系单位'), text('name', '姓名'), text('rank', '干部级别'), int('contacted', '联系户数'), int('helped', '帮扶贫困户数'), text('finding', '与定额相比')],
  run: (ctx, p) => {
    // Every live cadre of a district unit, those with no pairing in force too (0 households).
    const f = pairingsInForce(p);
    const rows = ctx.ledger.sqlite.prepare(`select c.id, u.name as unit, c.name, c.rank, count(distinct f.householdId) as contacted,
        count(distinct case when f.category = 'poor' then f.householdId end) as helped
      from cadres c join units u on u.id = c.unit_id left join (${f.sql}) f on f.cadreId = c.id
      where ${liveCadre()} and u.kind = 'district'
      group by c.id order by u.name, c.rank = 'general', c.name`).all(...f.params) as { id: number; unit: string; name: string; rank: 'leader' | 'general'; contacted: number; helped: number }[];
    return rows.flatMap((r) => {
      const q = QUOTA[r.rank];
      const say = (n: number, want: number, what: string) => (n < want ? `${what}少于 ${want} 户` : n > want ? `${what}多于 ${want} 户` : '');
      const finding = [say(r.contacted, q.contact, '联系户'), say(r.helped, q.help, '帮扶户')].filter(Boolean).join('；');
      return finding ? [{ ...r, rank: r.rank === 'leader' ? '科级以上领导干部' : '一般干部', finding }] : [];
    });
  },
};

export { HOUSEHOLD, CATEGORY };
