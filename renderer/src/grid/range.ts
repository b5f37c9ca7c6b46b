/** A rectangle of cells in displayed order (rows as shown after sort and filter, columns as shown). */
export type Cell = { row: number; col: number };
export type Rect = { r1: number; c1: number; r2: number; c2: number };

/**
 * The cell-range selection AG Grid Community lacks: an anchor where the selection started and the
 * cell it extends to (shift+click, shift+arrows, a mouse drag).
 */
export class RangeSelection {
  anchor: Cell | null = null;
  end: Cell | null = null;

  set(cell: Cell): void { this.anchor = cell; this.end = cell; }
  extend(cell: Cell): void { if (!this.anchor) this.anchor = cell; this.end = cell; }
  clear(): void { this.anchor = null; this.end = null; }

  rect(): Rect | null {
    if (!this.anchor || !this.end) return null;
    return {
      r1: Math.min(this.anchor.row, this.end.row), r2: Math.max(this.anchor.row, this.end.row),
      c1: Math.min(this.anchor.col, this.end.col), c2: Math.max(this.anchor.col, this.end.col),
    };
  }

  has(row: number, col: number): boolean {
    const r = this.rect();
    return !!r && row >= r.r1 && row <= r.r2 && col >= r.c1 && col <= r.c2;
  }

  /** More than the one active cell: worth drawing. */
  isBlock(): boolean {
    const r = this.rect();
    return !!r && (r.r1 !== r.r2 || r.c1 !== r.c2);
  }
}
