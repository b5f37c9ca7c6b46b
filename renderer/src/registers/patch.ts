import type { Lookups } from '../../../electron/api/meta';
import type { Row } from './types';

/** Turns an edited display column back into the field the ledger stores. */
export function patchFor(colId: string, row: Row, lk: Lookups): Record<string, unknown> {
  switch (colId) {
    case 'villageName': {
      const v = lk.villages.find((x) => x.name === row.villageName);
      return { villageId: v?.id ?? -1, ...('groupId' in row ? { groupId: null } : {}) };
    }
    case 'groupName': {
      const v = lk.villages.find((x) => x.id === row.villageId);
      return { groupId: v?.groups.find((g) => g.name === row.groupName)?.id ?? null };
    }
    case 'unitName':
      return { unitId: lk.units.find((u) => u.name === row.unitName)?.id ?? -1 };
    case 'zoneName':
      return { zoneId: lk.zones.find((z) => z.name === row.zoneName)?.id ?? -1 };
    default:
      return { [colId]: row[colId] ?? null };
  }
}
