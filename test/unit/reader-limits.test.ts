import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../electron/io/import/run';
import { WorkbookReader } from '../../electron/io/read/read';
import { ReadRefusal } from '../../electron/io/read/types';
import { tempLedger } from '../helpers/ledger';

/**
 * Deflate data for `n` × 4 MB of zeros, made without inflating anything: one 4 MB block ending on a
 * byte boundary (sync flush) repeated, then an empty final block. Every block refers back only to zeros.
 */
function zeros(n: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(4 * 1024 * 1024), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: n }, () => block), deflateRawSync(Buffer.alloc(0))]);
}

/** An xlsx-shaped zip whose central directory states `claimed` bytes for the sheet it deflates. */
function lyingXlsx(sheet: Buffer, claimed: number): Buffer {
  const parts = [{ name: '[Content_Types].xml', data: deflateRawSync('<Types/>'), size: 8 }, { name: 'xl/worksheets/sheet1.xml', data: sheet, size: claimed }];
  const locals: Buffer[] = [], central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.data.length, 18); local.writeUInt32LE(p.size, 22); local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0); cd.writeUInt16LE(20, 4); cd.writeUInt16LE(20, 6); cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(p.data.length, 20); cd.writeUInt32LE(p.size, 24); cd.writeUInt16LE(name.length, 28); cd.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data); central.push(cd, name);
    offset += 30 + name.length + p.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(parts.length, 8); end.writeUInt16LE(parts.length, 10); end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const readers: WorkbookReader[] = [];
afterAll(async () => { for (const r of readers) await r.close(); });

describe('the reading process: limits that hold', () => {
  it('refuses a 1.2 MB zip whose directory says 1,000 bytes and which inflates to 1.2 GB, at its stated size, in a reader capped at 250 MB', async () => {
    expect(inflateRawSync(zeros(2)).equals(Buffer.alloc(8 * 1024 * 1024))).toBe(true);
    const bomb = lyingXlsx(zeros(300), 1000);
    expect(bomb.length).toBeLessThan(1.5 * 1024 * 1024);
    const reader = new WorkbookReader(250);
    readers.push(reader);
    const refusal = await reader.read(bomb, '区统计局-双联台账.xlsx').then(() => null, (e: unknown) => e);
    expect(refusal).toBeInstanceOf(ReadRefusal);
    // Refused for what the file is, not because the reader ran out of memory.
    expect((refusal as Error).message).toContain('超过了文件自己声明的大小（声明 1,000 字节）');
    // The same reader reads the next file.
    expect((await reader.read(Buffer.from('户主姓名\n王芳\n'), 'a.csv')).sheets[0].rows).toEqual([['户主姓名'], ['王芳']]);
  }, 120_000);

  it('refuses the same zip telling the truth about its size, from the directory alone; nothing is written', async () => {
    const t = tempLedger();
    try {
      const bomb = lyingXlsx(zeros(300), 300 * 4 * 1024 * 1024);
      const r = await importFiles(t.ctx.ledger.sqlite, [{ name: 'bomb.xlsx', bytes: bomb }], { dryRun: false });
      expect(r.files[0].error).toMatch(/解压后有 1200 MB，超过导入上限 300 MB/);
      expect(r.batch ?? null).toBeNull();
      expect((t.ctx.ledger.sqlite.prepare('select count(*) as n from import_batches').get() as { n: number }).n).toBe(0);
    } finally {
      t.close();
    }
  });

  it('ends a reader that passes its memory cap (all of its memory, not only the heap), refuses the file, and reads on', async () => {
    const reader = new WorkbookReader(150);
    readers.push(reader);
    await reader.read(Buffer.from('a\n'), 'warm.csv');
    // 18 MB of text: the bytes, the decoded text and 300,000 strings need about 100 MB over the idle reader's 100 MB.
    const csv = Buffer.from(`${'x'.repeat(60)},`.repeat(6).concat('\n').repeat(50_000));
    const refusal = await reader.read(csv, '花名册.csv').then(() => null, (e: unknown) => e);
    expect(refusal).toBeInstanceOf(ReadRefusal);
    expect((refusal as Error).message).toContain('超出了内存上限');
    expect((await reader.read(Buffer.from('a\n'), 'again.csv')).format).toBe('csv');
  }, 180_000);
});
