import { describe, expect, it } from 'vitest';
import type { Lookups } from '../../electron/api/meta';
import { comparatorFor, registerOrder, sortRows, valueCompare } from '../../renderer/src/grid/order';
import type { Row } from '../../renderer/src/registers/types';

// Villages in the township's order (as meta.lookups gives them: by sort, then code), groups by their sort.
const lk: Lookups = {
  township: null, units: [], cadres: [], zones: [],
  villages: [
    { id: 7, name: '新上村', code: '620902104200', groups: [{ id: 71, name: '一组' }, { id: 72, name: '二组' }, { id: 73, name: '十组' }] },
    { id: 3, name: '光辉村', code: '620902104201', groups: [{ id: 31, name: '一组' }, { id: 32, name: '二组' }] },
    { id: 1, name: '上红村', code: '620902104208', groups: [{ id: 11, name: '一组' }] },
  ],
};

describe('the grids\' sort orders', () => {
  it('sorts Chinese text by pinyin, empty cells last', () => {
    // By hand: 丁 ding, 龚 gong, 吕 lü, 王 wang; by code point 丁 U+4E01 < 吕 U+5415 < 王 U+738B < 龚 U+9F9A.
    expect(['王', '龚', '', '吕', '丁', null].sort(valueCompare)).toEqual(['丁', '龚', '吕', '王', '', null]);
  });
  it('sorts villages in the township order and groups by number, whatever their ids or pinyin', () => {
    const rows: Row[] = [
      { id: 1, villageId: 1, villageName: '上红村', groupId: 11, groupName: '一组' },
      { id: 2, villageId: 7, villageName: '新上村', groupId: 73, groupName: '十组' },
      { id: 3, villageId: 3, villageName: '光辉村', groupId: 32, groupName: '二组' },
      { id: 4, villageId: 7, villageName: '新上村', groupId: 71, groupName: '一组' },
    ];
    expect(sortRows(rows, [{ field: 'villageId', dir: 'asc' }, { field: 'groupId', dir: 'asc' }], lk).map((r) => r.id)).toEqual([4, 2, 3, 1]);
    const byGroup = comparatorFor('groupName', lk);
    const node = (data: Row) => ({ data }) as never;
    expect([...rows].sort((a, b) => byGroup(a.groupName, b.groupName, node(a), node(b))).map((r) => r.groupName)).toEqual(['一组', '一组', '二组', '十组']);
  });
  it('puts a whole register in its order the same way at 100,000 rows: empty places last, unknown villages after known ones, ties by id', () => {
    const rows: Row[] = [
      { id: 9, villageId: 99, groupId: null, head: '王' },
      { id: 6, villageId: 7, groupId: 71, head: '丁' },
      { id: 8, villageId: null, groupId: null, head: '龚' },
      { id: 5, villageId: 7, groupId: null, head: '吕' },
      { id: 4, villageId: 1, groupId: 11, head: '丁' },
      { id: 2, villageId: 7, groupId: 71, head: '王' },
    ];
    // By hand: 新上村 (first in the township) 一组 ids 2 and 6, then its household without a group; 上红村;
    // then a village the lookups do not know; a household without a village last.
    expect(sortRows(rows, [{ field: 'villageId', dir: 'asc' }, { field: 'groupId', dir: 'asc' }], lk).map((r) => r.id)).toEqual([2, 6, 5, 4, 9, 8]);
    // The same rows as a page brings them, in id order (sorted by counting their few keys): the same order.
    const byId = [...rows].sort((a, b) => a.id - b.id);
    expect(sortRows(byId, [{ field: 'villageId', dir: 'asc' }, { field: 'groupId', dir: 'asc' }], lk).map((r) => r.id)).toEqual([2, 6, 5, 4, 9, 8]);
    // Downwards, as the visits' dates run: the empty one first, then 5, 3, 3 (ties by id).
    const sized: Row[] = [{ id: 1, size: 3 }, { id: 2, size: null }, { id: 3, size: 5 }, { id: 4, size: 3 }];
    expect(sortRows(sized, [{ field: 'size', dir: 'desc' }], lk).map((r) => r.id)).toEqual([2, 3, 1, 4]);
    // Text keys take the general comparison: by pinyin (丁 ding, 龚 gong, 吕 lü, 王 wang), ties by id.
    expect(sortRows(rows, [{ field: 'head', dir: 'asc' }], lk).map((r) => r.id)).toEqual([4, 6, 8, 5, 2, 9]);
  });
  it('merges pages sorted as each arrived into the register\'s order, leaving out the rows the skip names', () => {
    const order = registerOrder([{ field: 'villageId', dir: 'asc' }, { field: 'groupId', dir: 'asc' }], lk);
    // Two pages by id, as the grid loads them; the first page's row 3 is also in the grid already.
    const page1: Row[] = [
      { id: 1, villageId: 1, groupId: 11 }, { id: 2, villageId: 7, groupId: 72 }, { id: 3, villageId: 3, groupId: 31 },
    ];
    const page2: Row[] = [
      { id: 4, villageId: 7, groupId: 71 }, { id: 5, villageId: null, groupId: null }, { id: 6, villageId: 7, groupId: 72 },
    ];
    const shownRow3: Row = { id: 3, villageId: 3, groupId: 31, head: '改过' };
    const merged = order.merge([order.run([shownRow3]), order.run(page1), order.run(page2)], (r) => r.id === 3 && r !== shownRow3);
    // By hand: 新上村 一组 (4), 新上村 二组 (2, 6 by id), 光辉村 一组 (3, the shown one), 上红村 (1), no village (5).
    expect(merged.map((r) => r.id)).toEqual([4, 2, 6, 3, 1, 5]);
    expect(merged[3]).toBe(shownRow3);
    // Pages whose ids follow one another are put in order in one count: the same order, ties by id across pages.
    expect(order.merge([order.run(page1), order.run(page2)]).map((r) => r.id)).toEqual([4, 2, 6, 3, 1, 5]);
    // A text key takes the general comparison, merged the same way: by pinyin 丁 ding, 龚 gong, 王 wang.
    const byHead = registerOrder([{ field: 'head', dir: 'asc' }], lk);
    const named = (id: number, head: string): Row => ({ id, head });
    expect(byHead.merge([byHead.run([named(1, '王'), named(2, '丁')]), byHead.run([named(3, '龚')])]).map((r) => r.id)).toEqual([2, 3, 1]);
  });
});
