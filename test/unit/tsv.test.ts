import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from '../../renderer/src/grid/tsv';

describe('clipboard text as Excel and WPS write it', () => {
  it('splits cells by tab and rows by CR LF, ignoring the final line break', () => {
    expect(parseTsv('王芳\t新上村\r\n李强\t光辉村\r\n')).toEqual([['王芳', '新上村'], ['李强', '光辉村']]);
  });
  it('keeps empty cells, including a trailing one', () => {
    expect(parseTsv('a\t\tc\r\n\tb\t\r\n')).toEqual([['a', '', 'c'], ['', 'b', '']]);
  });
  it('reads a quoted cell holding a line break and doubled quotes', () => {
    expect(parseTsv('"第一行\n第二行"\t"他说""好"""\r\nx\ty\r\n')).toEqual([['第一行\n第二行', '他说"好"'], ['x', 'y']]);
  });
  it('leaves a quote inside plain text alone', () => {
    expect(parseTsv('3" 管\tb\n')).toEqual([['3" 管', 'b']]);
  });
  it('writes what it reads', () => {
    const block = [['王芳', '第一行\n第二行', ''], ['"引号"', '2,710.00', '√']];
    expect(toTsv(block)).toBe('王芳\t"第一行\n第二行"\t\r\n"""引号"""\t2,710.00\t√\r\n');
    expect(parseTsv(toTsv(block))).toEqual(block);
  });
});
