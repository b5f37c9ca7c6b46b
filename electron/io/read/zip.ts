import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { LIMITS, mb } from './limits';
import { ReadRefusal } from './types';

export type ZipEntry = { name: string; method: number; encrypted: boolean; compressed: number; size: number; offset: number };

const TRUNCATED = '文件不完整或已损坏（压缩结构缺失），可能下载或拷贝时中断了；请让报送单位重新发送';

/**
 * Where a zip's bytes are: in memory, or in a file read a range at a time, so that a big file's
 * reader never holds it whole (only the part it is inflating, a chunk at a time).
 */
export type ByteSource = { readonly size: number; bytes(start: number, end: number): Buffer };

export const inMemory = (buf: Buffer): ByteSource => ({ size: buf.length, bytes: (start, end) => buf.subarray(start, Math.min(end, buf.length)) });

/** A file opened for reading by ranges; `close` it when done. */
export function inFile(path: string): ByteSource & { close(): void } {
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  return {
    size,
    bytes(start, end) {
      const to = Math.min(end, size);
      if (to <= start) return Buffer.alloc(0);
      const out = Buffer.allocUnsafe(to - start);
      let n = 0;
      while (n < out.length) {
        const got = readSync(fd, out, n, out.length - n, start + n);
        if (got === 0) return out.subarray(0, n);
        n += got;
      }
      return out;
    },
    close: () => closeSync(fd),
  };
}

const asSource = (b: Buffer | ByteSource): ByteSource => (Buffer.isBuffer(b) ? inMemory(b) : b);

/** Where an entry's compressed data starts (after its local header, whose name and extra lengths may differ from the directory's). */
function dataStart(src: ByteSource, e: ZipEntry): number {
  const local = src.bytes(e.offset, e.offset + 30);
  if (local.length < 30) throw new ReadRefusal(TRUNCATED, 'entry beyond end');
  const start = e.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (start + e.compressed > src.size) throw new ReadRefusal(TRUNCATED, 'entry data beyond end');
  return start;
}

/** An entry's compressed bytes, whole (small parts). */
export function entryData(src: ByteSource, e: ZipEntry): Buffer {
  const start = dataStart(src, e);
  return src.bytes(start, start + e.compressed);
}

/** An entry's compressed bytes a MB at a time (big parts: a file source reads only this much at once). */
export function* entryChunks(src: ByteSource, e: ZipEntry): Generator<Buffer> {
  const start = dataStart(src, e);
  for (let at = start; at < start + e.compressed; at += 1 << 20) yield src.bytes(at, Math.min(at + (1 << 20), start + e.compressed));
}

/**
 * Reads a zip's central directory without inflating anything, so that sizes can be checked before
 * SheetJS (which inflates every part in memory) sees the file.
 */
export function zipDirectory(from: Buffer | ByteSource): ZipEntry[] {
  const src = asSource(from);
  // The end record lies in the last 64 KB (its comment at most that long); the directory before it.
  const tailAt = Math.max(0, src.size - 22 - 65535);
  const tail = src.bytes(tailAt, src.size);
  let endIn = -1;
  for (let i = tail.length - 22; i >= 0; i--) if (tail.readUInt32LE(i) === 0x06054b50) { endIn = i; break; }
  if (endIn < 0) throw new ReadRefusal(TRUNCATED, 'no end of central directory');
  const end = tailAt + endIn;
  let count = tail.readUInt16LE(endIn + 10);
  let cdOffset = tail.readUInt32LE(endIn + 16);
  if ((count === 0xffff || cdOffset === 0xffffffff) && end >= 20 && src.bytes(end - 20, end - 16).readUInt32LE(0) === 0x07064b50) {
    const z64 = Number(src.bytes(end - 12, end - 4).readBigUInt64LE(0));
    const rec = src.bytes(z64, z64 + 56);
    if (rec.length < 56 || rec.readUInt32LE(0) !== 0x06064b50) throw new ReadRefusal(TRUNCATED, 'bad zip64 end');
    count = Number(rec.readBigUInt64LE(32));
    cdOffset = Number(rec.readBigUInt64LE(48));
  }
  if (count > LIMITS.zipEntries) throw new ReadRefusal(`文件内部包含 ${count} 个部件，远超正常表格，已拒绝导入`);
  // The directory runs from its offset to the end record; offsets below are within `buf`, which starts there.
  const base = Math.min(cdOffset, src.size);
  const buf = src.bytes(base, src.size);
  const fileSize = src.size;
  const entries: ZipEntry[] = [];
  let p = cdOffset - base;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new ReadRefusal(TRUNCATED, 'bad central directory');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    let compressed = buf.readUInt32LE(p + 20);
    let size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28), extraLen = buf.readUInt16LE(p + 30), commentLen = buf.readUInt16LE(p + 32);
    let offset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    // Zip64: the real sizes sit in extra field 0x0001, in this order, for the fields that overflowed.
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd && x + 4 <= buf.length) {
      const id = buf.readUInt16LE(x), len = buf.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        if (size === 0xffffffff && q + 8 <= buf.length) { size = Number(buf.readBigUInt64LE(q)); q += 8; }
        if (compressed === 0xffffffff && q + 8 <= buf.length) { compressed = Number(buf.readBigUInt64LE(q)); q += 8; }
        if (offset === 0xffffffff && q + 8 <= buf.length) { offset = Number(buf.readBigUInt64LE(q)); }
      }
      x += 4 + len;
    }
    if (offset + 30 > fileSize) throw new ReadRefusal(TRUNCATED, 'entry beyond end');
    entries.push({ name, method, encrypted: (flags & 1) === 1, compressed, size, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Inflates one (small) entry, never past `max` bytes. */
export function zipEntryText(from: Buffer | ByteSource, e: ZipEntry, max = 4 * 1024 * 1024): string {
  if (e.size > max) throw new ReadRefusal(`文件内部部件 ${e.name} 过大`);
  const data = entryData(asSource(from), e);
  if (e.method === 0) return data.toString('utf8');
  if (e.method !== 8) throw new ReadRefusal('文件使用了不支持的压缩方式，请在 Excel 或 WPS 中另存为 .xlsx 后再导入');
  return inflateRawSync(data, { maxOutputLength: max }).toString('utf8');
}

/** Which spreadsheet a zip holds, refusing encrypted, oversized and non-spreadsheet archives. `entries`: its directory, when already read. */
export function checkZip(buf: Buffer | ByteSource, entries: ZipEntry[] = zipDirectory(buf)): 'xlsx' | 'ods' {
  if (entries.some((e) => e.encrypted)) throw new ReadRefusal('文件设有密码（已加密），请在 Excel 或 WPS 中取消密码后另存，再导入');
  const total = entries.reduce((s, e) => s + e.size, 0);
  if (total > LIMITS.unzippedBytes) {
    throw new ReadRefusal(`文件解压后有 ${mb(total)}，超过导入上限 ${mb(LIMITS.unzippedBytes)}；请按村或按单位拆分成几个文件再导入`);
  }
  const names = new Set(entries.map((e) => e.name.replace(/^\//, '')));
  if ([...names].some((n) => n.toLowerCase() === '[content_types].xml')) return 'xlsx';
  if (names.has('content.xml') || names.has('mimetype')) {
    const manifest = entries.find((e) => e.name === 'META-INF/manifest.xml');
    if (manifest && /encryption-data/.test(zipEntryText(buf, manifest))) {
      throw new ReadRefusal('文件设有密码（已加密），请在 WPS 或 LibreOffice 中取消密码后另存，再导入');
    }
    return 'ods';
  }
  throw new ReadRefusal('这是一个普通的压缩包，不是表格文件；请先解压，再选择其中的 Excel 表格导入');
}

/** Inflates a part, throwing the output away as it comes, and stops past `stopAt` bytes. */
function inflatedSize(data: Buffer, stopAt: number): Promise<number> {
  return new Promise((ok, fail) => {
    const z = createInflateRaw();
    let n = 0;
    z.on('data', (c: Buffer) => {
      n += c.length;
      if (n > stopAt) { z.destroy(); ok(n); }
    });
    z.on('end', () => ok(n));
    z.on('error', (e) => fail(new ReadRefusal('文件已损坏（压缩数据无法解开），请让报送单位重新导出后发送', e.message)));
    z.end(data);
  });
}

/**
 * The central directory's sizes are the file's own word: a crafted zip says 1,000 bytes and inflates
 * to gigabytes. Every compressed part is inflated once, counting what really comes out (nothing is
 * kept), and refused at the first byte past its stated size or past the limit for the whole file.
 */
export async function checkInflatedSizes(buf: Buffer): Promise<void> {
  let budget: number = LIMITS.unzippedBytes;
  for (const e of zipDirectory(buf)) {
    if (e.method === 0) { budget -= e.compressed; continue; }
    if (e.method !== 8) continue;
    const nameLen = buf.readUInt16LE(e.offset + 26), extraLen = buf.readUInt16LE(e.offset + 28);
    const start = e.offset + 30 + nameLen + extraLen;
    const data = buf.subarray(start, Math.min(buf.length, start + e.compressed));
    const stopAt = Math.min(e.size, budget);
    const n = await inflatedSize(data, stopAt);
    if (n > e.size) throw new ReadRefusal(`文件内部部件 ${e.name} 解压后超过了文件自己声明的大小（声明 ${e.size.toLocaleString('en-US')} 字节），文件异常，已拒绝导入`);
    if (n > budget) throw new ReadRefusal(`文件解压后超过导入上限 ${mb(LIMITS.unzippedBytes)}；请按村或按单位拆分成几个文件再导入`);
    budget -= n;
  }
}
