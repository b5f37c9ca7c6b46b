/** Ids to a chunk of bits: 8 KB each. */
const CHUNK_BITS = 1 << 16;

/**
 * A set of record ids (SQLite rowids) kept as bits, a chunk of 65,536 ids at a time. An import marks
 * every record it adds or changes, and those ids run together (new records are numbered in turn), so
 * 100,000 of them take a few chunks (about 16 KB) where a Set of numbers took over 3 MB, growing
 * with the file.
 */
export class IdSet {
  private readonly chunks = new Map<number, Uint32Array>();

  has(id: number): boolean {
    const key = Math.floor(id / CHUNK_BITS);
    const bits = this.chunks.get(key);
    if (!bits) return false;
    const at = id - key * CHUNK_BITS;
    return (bits[at >>> 5] & (1 << (at & 31))) !== 0;
  }

  add(id: number): void {
    const key = Math.floor(id / CHUNK_BITS);
    let bits = this.chunks.get(key);
    if (!bits) this.chunks.set(key, (bits = new Uint32Array(CHUNK_BITS / 32)));
    const at = id - key * CHUNK_BITS;
    bits[at >>> 5] |= 1 << (at & 31);
  }

  delete(id: number): void {
    const key = Math.floor(id / CHUNK_BITS);
    const bits = this.chunks.get(key);
    if (!bits) return;
    const at = id - key * CHUNK_BITS;
    bits[at >>> 5] &= ~(1 << (at & 31));
  }
}
