import { z } from 'zod';
import type { Ctx } from '../../api/define';
import { readSetting } from '../../api/setting-store';

/**
 * The names printed on exports and visit sheets, kept in the setting `signatories`:
 * 填报单位（盖章） unit, 填报人 filledBy, 电话 phone, 审核人 checkedBy, 单位负责人 head.
 */
export const signatoriesSchema = z.object({
  unit: z.string().max(100).optional(),
  filledBy: z.string().max(50).optional(),
  phone: z.string().max(40).optional(),
  checkedBy: z.string().max(50).optional(),
  head: z.string().max(50).optional(),
});
export type Signatories = z.infer<typeof signatoriesSchema>;

export type Township = { name: string; code?: string; county?: string };

export function readTownship(ctx: Ctx): Required<Township> {
  const t = (readSetting(ctx, 'township') ?? {}) as Partial<Township>;
  return { name: t.name ?? '上坝镇', code: t.code ?? '', county: t.county ?? '肃州区' };
}

/** The setting as stored; fields that are missing or of the wrong shape read as empty. */
export function readSignatories(ctx: Ctx): Signatories {
  const r = signatoriesSchema.safeParse(readSetting(ctx, 'signatories') ?? {});
  return r.success ? r.data : {};
}

export function readMaskIdNumbers(ctx: Ctx): boolean {
  return readSetting(ctx, 'maskIdNumbers') === true;
}
