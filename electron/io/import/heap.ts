import { setFlagsFromString } from 'node:v8';

/**
 * Runs an import with V8's heap kept close to what it really holds. By default V8 lets the old
 * generation grow to about four times what survived its last full collection before collecting again
 * (measured with --trace-gc on a 100,000-plot import: 20 MB live, 87 MB before the next one), so the
 * garbage of every row passed over (cells handed over, values bound to statements) and the report's
 * warnings, times four, lifted the importing process's memory with the file's size. Here it grows by
 * half: a full collection of this heap takes a few milliseconds. The flag is read at every
 * collection; the default (0: V8's own choice) is put back after.
 */
export async function withTightHeap<T>(work: () => Promise<T>): Promise<T> {
  setFlagsFromString('--heap-growing-percent=50');
  try {
    return await work();
  } finally {
    setFlagsFromString('--heap-growing-percent=0');
  }
}
