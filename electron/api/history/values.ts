import { formatScaled } from '../../values/numbers';
import type { Names } from './names';

type Row = Record<string, unknown>;

const CATEGORY: Record<string, string> = { poor: '贫困户', special: '特殊户', ordinary: '一般农户' };
const RANK: Record<string, string> = { leader: '科级以上领导干部', general: '一般干部' };
const UNIT_KIND: Record<string, string> = { district: '区直单位', township: '镇机关' };

/** 150 → "1.5", 100 → "1": a count kept in hundredths, as the sheet wrote it. */
function plainCenti(v: number): string {
  return formatScaled(v, 2).replace(/\.?0+$/, '');
}

export const EMPTY = '空';

/** A stored value as the grid shows it: 元 from 分, 亩 from hundredths, 贫困户, √, names instead of ids. */
export function formatValue(table: string, field: string, v: unknown, row: Row, names: Names): string {
  if (field === 'retiredAt') return v ? '是' : '否';
  if (v === null || v === undefined || v === '') return EMPTY;
  if (typeof v === 'boolean' || (table === 'visits' && /^(know|care)[A-Z]/.test(field))) return v ? '√' : EMPTY;
  switch (field) {
    case 'villageId': return names.village(v);
    case 'groupId': return names.group(v);
    case 'unitId': return names.unit(v);
    case 'cadreId': return names.cadre(v);
    case 'householdId': return names.household(v);
    case 'zoneId': return names.zone(v);
    case 'category': return table === 'work_items' ? String(v) : CATEGORY[String(v)] ?? String(v);
    case 'rank': return RANK[String(v)] ?? String(v);
    case 'kind': return UNIT_KIND[String(v)] ?? String(v);
    case 'quantityCenti': return `${plainCenti(Number(v))}${row.measure ? ` ${String(row.measure)}` : ''}`;
  }
  if (field.endsWith('Fen')) return `${formatScaled(Number(v), 2)} 元`;
  if (field.endsWith('Centimu')) return `${formatScaled(Number(v), 2)} 亩`;
  if (typeof v === 'number') return v.toLocaleString('en-US');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
