import { describe, expect, it } from 'vitest';
import { decodeText, parseCsv } from '../../electron/io/read/csv';
import { ReadRefusal } from '../../electron/io/read/types';
import { parseWorkbook } from '../../electron/io/read/workbook';

/** A zip with stored entries, whose central directory may claim other sizes than the data has (a zip bomb's trick). */
function zip(entries: { name: string; data: string; claimedSize?: number }[]): Buffer {
  const locals: Buffer[] = [], central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name), data = Buffer.from(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0); cd.writeUInt16LE(20, 4); cd.writeUInt16LE(20, 6); cd.writeUInt32LE(data.length, 20);
    cd.writeUInt32LE(e.claimedSize ?? data.length, 24); cd.writeUInt16LE(name.length, 28); cd.writeUInt32LE(offset, 42);
    locals.push(local, name, data); central.push(cd, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10); end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const refusal = async (f: () => unknown) => { try { await f(); } catch (e) { expect(e).toBeInstanceOf(ReadRefusal); return (e as Error).message; } throw new Error('not refused'); };

describe('reading files before any parser sees them', () => {
  it('refuses a zip whose parts would inflate past the limit, from the central directory alone', async () => {
    const bomb = zip([{ name: '[Content_Types].xml', data: '<x/>' }, { name: 'xl/worksheets/sheet1.xml', data: 'x', claimedSize: 0xfffffff0 }]);
    expect(await refusal(() => parseWorkbook(bomb, 'bomb.xlsx'))).toMatch(/解压后有 \d+ MB，超过导入上限/);
  });

  it('refuses a plain zip, an empty file, a truncated xlsx and text under an .xls name, each saying why', async () => {
    expect(await refusal(() => parseWorkbook(zip([{ name: 'readme.txt', data: 'hi' }]), 'a.zip'))).toContain('普通的压缩包');
    expect(await refusal(() => parseWorkbook(new Uint8Array(), 'a.xlsx'))).toContain('空的');
    const whole = zip([{ name: '[Content_Types].xml', data: '<x/>' }]);
    expect(await refusal(() => parseWorkbook(whole.subarray(0, whole.length - 30), 'a.xlsx'))).toContain('不完整');
    expect(await refusal(() => parseWorkbook(Buffer.from('Attachment not included'), 'a.xls'))).toContain('不是表格');
  });

  it('decodes CSV: UTF-8 with or without BOM, else GB18030; never mojibake', () => {
    const text = '户主姓名,村\r\n何娟,营尔村\r\n';
    expect(decodeText(Buffer.from(text)).text).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])).text).toBe(text);
    // 何娟 in GBK (iconv -t gbk): BA CE BE EA
    expect(decodeText(Buffer.from([0xba, 0xce, 0xbe, 0xea])).text).toBe('何娟');
  });

  it('parses CSV fields as text: quoted commas and line breaks, CR-only lines, 18-digit numbers kept whole', async () => {
    expect((await parseCsv(Buffer.from('a,"b,c","d\ne"\r620902194111132758,,"x""y"\r'))).rows).toEqual([
      ['a', 'b,c', 'd\ne'], ['620902194111132758', null, 'x"y'],
    ]);
  });
});
