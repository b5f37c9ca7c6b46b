import { describe, expect, it } from 'vitest';
import { IdSet } from '../../electron/io/import/id-set';

describe('IdSet (the records an import has touched)', () => {
  it('holds exactly the ids added and not deleted, in any chunk, next to each other or far apart', () => {
    const s = new IdSet();
    const ids = [1, 2, 31, 32, 33, 65_535, 65_536, 65_537, 1_000_003, 2 ** 40 + 7, -1, -65_537];
    for (const id of ids) s.add(id);
    for (const id of ids) expect(s.has(id)).toBe(true);
    for (const id of [0, 3, 30, 34, 65_534, 65_538, 1_000_002, 2 ** 40 + 6, -2, -65_536]) expect(s.has(id)).toBe(false);
    s.delete(32);
    s.delete(65_536);
    s.delete(-1);
    expect([31, 32, 33, 65_535, 65_536, 65_537, -1].map((id) => s.has(id))).toEqual([true, false, true, true, false, true, false]);
  });
});
