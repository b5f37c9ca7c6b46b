import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseWorkbook } from '../../electron/io/read/workbook';
import { streamXlsxSheet, type SheetHead } from '../../electron/io/read/xlsx-stream';
import { inMemory } from '../../electron/io/read/zip';
import { bigLandSheet } from '../helpers/generate';
import { ROOT } from '../helpers/run';
import { xlsxBytes } from '../helpers/sheets';

const SAMPLES = join(ROOT, '..', 'shared', 'formats', 'samples');
const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e as Error).message);

/** A zip of these parts, each deflated, with the sizes its directory states (the real ones unless given). */
function zip(parts: { name: string; text?: string; data?: Buffer; size?: number }[]): Buffer {
  const locals: Buffer[] = [], central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const data = p.data ?? deflateRawSync(Buffer.from(p.text ?? ''));
    const size = p.size ?? Buffer.byteLength(p.text ?? '');
    const name = Buffer.from(p.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18); local.writeUInt32LE(size, 22); local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0); cd.writeUInt16LE(20, 4); cd.writeUInt16LE(20, 6); cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(data.length, 20); cd.writeUInt32LE(size, 24); cd.writeUInt16LE(name.length, 28); cd.writeUInt32LE(offset, 42);
    locals.push(local, name, data); central.push(cd, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(parts.length, 8); end.writeUInt16LE(parts.length, 10); end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const WORKBOOK = [
  { name: '[Content_Types].xml', text: '<Types/>' },
  { name: 'xl/workbook.xml', text: '<workbook><sheets><sheet name="流转" sheetId="1" r:id="rId1"/></sheets></workbook>' },
  { name: 'xl/_rels/workbook.xml.rels', text: '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' },
];
/**
 * Raw deflate made of stored blocks only, so each piece's compressed bytes can be placed exactly: every piece
 * but the last is padded with empty stored blocks up to a whole MB, which the reader feeds the inflater at a
 * time, so the inflater hands each piece over as a chunk of its own (a piece of a few bytes included).
 */
function storedDeflate(pieces: string[]): Buffer {
  const MB = 1 << 20;
  const block = (data: Buffer, last: boolean) => {
    const h = Buffer.alloc(5);
    h[0] = last ? 1 : 0; h.writeUInt16LE(data.length, 1); h.writeUInt16LE(~data.length & 0xffff, 3);
    return Buffer.concat([h, data]);
  };
  return Buffer.concat(pieces.map((text, i) => {
    const data = Buffer.from(text, 'latin1');
    const last = i === pieces.length - 1;
    const blocks: Buffer[] = [];
    for (let at = 0; at < data.length || (last && at === 0); at += 65535) {
      blocks.push(block(data.subarray(at, at + 65535), last && at + 65535 >= data.length));
    }
    let size = blocks.reduce((n, b) => n + b.length, 0);
    if (!last) {
      if ((MB - size) % 5) throw new Error(`piece ${i}: ${MB - size} bytes of padding is not whole empty blocks`);
      for (; size < MB; size += 5) blocks.push(block(Buffer.alloc(0), false));
    }
    return Buffer.concat(blocks);
  }));
}
const sheetXml = (rows: string) => `<worksheet><sheetData>${rows}</sheetData></worksheet>`;

describe('the streaming xlsx reader (big workbooks)', () => {
  it('reads the samples and a generated 土地流转台账 exactly as SheetJS does: values, merged headers, hidden sheets', async () => {
    const files = ['上坝镇机关-双联台账.xlsx', '区统计局-双联台账.xlsx', '土地流转台账.xlsx', '帮扶户基本信息表.xlsx', '慰问物资发放登记表.xlsx']
      .map((f) => readFileSync(join(SAMPLES, f)));
    const hidden = xlsxBytes([{ name: '说明', rows: [['填表说明', 1.5, true]], hidden: true }, { name: '数据', rows: [['a', null, '=1']] }], { excel: true });
    for (const bytes of [...files, bigLandSheet(3000), hidden]) {
      const streamed = await parseWorkbook(bytes, 'a.xlsx', { stream: true });
      expect(streamed).toEqual(await parseWorkbook(bytes, 'a.xlsx', { stream: false }));
    }
    const land = await parseWorkbook(bigLandSheet(3000), 'a.xlsx', { stream: true });
    // Title, 填报单位, two header rows, 3,000 plots, 合计; 四至 merged over 东南西北.
    expect(land.sheets[0].rows.length).toBe(3005);
    expect(land.sheets[0].merges).toContainEqual({ r1: 2, c1: 6, r2: 2, c2: 9 });
    expect(land.sheets[0].rows[4].slice(0, 5)).toEqual([1, '新上村', '一组', '户主1', expect.stringMatching(/^62090219400101\d{4}$/)]);
  });

  it('reads shared strings with entities, rich runs and phonetic guides left out, inline strings and numbers', async () => {
    const wb = zip([...WORKBOOK,
      { name: 'xl/sharedStrings.xml', text: '<sst><si><t>张&amp;李</t></si><si><r><t>户主</t></r><r><t xml:space="preserve">姓名 </t></r><rPh><t>ヨミ</t></rPh></si></sst>' },
      { name: 'xl/worksheets/sheet1.xml', text: sheetXml('<row r="2"><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>0</v></c></row><row r="3"><c r="A3"><v>2.5</v></c><c r="C3" t="inlineStr"><is><t>x&lt;y</t></is></c><c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><v>#N/A</v></c></row>') },
    ]);
    const book = await parseWorkbook(wb, 'a.xlsx', { stream: true });
    expect(book.sheets[0]).toEqual({ name: '流转', hidden: false, merges: [], rows: [[], [null, '户主姓名 ', '张&李'], [2.5, null, 'x<y', true, '#N/A']] });
  });

  it('keeps the limits: a part that inflates past its stated size, rows past the limit', async () => {
    // 5 MB stated (big enough to be streamed), 40 MB of zeros inside.
    const block = deflateRawSync(Buffer.alloc(4 * 1024 * 1024), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
    const lying = zip([...WORKBOOK, { name: 'xl/worksheets/sheet1.xml', data: Buffer.concat([...Array(10).fill(block), deflateRawSync(Buffer.alloc(0))]), size: 5 * 1024 * 1024 }]);
    expect(await refusal(parseWorkbook(lying, '区统计局.xlsx'))).toContain('超过了文件自己声明的大小');
    const far = zip([...WORKBOOK, { name: 'xl/worksheets/sheet1.xml', text: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row><row r="300001"><c r="A300001"><v>1</v></c></row>') }]);
    expect(await refusal(parseWorkbook(far, 'a.xlsx', { stream: true }))).toBe('工作表“流转”超过 300,000 行，超过导入上限；请拆分后再导入');
    // Rows that only carry styles do not count; a district's 150,000 rows do not reach the limit.
    const styled = zip([...WORKBOOK, { name: 'xl/worksheets/sheet1.xml', text: sheetXml('<row r="150000"><c r="A150000"><v>7</v></c></row><row r="900000"><c r="A900000" s="1"/></row>') }]);
    expect((await parseWorkbook(styled, 'a.xlsx', { stream: true })).sheets[0].rows.length).toBe(150_000);
  });
  it('finds a streamed sheet\'s merges wherever the end of its rows falls against the inflated megabytes', async () => {
    // The inflater hands the part over a MB at a time: </sheetData> before, across and after that seam.
    const MB = 1024 * 1024;
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>村</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row>';
    for (const at of [MB - 40, MB - 12, MB - 5, MB - 1, MB, MB + 3]) {
      const head = '<worksheet><sheetData>' + rows;
      const text = head + ' '.repeat(at - head.length) + '</sheetData><mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells></worksheet>';
      expect(text.indexOf('</sheetData>')).toBe(at);
      const wb = zip([...WORKBOOK, { name: 'xl/worksheets/sheet1.xml', text }]);
      let seen: SheetHead | undefined;
      const got: unknown[] = [];
      const streamed = await streamXlsxSheet(inMemory(wb), { head: (h) => { seen = h; }, rows: async (b) => { got.push(...b.rows); } });
      expect(streamed).toBe(true);
      expect({ at, merges: seen?.merges }).toEqual({ at, merges: [{ r1: 0, c1: 0, r2: 1, c2: 1 }] });
      expect(got).toEqual([[0, ['村']], [1, [1]]]);
    }
  });
  it('finds the merges when </sheetData> comes spread over three inflated chunks, the middle one a few bytes', async () => {
    const MB = 1 << 20;
    const rows = '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>';
    // First piece: 16 stored blocks of 5 + n bytes fill exactly 1 MB; the second, 6 bytes, pads to a MB.
    const head = '<worksheet><sheetData>' + rows;
    const first = head + ' '.repeat(MB - 16 * 5 - head.length - '</she'.length) + '</she';
    const pieces = [first, 'etData', '><mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells></worksheet>'];
    const data = storedDeflate(pieces);
    const text = pieces.join('');
    const wb = zip([...WORKBOOK, { name: 'xl/worksheets/sheet1.xml', data, size: text.length }]);
    let seen: SheetHead | undefined;
    const got: unknown[] = [];
    expect(await streamXlsxSheet(inMemory(wb), { head: (h) => { seen = h; }, rows: async (b) => { got.push(...b.rows); } })).toBe(true);
    expect(seen?.merges).toEqual([{ r1: 0, c1: 0, r2: 1, c2: 0 }]);
    expect(got).toEqual([[0, [1]], [1, [2]]]);
  });
});
