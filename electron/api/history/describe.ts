import { formatScaled } from '../../values/numbers';
import type { Names } from './names';

type Row = Record<string, unknown>;

const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const join = (...parts: unknown[]) => parts.map(s).filter(Boolean).join(' ');

/** How a record is named to the clerk — as the grid names it: "新上村 武荣强", "2014-03-05 张三 走访 新上村 武荣强". */
export function describeRecord(table: string, r: Row, names: Names): string {
  switch (table) {
    case 'households': return join(names.village(r.villageId), r.head);
    case 'units': return s(r.name);
    case 'unit_villages': return `${names.unit(r.unitId)} — ${names.village(r.villageId)}`;
    case 'cadres': return join(names.unit(r.unitId), r.name);
    case 'pairings': return `${names.cadre(r.cadreId)} — ${names.household(r.householdId)}`;
    case 'visits': return `${join(r.date, names.cadre(r.cadreId))} 走访 ${names.household(r.householdId)}`;
    case 'aid_deliveries': return join(r.date, names.household(r.householdId), r.item);
    case 'land_plots': return join(names.household(r.householdId), r.plotName, typeof r.areaCentimu === 'number' ? `${formatScaled(r.areaCentimu, 2)} 亩` : '');
    case 'greenhouse_zones': return s(r.name);
    case 'greenhouses': return join(names.zone(r.zoneId), names.household(r.householdId), typeof r.count === 'number' ? `${r.count} 座` : '');
    case 'work_items': return join(r.date, names.unit(r.unitId), r.category);
    case 'settings': return '设置';
    case 'villages': return s(r.name);
    case 'village_groups': return `${names.village(r.villageId)}${s(r.name)}`;
    default: return '';
  }
}
