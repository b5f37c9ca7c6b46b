import type { IRowNode } from 'ag-grid-community';
import type { Lookups } from '../../../electron/api/meta';
import { zhCompare } from '../../../electron/values/zh-order';
import type { Row } from '../registers/types';

/**
 * The orders a WPS user expects: Chinese text by pinyin (丁 < 龚 < 吕, not by character code), villages
 * in the township's own order (新上村 … 上红村, by their sort and statistical code) and groups by
 * number (一组 … 七组 … 十二组), empty cells last.
 */
export type Compare = (a: unknown, b: unknown, na?: IRowNode<Row>, nb?: IRowNode<Row>) => number;

const empty = (v: unknown) => v === null || v === undefined || v === '';

export function valueCompare(a: unknown, b: unknown): number {
  if (empty(a) || empty(b)) return empty(a) === empty(b) ? 0 : empty(a) ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a) - Number(b);
  return zhCompare(String(a), String(b));
}

/** Each village's and group's place in the township's own order. */
export function ranks(lk: Lookups) {
  const village = new Map<number, number>();
  const group = new Map<number, number>();
  lk.villages.forEach((v, i) => {
    village.set(v.id, i);
    v.groups.forEach((g, j) => group.set(g.id, j));
  });
  return { village, group };
}

/** How the column showing `field` sorts (villageName by the row's village, groupName by its group …). */
export function comparatorFor(field: string, lk: Lookups): Compare {
  const r = ranks(lk);
  const byRank = (rank: Map<number, number>, idField: string, then?: Compare): Compare => (a, b, na, nb) => {
    const ia = na?.data ? (na.data[idField] as number | null) : (a as number | null);
    const ib = nb?.data ? (nb.data[idField] as number | null) : (b as number | null);
    const c = valueCompare(ia === null || ia === undefined ? null : rank.get(ia) ?? 1e9, ib === null || ib === undefined ? null : rank.get(ib) ?? 1e9);
    return c || (then ? then(a, b, na, nb) : 0);
  };
  if (field === 'villageName' || field === 'villageId') return byRank(r.village, 'villageId');
  if (field === 'groupName' || field === 'groupId') return byRank(r.group, 'groupId', byRank(r.village, 'villageId'));
  return (a, b) => valueCompare(a, b);
}

/** Rows in a register's own order, compared as the grid's columns compare them (used before the grid sorts). */
export function sortRows(rows: Row[], order: { field: string; dir: 'asc' | 'desc' }[] | undefined, lk: Lookups | null): Row[] {
  if (!order?.length || !lk) return rows;
  const cmps = order.map((o) => ({ c: comparatorFor(o.field, lk), field: o.field, sign: o.dir === 'asc' ? 1 : -1 }));
  const node = (data: Row) => ({ data }) as IRowNode<Row>;
  return [...rows].sort((x, y) => {
    for (const { c, field, sign } of cmps) { const d = c(x[field], y[field], node(x), node(y)); if (d) return sign * d; }
    return x.id - y.id;
  });
}
