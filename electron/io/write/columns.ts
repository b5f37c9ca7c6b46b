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

/** Types whose cell is the value's own text (cellValue's `String(v)`; a masked ID number keeps its length). */
const TEXT_TYPES = new Set<SheetColumn['type']>(['id', 'phone', 'text', 'enum', 'date']);

/** Rows' ids measured at a time: a few steps for a sheet of any size, between which a cancel is heard. */
const STEPS = 16;
const MIN_SPAN = 8192;

/**
 * The first of the writer's two passes over the rows: a streamed sheet must state its column widths
 * before its first row, so the widths are measured over every row first. One aggregate function
 * registered on the connection takes each row's values once, without making the rows into JavaScript
 * rows; it runs over ranges of the rows' ids (a range narrows the query's own scan), and `between` is
 * awaited after each range: it reports how far the pass got and may stop it by throwing (取消). A width is at
 * least the table's and the header's, wide enough for the longest value up to the cap. An optional
 * column (T1's 解除日期) is printed only when some row has a value in it: the district's layout has no
 * such column. `mask`: ID numbers as printed (隐去身份证号). `rows` must select the sheet's `_id`.
 */
export async function measureColumns(sqlite: Database.Database, all: SheetColumn[], rows: Query, mask: boolean,
  between: (done: number, total: number) => Promise<void> | void = () => undefined): Promise<MeasuredColumns & { total: number }> {
  const selected = new Set(sqlite.prepare(rows.sql).columns().map((c) => c.name));
  const present = all.filter((c) => selected.has(c.key));
  const text = present.map((c) => TEXT_TYPES.has(c.type));
  const widest = present.map(() => 0);
  sqlite.aggregate('sheet_widths', {
    start: 0,
    varargs: true,
    step: (n: number, ...values: unknown[]) => {
      for (let k = 0; k < values.length; k++) {
        const v = values[k];
        // A text is at most 2 a character wide: one that cannot be wider than the widest is not measured.
        if (v === null || (text[k] && typeof v === 'string' && 2 * v.length + 2 <= widest[k])) continue;
        const w = valueWidth(present[k], v as SheetValue, mask);
        if (w !== null && w > widest[k]) widest[k] = w;
      }
      return n + 1;
    },
  });
  const quoted = present.map((c) => `"${c.key}"`);
  const [total, lo, hi] = sqlite.prepare(`select count(*), min(_id), max(_id) from (${rows.sql})`).raw().get(...rows.params) as [number, number | null, number | null];
  // count(*) and not the aggregate's own count: with no rows in a range, the aggregate is never stepped.
  const range = sqlite.prepare(`select count(*), ${present.length ? `sheet_widths(${quoted.join(', ')}), ${quoted.map((q) => `count(${q})`).join(', ')}` : 'null'}
    from (${rows.sql}) where _id >= ? and _id < ?`).raw();
  const filledCount = present.map(() => 0);
  let done = 0;
  if (lo !== null && hi !== null) {
    const span = Math.max(MIN_SPAN, Math.ceil((hi - lo + 1) / STEPS));
    for (let from = lo; from <= hi; from += span) {
      const got = range.get(...rows.params, from, from + span) as (number | null)[];
      done += got[0] ?? 0;
      present.forEach((_, k) => { filledCount[k] += got[2 + k] ?? 0; });
      await between(done, total);
    }
  }
  const longest = all.map((c) => widest[present.indexOf(c)] ?? 0);
  const filled = all.map((c) => present.includes(c) && filledCount[present.indexOf(c)] > 0);
  const cols: SheetColumn[] = [];
  const widths: number[] = [];
  all.forEach((c, i) => {
    if (c.optional && !filled[i]) return;
    const base = Math.max(c.width, headerWidth(c));
    cols.push(c);
    // As the in-memory writer had it: any value caps the width (min(cap, max(width, value))).
    widths.push(longest[i] > 0 ? Math.min(cap(c), Math.max(base, longest[i])) : base);
  });
  return { cols, widths, total };
}
