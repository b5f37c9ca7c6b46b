/** 2^20 bits (128 KB) whatever the ledger's size: at 100,000 keys about one key in ten not there is still looked up. */
const WORDS = 1 << 15;

/** FNV-1a: cheap, and keys that differ in one digit (ID numbers, contract numbers) land far apart. */
function bitOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 12;
}

/**
 * Which keys (contract numbers, ID numbers …) the ledger may hold, so that the look-up of a key it
 * cannot hold is spared: a file of new records asks the ledger once per row for what is not there.
 * A bit per hash of a key: a clear bit means no such key; a set one may be another key's, and the
 * caller looks up as it would without the filter. The filter is filled from the ledger only once
 * `after` keys were asked for (a small file asks its few look-ups of a big ledger directly); from then
 * on the import adds each key it writes. Valid while the import's transaction holds the ledger.
 */
export class KeyFilter {
  private bits: Uint32Array | null = null;
  private asked = 0;

  /**
   * `load` gives every key the caller's look-up could find, from the same rows (live ones, today): a key
   * it leaves out is a record the import would not find, and would add a second time.
   */
  constructor(private readonly load: () => Iterable<unknown>, private readonly after = 256) {}

  /** false: the ledger holds no such key; true: it may. */
  mayHave(key: string): boolean {
    if (this.bits === null) {
      if (++this.asked < this.after) return true;
      // Read now, inside the import's transaction: the keys its own rows wrote so far are among them.
      this.bits = new Uint32Array(WORDS);
      for (const k of this.load()) this.set(String(k));
    }
    const b = bitOf(key);
    return (this.bits[b >>> 5] & (1 << (b & 31))) !== 0;
  }

  /** A key the import wrote (before the filter is filled it is read with the rest). */
  add(key: string): void {
    if (this.bits !== null) this.set(key);
  }

  private set(key: string): void {
    const b = bitOf(key);
    this.bits![b >>> 5] |= 1 << (b & 31);
  }
}
