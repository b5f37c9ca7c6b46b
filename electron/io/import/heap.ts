import { setFlagsFromString } from 'node:v8';

/**
 * Runs an import with V8's heap kept close to what it really holds, so that the importing process's
 * memory is the same for a district's file as for a township's.
 *
 * By default V8 lets the old generation grow to about four times what survived its last full
 * collection before collecting again (measured with --trace-gc on a 100,000-plot import: 20 MB live,
 * 87 MB before the next one); here it grows by half. That alone still left the old generation free
 * to grow by at least 8 MB plus the young generation's size past the live heap (V8's fixed minimum
 * step), and the young generation at its full 2 × 16 MB: a 20,000-plot import ended before the
 * sawtooth reached its top, a 100,000-plot one did not (peak 148 MB beside 159 MB). Optimizing for
 * size makes V8 grow the old generation by 2 MB steps and shrink the young one after collections
 * (measured under load: 126–132 MB at 20,000 plots, 129–138 MB at 100,000). Its cost is collections:
 * about 5% more CPU at 20,000 plots (85–100 of them instead of 37), none measurable at 100,000.
 * Both flags are read at every collection; they are put back after.
 */
export async function withTightHeap<T>(work: () => Promise<T>): Promise<T> {
  const sized = process.execArgv.includes('--optimize-for-size');
  setFlagsFromString('--heap-growing-percent=50');
  setFlagsFromString('--optimize-for-size');
  try {
    return await work();
  } finally {
    setFlagsFromString('--heap-growing-percent=0');
    if (!sized) setFlagsFromString('--no-optimize-for-size');
  }
}
