/**
 * A page of a register as the grid loads it: the column names once, then each row as an array of values
 * in that order. Half the JSON of an object per row (the names are most of its text), so SQLite writes
 * it, the server sends it and the window reads it in half the time; `pageRows` makes the row objects.
 */
export type PageResult = { columns: string[]; rows: unknown[][]; total: number | null; lastId?: number | null };

/** The limit a grid gives a page between two ids: the id range alone bounds it. */
export const WHOLE_RANGE = 200000;

/** The rows of a page as objects keyed by column name, as `list` gives them. */
export function pageRows<R>(page: PageResult): R[] {
  const { columns } = page;
  const n = columns.length;
  // Each row starts as a copy of one object with every column: all rows then share one shape and the
  // values are stored in place, about twice as fast (and less garbage) as growing an empty object key by key.
  const blank: Record<string, unknown> = {};
  for (const c of columns) blank[c] = null;
  const rows = page.rows;
  const out = new Array<R>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const values = rows[r];
    const row = { ...blank };
    for (let i = 0; i < n; i++) row[columns[i]] = values[i];
    out[r] = row as R;
  }
  return out;
}
