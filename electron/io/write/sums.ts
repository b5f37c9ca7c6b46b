import type { SheetColumn } from '../sheets';
import type { SheetRow } from './select';

/** The one unit of a per-unit column in these rows, or null when they differ (the sum cell then stays empty). */
export function singleUnit(units: Iterable<string>): string | null {
  const u = [...units];
  return u.length === 1 ? u[0] : null;
}

/**
 * The 合计 and the current 小计 of a sheet's summed columns, added up row by row while the rows stream
 * past, in the ledger's units (分, hundredths, whole counts). A column summed per unit (T7's 数量 per
 * 计量单位) also keeps its sum for each unit and which units the current 小计 group met.
 */
export class SheetSums {
  readonly total: Record<string, number>;
  readonly perUnit: Record<string, Record<string, number>>;
  group: Record<string, number> = {};
  groupUnits: Record<string, Set<string>> = {};
  private readonly perCols: SheetColumn[];
  /** Where each summed column's value, and its unit's, is in a row. */
  private readonly at: { key: string; value: number; unit: number; per: boolean }[];

  /** `index`: where a column's value is in a row (-1 when the rows do not have it). */
  constructor(private readonly summed: SheetColumn[], index: (key: string) => number) {
    this.at = summed.map((c) => ({ key: c.key, value: index(c.key), unit: c.sumPer ? index(c.sumPer) : -1, per: Boolean(c.sumPer) }));
    this.total = Object.fromEntries(summed.map((c) => [c.key, 0]));
    this.perCols = summed.filter((c) => c.sumPer);
    this.perUnit = Object.fromEntries(this.perCols.map((c) => [c.key, {}]));
    this.newGroup();
  }

  newGroup(): void {
    this.group = Object.fromEntries(this.summed.map((c) => [c.key, 0]));
    this.groupUnits = Object.fromEntries(this.perCols.map((c) => [c.key, new Set<string>()]));
  }

  add(row: SheetRow): void {
    for (const c of this.at) {
      const v = c.value < 0 ? undefined : row[c.value];
      if (typeof v !== 'number') continue;
      this.total[c.key] += v;
      this.group[c.key] += v;
      if (c.per) {
        const unit = String((c.unit < 0 ? undefined : row[c.unit]) ?? '');
        this.perUnit[c.key][unit] = (this.perUnit[c.key][unit] ?? 0) + v;
        this.groupUnits[c.key].add(unit);
      }
    }
  }
}
