import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callMethod } from '../../electron/api/dispatch';
import { DiskCopies } from '../../electron/io/import/on-disk';
import { importFiles } from '../../electron/io/import/run';
import type { ImportReport } from '../../electron/io/import/types';
import { idNumber, xlsxBytes } from '../helpers/sheets';
import { tempLedger, type TestLedger } from '../helpers/ledger';

let t: TestLedger;
let dir: string;
beforeEach(() => { t = tempLedger(); dir = mkdtempSync(join(tmpdir(), 'on-disk-')); });
afterEach(() => { t.close(); rmSync(dir, { recursive: true, force: true }); });

const aid = (head: string, id: string) => xlsxBytes([{ name: '慰问', rows: [
  ['发放日期', '发放单位', '村', '户主姓名', '身份证号码', '物资名称', '数量', '计量单位', '折合金额(元)'],
  ['2014-01-25', '上坝镇机关', '营尔村', head, id, '现金', 300, '元', 300],
] }]);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const heads = () => (t.ctx.ledger.sqlite.prepare('select head from households order by id').all() as { head: string }[]).map((h) => h.head);

describe('a file imported by its path', () => {
  it('imports the content its digest names, even when the file is replaced after it was hashed', async () => {
    const path = join(dir, '上坝镇机关-慰问.xlsx');
    const first = aid('石学', idNumber('19650208', 714));
    const later = aid('汪宝', idNumber('19570701', 181));
    writeFileSync(path, first);
    const copies = new DiskCopies();
    try {
      const file = copies.take('上坝镇机关-慰问.xlsx', path);
      // The unit's file changes between the digest and the read (a second save, a copy over it).
      writeFileSync(path, later);
      const r = await importFiles(t.ctx.ledger.sqlite, [file], { dryRun: false });
      expect(r.files[0].sha256).toBe(sha(first));
      expect(r.totals.added).toBe(1);
      expect(heads()).toEqual(['石学']);
      const batch = t.ctx.ledger.sqlite.prepare('select files from import_batches where id = ?').get(r.batch) as { files: string };
      expect(JSON.parse(batch.files)).toEqual([{ name: '上坝镇机关-慰问.xlsx', sha256: sha(first) }]);
    } finally {
      copies.remove();
    }
  });

  it('leaves no copy behind once the import is over', async () => {
    const path = join(dir, '上坝镇机关-慰问.xlsx');
    writeFileSync(path, aid('石学', idNumber('19650208', 714)));
    const copies = new DiskCopies();
    const copy = copies.take('x.xlsx', path).path!;
    expect(existsSync(copy)).toBe(true);
    copies.remove();
    expect(existsSync(dirname(copy))).toBe(false);
    // Through the API (the CLI's way): the import's own copies are gone after it, the unit's file stays.
    // A temporary folder of this test's own: other imports running beside it use the shared one.
    const tmp = process.env.TMPDIR;
    process.env.TMPDIR = join(dir, 'tmp');
    mkdirSync(process.env.TMPDIR);
    try {
      const r = await callMethod(t.ctx, 'imports.commit', { files: [{ path }] }) as ImportReport;
      expect([r.totals.added, readdirSync(join(dir, 'tmp')).filter((n) => n.startsWith('ledger-import-'))]).toEqual([1, []]);
    } finally {
      if (tmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmp;
    }
    expect(existsSync(path)).toBe(true);
  });

  it('refuses a missing file as unreadable, but a temporary folder it cannot copy into stops the import with its own message', async () => {
    const missing = await callMethod(t.ctx, 'imports.commit', { files: [{ path: join(dir, '没有这个文件.xlsx') }] }) as ImportReport;
    expect(missing.files[0].error).toMatch(/^无法打开文件 .*没有这个文件\.xlsx：文件不存在或没有读取权限$/);
    const path = join(dir, '上坝镇机关-慰问.xlsx');
    writeFileSync(path, aid('石学', idNumber('19650208', 714)));
    const tmp = process.env.TMPDIR;
    process.env.TMPDIR = join(dir, '不存在的临时文件夹');
    try {
      await expect(callMethod(t.ctx, 'imports.commit', { files: [{ path }] })).rejects.toThrow(/ENOENT/);
    } finally {
      if (tmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmp;
    }
    expect(heads()).toEqual([]);
  });
});
