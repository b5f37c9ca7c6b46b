import { z } from 'zod';
import { households as table } from '../../db/schema';
import { zCount, zEnum, zFen, zIdNumber, zOptionalEnum, zOptionalRef, zRef, zRequiredText, zText } from '../values/zod';
import { registerMethods } from './crud';
import { LedgerError } from './define';
import { householdFile } from './household-file';
import { refuseDuplicate, requireGroup, requireVillage } from './refs';
import { POVERTY_ATTRS, POVERTY_CAUSES } from '../values/vocabulary';


export const householdFields = z.object({
  villageId: zRef(),
  groupId: zOptionalRef(),
  head: zRequiredText(50),
  idNumber: zIdNumber(),
  sex: zOptionalEnum(['男', '女'] as const),
  nation: zText(20),
  size: zCount(),
  labour: zCount(),
  category: zEnum(['poor', 'special', 'ordinary'] as const, 'ordinary'),
  povertyAttr: zOptionalEnum(POVERTY_ATTRS),
  povertyCause: zOptionalEnum(POVERTY_CAUSES),
  incomeFen: zFen(),
  phone: zText(40),
  note: zText(),
});

export type HouseholdRow = {
  id: number; villageId: number; villageName: string; groupId: number | null; groupName: string | null;
  head: string; idNumber: string | null; sex: string | null; nation: string | null; size: number | null;
  labour: number | null; category: 'poor' | 'special' | 'ordinary'; povertyAttr: string | null;
  povertyCause: string | null; incomeFen: number | null; phone: string | null; note: string | null;
  cadreNames: string | null; createdAt: string; updatedAt: string; deletedAt: string | null;
};

export const householdLabels = {
  villageId: '村', groupId: '村民小组', head: '户主姓名', idNumber: '身份证号码', sex: '性别', nation: '民族',
  size: '家庭人口', labour: '劳动力', category: '户类型', povertyAttr: '贫困户属性', povertyCause: '主要致贫原因',
  incomeFen: '年人均纯收入', phone: '联系电话', note: '备注',
};

export const households = { ...registerMethods({
  label: '帮扶户',
  table,
  fields: householdFields,
  labels: householdLabels,
  view: `select h.id, h.village_id as villageId, v.name as villageName, h.group_id as groupId, g.name as groupName,
      h.head, h.id_number as idNumber, h.sex, h.nation, h.size, h.labour, h.category, h.poverty_attr as povertyAttr,
      h.poverty_cause as povertyCause, h.income_fen as incomeFen, h.phone, h.note,
      (select group_concat(c.name, '、') from pairings p join cadres c on c.id = p.cadre_id
        where p.household_id = h.id and p.deleted_at is null and p.until is null) as cadreNames,
      h.created_at as createdAt, h.updated_at as updatedAt, h.deleted_at as deleted_at, h.deleted_at as deletedAt
    from households h join villages v on v.id = h.village_id left join village_groups g on g.id = h.group_id`,
  searchColumns: ['head', 'idNumber', 'villageName', 'groupName', 'phone', 'note'],
  defaultSort: 'villageId, groupId, id',
  describe: (r: HouseholdRow) => `${r.villageName} ${r.head}`,
  prepare: (ctx, v, before) => {
    requireVillage(ctx, v.villageId, 'villageId', { was: before?.villageId });
    requireGroup(ctx, v.villageId, v.groupId, 'groupId', { was: before?.groupId });
    if (v.idNumber) {
      refuseDuplicate(ctx,
        `select v.name || ' ' || h.head as who from households h join villages v on v.id = h.village_id
          where h.id_number = ? and h.deleted_at is null and h.id <> ?`,
        [v.idNumber, before?.id ?? 0], 'idNumber', (who) => `身份证号 ${v.idNumber} 已登记在 ${who} 户，同一人不能登记两次`);
    }
    if (v.size !== null && v.labour !== null && v.labour > v.size) {
      throw new LedgerError(`劳动力（${v.labour}）多于家庭人口（${v.size}）`, [{ field: 'labour', message: '劳动力不能多于家庭人口' }]);
    }
    return v;
  },
}), file: householdFile };
