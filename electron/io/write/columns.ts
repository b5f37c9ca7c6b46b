import type Database from 'better-sqlite3';
import { maskIdNumber } from '../../values/idcard';
import type { SheetColumn } from '../sheets';
import { cellValue, shownText, textWidth } from './cells';
import type { Query, SheetValue } from './select';

/** A sheet's columns as printed: the optional ones that hold a value, each with its width. */
export type MeasuredColumns = { cols: SheetColumn[]; widths: number[] };

/** A short header stays on one line; a mark column's (经济状况) and a long one's wrap onto two. */
function headerWidth(c: SheetColumn): number {
  const w = textWidth(c.header);
  return c.type === 'mark' || w > 10 ? Math.ceil(w / 2) + 2.5 : w + 1.5;
}

/** Free text wraps beyond 40; other values (18-digit IDs, dates) stay whole up to 60. */
const cap = (c: SheetColumn) => (c.type === 'text' ? 40 : 60);

/** The width one value needs in its column: its shown text's, plus a little room; null for an empty cell. */
function valueWidth(c: SheetColumn, raw: SheetValue, mask: boolean): number | null {
  const v = cellValue(c, mask && c.type === 'id' && typeof raw === 'string' ? maskIdNumber(raw) : raw);
  return v === null ? null : Math.ceil(textWidth(shownText(c, v))) + 2;
}

/**
 * The first of the writer's two passes over the rows: a streamed sheet must state its column widths
 * before its first row, so the widths are measured over every row first. One aggregate query does it
 * (an aggregate function registered on the connection takes each row's values once), without making
 * the rows into JavaScript rows. A width is at least the table's and the header's, wide enough for
 * the longest value up to the cap. An optional column (T1's 解除日期) is printed only when some row has
 * a value in it: the district's layout has no such column. `mask`: ID numbers as printed (隐去身份证号).
 */
export function measureColumns(sqlite: Database.Database, all: SheetColumn[], rows: Query, mask: boolean): MeasuredColumns & { total: number } {
  const selected = new Set(sqlite.prepare(rows.sql).columns().map((c) => c.name));
  const present = all.filter((c) => selected.has(c.key));
  const widest = present.map(() => 0);
  sqlite.aggregate('sheet_widths', {
    start: 0,
    varargs: true,
    step: (n: number, ...values: unknown[]) => {
      for (let k = 0; k < values.length; k++) {
        const w = values[k] === null ? null : valueWidth(present[k], values[k] as SheetValue, mask);
        if (w !== null && w > widest[k]) widest[k] = w;
      }
      return n + 1;
    },
  });
  const quoted = present.map((c) => `"${c.key}"`);
  // count(*) and not the aggregate's own count: with no rows at all, the aggregate is never stepped.
  const sql = `select count(*), ${present.length ? `sheet_widths(${quoted.join(', ')}), ${quoted.map((q) => `count(${q})`).join(', ')}` : 'null'} from (${rows.sql})`;
  const got = sqlite.prepare(sql).raw().get(...rows.params) as (number | null)[];
  const longest = all.map((c) => widest[present.indexOf(c)] ?? 0);
  const filled = all.map((c) => present.includes(c) && (got[2 + present.indexOf(c)] ?? 0) > 0);
  const cols: SheetColumn[] = [];
  const widths: number[] = [];
  all.forEach((c, i) => {
    if (c.optional && !filled[i]) return;
    const base = Math.max(c.width, headerWidth(c));
    cols.push(c);
    // As the in-memory writer had it: any value caps the width (min(cap, max(width, value))).
    widths.push(longest[i] > 0 ? Math.min(cap(c), Math.max(base, longest[i])) : base);
  });
  return { cols, widths, total: got[0] ?? 0 };
}
