/**
 * Inflated bytes read between young-generation collections in the reading process. Node's inflater
 * hands each output chunk (up to a MB) over in a buffer of its own, freed only when a collection
 * finds it dead, and V8 starts collections by the JavaScript it allocates, which a pass over raw
 * bytes hardly does.
 */
export const COLLECT_EVERY = 8 * 1024 * 1024;

type Gc = (o: { type: 'minor' | 'major' }) => void;

/**
 * A young-generation collection (a millisecond or so at the reading process's 4 MB halves), where the
 * process was started with --expose-gc (forkReader does); elsewhere nothing.
 */
export function collectYoung(): void {
  (globalThis as { gc?: Gc }).gc?.({ type: 'minor' });
}
