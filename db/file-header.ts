import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { LedgerFileError } from './ledger-file-error';

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** The first byte of a b-tree page: interior/leaf, index/table. */
const PAGE_TYPES = new Set([2, 5, 10, 13]);

function readAt(file: string, offset: number, length: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(length);
    const n = readSync(fd, buf, 0, length, offset);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Page 2 of a 4 KiB-page database still looks like a b-tree page: the file was SQLite before its header went. */
function looksLikePages(file: string, size: number): boolean {
  const pageSize = 4096;
  if (size < 2 * pageSize || size % pageSize !== 0) return false;
  const page = readAt(file, pageSize, 8);
  const cellStart = page.readUInt16BE(5);
  return PAGE_TYPES.has(page[0]) && (cellStart === 0 || cellStart <= pageSize);
}

/**
 * What the file's bytes alone say, read without SQLite (which would start writing to a 0-byte file):
 * empty, not SQLite, a SQLite file whose header was overwritten, or shorter than its header says.
 */
export function checkHeader(file: string): LedgerFileError | null {
  const size = statSync(file).size;
  if (size === 0) return new LedgerFileError('empty', file);
  const head = readAt(file, 0, 100);
  if (head.length < 100 || !head.subarray(0, 16).equals(MAGIC)) {
    return looksLikePages(file, size) ? new LedgerFileError('header', file) : new LedgerFileError('foreign', file);
  }
  const rawPageSize = head.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = head.readUInt32BE(28);
  // The page count in the header is trusted only when written by the same change as the counter (SQLite ≥ 3.7).
  const countValid = head.readUInt32BE(24) === head.readUInt32BE(92);
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return new LedgerFileError('header', file);
  if (countValid && pages > 0 && size < pages * pageSize) {
    return new LedgerFileError('truncated', file, `应有 ${(pages * pageSize).toLocaleString('en-US')} 字节，实际只有 ${size.toLocaleString('en-US')} 字节`);
  }
  if (size % pageSize !== 0) return new LedgerFileError('truncated', file, `文件长度 ${size.toLocaleString('en-US')} 字节不是整页`);
  return null;
}
