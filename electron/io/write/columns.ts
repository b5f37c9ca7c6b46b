import type { SheetColumn } from '../sheets';
import { cellValue, shownText, textWidth } from './cells';
import type { SheetRow } from './select';

/** A sheet's columns as printed: the optional ones that hold a value, each with its width. */
export type MeasuredColumns = { cols: SheetColumn[]; widths: number[] };

/** A short header stays on one line; a mark column's (经济状况) and a long one's wrap onto two. */
function headerWidth(c: SheetColumn): number {
  const w = textWidth(c.header);
  return c.type === 'mark' || w > 10 ? Math.ceil(w / 2) + 2.5 : w + 1.5;
}

/** Free text wraps beyond 40; other values (18-digit IDs, dates) stay whole up to 60. */
const cap = (c: SheetColumn) => (c.type === 'text' ? 40 : 60);

/**
 * The first of the writer's two passes over the rows: a streamed sheet must state its column widths
 * before its first row, so the widths are measured from every row first. A width is at least the
 * table's and the header's, wide enough for the longest value up to the cap. An optional column
 * (T1's 解除日期) is printed only when some row has a value in it: the district's layout has no such column.
 */
export class ColumnMeasure {
  private readonly longest: number[];
  private readonly filled: boolean[];

  constructor(private readonly all: SheetColumn[]) {
    this.longest = all.map(() => 0);
    this.filled = all.map(() => false);
  }

  add(rows: SheetRow[]): void {
    this.all.forEach((c, i) => {
      const limit = cap(c);
      let longest = this.longest[i];
      let filled = this.filled[i];
      for (const r of rows) {
        const raw = r[c.key];
        if (raw !== null && raw !== undefined) filled = true;
        if (longest >= limit) continue;
        const v = cellValue(c, raw);
        if (v !== null) longest = Math.max(longest, Math.ceil(textWidth(shownText(c, v))) + 2);
      }
      this.longest[i] = longest;
      this.filled[i] = filled;
    });
  }

  result(): MeasuredColumns {
    const cols: SheetColumn[] = [];
    const widths: number[] = [];
    this.all.forEach((c, i) => {
      if (c.optional && !this.filled[i]) return;
      const base = Math.max(c.width, headerWidth(c));
      cols.push(c);
      // As the in-memory writer had it: any value caps the width (min(cap, max(width, value))).
      widths.push(this.longest[i] > 0 ? Math.min(cap(c), Math.max(base, this.longest[i])) : base);
    });
    return { cols, widths };
  }
}
