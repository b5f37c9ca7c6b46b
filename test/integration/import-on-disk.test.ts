import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
    const before = readdirSync(tmpdir()).filter((n) => n.startsWith('ledger-import-')).length;
    const r = await callMethod(t.ctx, 'imports.commit', { files: [{ path }] }) as ImportReport;
    expect([r.totals.added, readdirSync(tmpdir()).filter((n) => n.startsWith('ledger-import-')).length]).toEqual([1, before]);
    expect(existsSync(path)).toBe(true);
  });
});
