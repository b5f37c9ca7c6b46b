import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run';
import { dumpLedger, dumpTables } from '../helpers/dump';
import { tempLedger, type TestLedger } from '../helpers/ledger';
import { idNumber, xlsxBytes } from '../helpers/sheets';

const SAMPLES = join(ROOT, '..', 'shared', 'formats', 'samples');
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
let t: TestLedger;
beforeEach(() => { t = tempLedger(); });
afterEach(() => t.close());

const roster = (size: number) => b64(xlsxBytes([{ name: '帮扶户', rows: [
  ['村', '户主姓名', '身份证号码', '家庭人口', '户类型'],
  ['营尔村', '孟珍发', idNumber('19650208', 714), size, '贫困户'],
  ['营尔村', '汪宝', idNumber('19570701', 181), 3, '特殊户'],
] }]));

describe('import batches', () => {
  it('a preview writes nothing; a commit is recorded with its files, SHA-256 and counts', async () => {
    const before = dumpLedger(t.file);
    const preview = await t.api.imports.preview({ files: [{ name: '帮扶户.xlsx', base64: roster(2) }] });
    expect(preview.batch).toBeNull();
    expect(preview.totals.added).toBe(2);
    expect(dumpLedger(t.file)).toBe(before);
    const done = await t.api.imports.commit({ files: [{ name: '帮扶户.xlsx', base64: roster(2) }] });
    expect(done.batch).toBe(1);
    const [batch] = (await t.api.imports.batches({})).rows;
    expect(batch.files).toEqual([{ name: '帮扶户.xlsx', sha256: done.files[0].sha256 }]);
    expect(batch.files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((batch.summary as { totals: { added: number } }).totals.added).toBe(2);
    const audit = t.ctx.ledger.sqlite.prepare('select count(*) as n from audit_log where batch_id = 1').get() as { n: number };
    expect(audit.n).toBe(2);
  });

  it('rolls a batch back to exactly the ledger before it: added rows removed, changed rows restored', async () => {
    await t.api.imports.commit({ files: [{ name: 'a.xlsx', base64: roster(2) }] });
    const between = dumpTables(t.file);
    const second = await t.api.imports.commit({ files: [{ name: 'b.xlsx', base64: b64(readFileSync(join(SAMPLES, '帮扶户基本信息表.xlsx'))) }, { name: 'c.xlsx', base64: roster(5) }] });
    expect(second.batch).toBe(2);
    const plan = await t.api.imports.rollbackPlan({ batchId: 2 });
    expect(plan.blockers).toEqual([]);
    // The sample names both households of the first batch (same ID numbers) and changes them; the other 43 are new (row 26 has no head and is refused).
    expect(plan.restore).toEqual([{ table: 'households', label: '帮扶户', count: 2 }]);
    expect(plan.remove).toEqual([{ table: 'households', label: '帮扶户', count: 43 }]);
    expect(await t.api.imports.rollback({ batchId: 2 })).toEqual({ removed: 43, restored: 2 });
    // Every register as it was; only the history (audit log, batch list) records the import and its rollback.
    const { audit_log: _a, import_batches: _b, ...after } = dumpTables(t.file);
    const { audit_log: _c, import_batches: _d, ...expected } = between;
    expect(after).toEqual(expected);
    expect((await t.api.imports.batches({})).rows[0].rolledBackAt).toMatch(/^\d{4}-/);
    await expect(t.api.imports.rollback({ batchId: 2 })).rejects.toThrow(/撤销过/);
  });

  it('refuses a rollback that would clobber a later edit, and says which', async () => {
    await t.api.imports.commit({ files: [{ name: 'a.xlsx', base64: roster(2) }] });
    const { rows } = await t.api.households.list({ search: '孟珍发' });
    await t.api.households.update({ id: rows[0].id, patch: { size: 7 } });
    const plan = await t.api.imports.rollbackPlan({ batchId: 1 });
    expect(plan.blockers.join('')).toContain('手工修改');
    await expect(t.api.imports.rollback({ batchId: 1 })).rejects.toThrow(/无法撤销第 1 批导入/);
    expect((await t.api.households.list({})).total).toBe(2);
  });

  it('undoes imports newest first: after the later batch is rolled back, the earlier one can be too', async () => {
    const { audit_log: _a, import_batches: _b, ...empty } = dumpTables(t.file);
    await t.api.imports.commit({ files: [{ name: 'a.xlsx', base64: roster(2) }] });
    await t.api.imports.commit({ files: [{ name: 'b.xlsx', base64: roster(5) }] });
    expect((await t.api.imports.rollbackPlan({ batchId: 1 })).blockers.join('')).toContain('第 2 批导入');
    await t.api.imports.rollback({ batchId: 2 });
    expect((await t.api.imports.rollbackPlan({ batchId: 1 })).blockers).toEqual([]);
    await t.api.imports.rollback({ batchId: 1 });
    const { audit_log: _c, import_batches: _d, ...after } = dumpTables(t.file);
    expect(after).toEqual(empty);
  });
});
