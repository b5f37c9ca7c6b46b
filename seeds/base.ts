import { groupName, type TownshipDraft } from '../electron/township/codes';

export { groupName };

/** The reference township's base data (../shared/DOMAIN.md): 上坝镇, its 9 villages and 58 groups. */
export const TOWNSHIP = { name: '上坝镇', code: '620902104', county: '肃州区', city: '酒泉市', province: '甘肃省' } as const;

export const VILLAGES: { name: string; code: string; groups: number }[] = [
  { name: '新上村', code: '620902104200', groups: 7 },
  { name: '光辉村', code: '620902104201', groups: 6 },
  { name: '下坝村', code: '620902104202', groups: 7 },
  { name: '上坝村', code: '620902104203', groups: 8 },
  { name: '小沟村', code: '620902104204', groups: 6 },
  { name: '旧墩村', code: '620902104205', groups: 6 },
  { name: '营尔村', code: '620902104206', groups: 7 },
  { name: '东沟村', code: '620902104207', groups: 5 },
  { name: '上红村', code: '620902104208', groups: 6 },
];

export const TOWNSHIP_UNIT = '上坝镇机关';

/** 使用示例：上坝镇 — the one-click setup, in the shape the clerk's own township is given. */
export const EXAMPLE_TOWNSHIP: TownshipDraft = {
  name: TOWNSHIP.name, code: TOWNSHIP.code, organName: TOWNSHIP_UNIT, county: TOWNSHIP.county,
  villages: VILLAGES.map((v) => ({ name: v.name, code: v.code, groups: Array.from({ length: v.groups }, (_, i) => groupName(i + 1)) })),
};

/** The examples `ledger init --example NAME` and the setup page offer. */
export const EXAMPLES: Record<string, TownshipDraft> = { [TOWNSHIP.name]: EXAMPLE_TOWNSHIP };
