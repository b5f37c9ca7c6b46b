import { beforeAll, describe, expect, it } from 'vitest';
import { loadPinyin, matches, matchWords, rowSearchText } from '../../renderer/src/grid/search';

beforeAll(() => loadPinyin());
let row = '';
beforeAll(() => { row = rowSearchText(['新上村', '一组', '王芳', '620902195207298976'], [{ text: '王芳', person: true }, { text: '新上村', person: false }]); });

describe('quick find with pinyin', () => {
  it('finds 王芳 by initials, by full pinyin and by the characters', () => {
    expect(matches(row, matchWords('wf'))).toBe(true);
    expect(matches(row, matchWords('wangfang'))).toBe(true);
    expect(matches(row, matchWords('王芳'))).toBe(true);
    expect(matches(row, matchWords('WangFang'))).toBe(true);
  });
  it('needs every word typed, in any column', () => {
    expect(matches(row, matchWords('wf xsc'))).toBe(true);
    expect(matches(row, matchWords('wf 光辉'))).toBe(false);
    expect(matches(row, matchWords('6209021952'))).toBe(true);
  });
  it('does not match initials of another name', () => {
    expect(matches(row, matchWords('lq'))).toBe(false);
  });
  it('reads a surname as a surname: 单 is shan, 曾 is zeng', () => {
    const r = rowSearchText(['单雄', '曾国庆'], [{ text: '单雄', person: true }, { text: '曾国庆', person: true }]);
    expect(matches(r, matchWords('shanxiong'))).toBe(true);
    expect(matches(r, matchWords('zengguoqing'))).toBe(true);
  });
  it('takes ü typed as v: lv and lvyuwen find 吕玉文, nv finds 女 but lu and nu do not', () => {
    const r = rowSearchText(['吕玉文', '女娲'], [{ text: '吕玉文', person: true }, { text: '女娲', person: true }]);
    expect(matches(r, matchWords('lvyuwen'))).toBe(true);
    expect(matches(r, matchWords('lv'))).toBe(true);
    expect(matches(r, matchWords('nv'))).toBe(true);
    expect(matches(r, matchWords('luyuwen'))).toBe(false);
  });
});
