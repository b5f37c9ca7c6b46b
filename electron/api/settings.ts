import { z } from 'zod';
import { signatoriesSchema } from '../io/write/signatories';
import { townshipFactsSchema } from '../report/facts';
import { method } from './define';
import { readSetting } from './setting-store';

/** Each setting with the shape it must have; a value of another shape is refused, not stored. */
const SCHEMAS = {
  township: z.object({
    name: z.string().trim().min(1, '乡镇名称不能为空').max(20),
    code: z.string().trim().regex(/^\d{9}$/, '统计用区划代码应为 9 位数字').optional(),
    county: z.string().trim().max(20).optional(),
    city: z.string().trim().max(20).optional(),
    province: z.string().trim().max(20).optional(),
  }),
  signatories: signatoriesSchema,
  maskIdNumbers: z.boolean(),
  townshipFacts: townshipFactsSchema,
} as const;

const LABELS: Record<string, string> = {
  name: '乡镇名称', code: '区划代码', county: '区县',
  households: '总户数', people: '总人口', arableCentimu: '法定耕地面积', generalBranches: '党总支', branches: '党支部', partyMembers: '党员', ruralPartyMembers: '农村党员', unit: '填报单位', filledBy: '填报人', phone: '电话', checkedBy: '审核人', head: '单位负责人',
};

type Key = keyof typeof SCHEMAS;
const keys = z.enum(Object.keys(SCHEMAS) as [Key, ...Key[]]);

export const settings = {
  get: method(z.object({ key: keys }), (ctx, { key }) => readSetting(ctx, key)),

  /** All settings at once, for the 设置 page. */
  all: method(z.object({}), (ctx) => Object.fromEntries(Object.keys(SCHEMAS).map((k) => [k, readSetting(ctx, k)])) as Record<Key, unknown>),

  set: method(
    z.discriminatedUnion('key', [
      z.object({ key: z.literal('township'), value: SCHEMAS.township }),
      z.object({ key: z.literal('signatories'), value: SCHEMAS.signatories }),
      z.object({ key: z.literal('maskIdNumbers'), value: SCHEMAS.maskIdNumbers }),
      z.object({ key: z.literal('townshipFacts'), value: SCHEMAS.townshipFacts }),
    ]),
    (ctx, { key, value }) => {
      ctx.ledger.sqlite.transaction(() => {
        const before = readSetting(ctx, key);
        ctx.ledger.sqlite.prepare('insert into settings (key, value) values (?, ?) on conflict(key) do update set value = excluded.value')
          .run(key, JSON.stringify(value));
        ctx.ledger.sqlite.prepare("insert into audit_log (table_name, row_id, action, before, after) values ('settings', 0, 'update', ?, ?)")
          .run(JSON.stringify({ [key]: before }), JSON.stringify({ [key]: value }));
      })();
      return { ok: true };
    },
    LABELS,
  ),
};
