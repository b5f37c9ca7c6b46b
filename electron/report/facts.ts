import { z } from 'zod';

const whole = (what: string, max: number) =>
  z.number({ error: `${what}应为数字` }).int(`${what}应为整数`).min(0, `${what}不能为负数`).max(max, `${what}不应超过 ${max}`).optional();

/**
 * The setting `townshipFacts`: what 基本情况 states that the ledger does not record itself
 * (villages and groups are counted from the ledger). Arable land in hundredths of a 亩.
 */
export const townshipFactsSchema = z.object({
  households: whole('总户数', 1_000_000),
  people: whole('总人口', 5_000_000),
  arableCentimu: whole('法定耕地面积', 1_000_000_000),
  generalBranches: whole('党总支数', 1000),
  branches: whole('党支部数', 10_000),
  partyMembers: whole('党员数', 100_000),
  ruralPartyMembers: whole('农村党员数', 100_000),
}).refine((f) => f.ruralPartyMembers === undefined || f.partyMembers === undefined || f.ruralPartyMembers <= f.partyMembers,
  { message: '农村党员数不应多于党员总数', path: ['ruralPartyMembers'] });
export type TownshipFactsSetting = z.infer<typeof townshipFactsSchema>;
