/**
 * One row of `npm run bench`'s table (issue 11): a piece of work, measured as it is now and beside the
 * floor it is compared with. Each `measure` runs once per call in a fresh child process (so peak memory
 * is its own); the harness calls it three times and prints medians.
 */
export type Sample = {
  ms: number;
  /** Rows the work handled, for rows per second. */
  rows?: number;
  /**
   * Peak memory in MB where the work ran in another process (a CLI, a browser's server); without it
   * the harness takes the measuring child's own peak RSS.
   */
  peakMb?: number;
};

export type BenchRow = {
  /** Short key for `npm run bench <key>` (`npm run bench grid` runs every row whose key starts with `grid-`). */
  key: string;
  work: string;
  /** What the floor is, in words (e.g. "SheetJS alone reading the same file, whole process"). */
  floorLabel: string;
  /** The target, in words, as the issue states it (e.g. "≤ 1.5×"). */
  target: string;
  /** Largest ratio now/floor that meets the target (undefined where the target is absolute). */
  maxRatio?: number;
  /** Absolute limits where the issue gives them (first rows < 0.5 s, memory < 300 MB…). */
  maxMs?: number;
  maxPeakMb?: number;
  /** Needs `npm run build` (the renderer in out/, built JavaScript) before it runs. */
  needsBuild?: boolean;
  /** Rows with the same setupKey share one setup directory, prepared once by the first of them. */
  setupKey?: string;
  /** Prepares inputs once (generated files, ledgers) in `dir`; both measures then use them. */
  setup?: (dir: string) => Promise<void>;
  measure: (dir: string) => Promise<Sample>;
  floor?: (dir: string) => Promise<Sample>;
};
