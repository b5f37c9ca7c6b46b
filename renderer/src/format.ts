import { formatScaled } from '../../electron/values/numbers';

/** 271000 → "2,710.00" */
export const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '' : formatScaled(fen, 2));
/** 302865 → "3,028.65" */
export const mu = (centimu: number | null | undefined) => (centimu === null || centimu === undefined ? '' : formatScaled(centimu, 2));
export const count = (n: number | null | undefined) => (n === null || n === undefined ? '' : n.toLocaleString('en-US'));

export const CATEGORY_LABEL: Record<string, string> = { poor: '贫困户', special: '特殊户', ordinary: '一般农户' };
export const RANK_LABEL: Record<string, string> = { leader: '科级以上领导干部', general: '一般干部' };
export const UNIT_KIND_LABEL: Record<string, string> = { district: '区直单位', township: '镇机关' };
