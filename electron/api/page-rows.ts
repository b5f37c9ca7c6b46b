/**
 * A page of a register as the grid loads it: the column names once, then each row as an array of values
 * in that order. Half the JSON of an object per row (the names are most of its text), so SQLite writes
 * it, the server sends it and the window reads it in half the time; `pageRows` makes the row objects.
 */
export type PageResult = { columns: string[]; rows: unknown[][]; total: number | null };

/** The limit a grid gives a page between two cuts (`pageCuts`): the id range alone bounds it. */
export const WHOLE_RANGE = 200000;

/** The rows of a page as objects keyed by column name, as `list` gives them. */
export function pageRows<R>(page: PageResult): R[] {
  const { columns } = page;
  const n = columns.length;
  return page.rows.map((values) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) row[columns[i]] = values[i];
    return row as R;
  });
}
