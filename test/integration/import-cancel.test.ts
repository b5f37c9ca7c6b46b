import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../electron/api/define';
import { callMethod } from '../../electron/api/dispatch';
import { dumpLedger } from '../helpers/dump';
import { bigLandSheet } from '../helpers/generate';
import { tempLedger, type TestLedger } from '../helpers/ledger';

// 2,000 plots of 500 households: enough rows for several progress chunks (every 500 rows).
const land = { files: [{ name: '上坝镇机关-土地流转台账.xlsx', base64: bigLandSheet(2000).toString('base64') }] };
let t: TestLedger;
beforeEach(() => { t = tempLedger(); });
afterEach(() => t.close());

/** Calls a method as a window would: with a 取消 button (the signal) pressed once `when` sees the event. */
function cancelWhen(name: string, input: unknown, when: (e: ProgressEvent) => boolean) {
  const ac = new AbortController();
  const events: ProgressEvent[] = [];
  const call = callMethod({ ...t.ctx, signal: ac.signal, progress: (e) => { events.push(e); if (when(e)) ac.abort(); } }, name, input);
  return { call, events };
}
const count = (table: string) => (t.ctx.ledger.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe('cancelling an import or its rollback', () => {
  it('a commit cancelled while it writes leaves the ledger as it was: no plots, no batch, no history', async () => {
    const before = dumpLedger(t.file);
    const { call, events } = cancelWhen('imports.commit', land, (e) => e.step === '写入' && e.done >= 1000);
    await expect(call).rejects.toThrow('已取消：台账未作任何改动');
    // It was really writing when the cancel came: a thousand rows had gone through.
    expect(events.some((e) => e.step === '写入' && e.done === 1000 && e.total === 2000)).toBe(true);
    expect(dumpLedger(t.file)).toBe(before);
    expect((await t.api.imports.batches({})).total).toBe(0);
    // The ledger is usable afterwards: the same file imports whole.
    const done = await t.api.imports.commit(land);
    expect(done.totals).toMatchObject({ rows: 2000, added: 2000, errors: 0 });
    expect(count('land_plots')).toBe(2000);
  });

  it('reports the steps with row counts at least every 500 rows', async () => {
    const events: ProgressEvent[] = [];
    await callMethod({ ...t.ctx, progress: (e) => events.push(e) }, 'imports.preview', land);
    expect(events[0]).toMatchObject({ step: '读取' });
    const checking = events.filter((e) => e.step === '核对').map((e) => e.done);
    expect(checking).toEqual([0, 500, 1000, 1500, 2000, 2000]);
  });

  it('a rollback cancelled half-way leaves the batch in place, and can be done afterwards', async () => {
    const first = await t.api.imports.commit(land);
    const imported = dumpLedger(t.file);
    // 2,000 plots and 500 households: 2,500 rows to remove.
    const { call, events } = cancelWhen('imports.rollback', { batchId: first.batch! }, (e) => e.step === '撤销' && e.done >= 1000);
    await expect(call).rejects.toThrow('已取消');
    expect(events.some((e) => e.step === '撤销' && e.done === 1000 && e.total === 2500)).toBe(true);
    expect(dumpLedger(t.file)).toBe(imported);
    expect((await t.api.imports.batches({})).rows[0].rolledBackAt).toBeNull();
    expect(await t.api.imports.rollback({ batchId: first.batch! })).toEqual({ removed: 2500, restored: 0 });
    expect(count('land_plots')).toBe(0);
  });

  it('a record entered by hand for a household the batch added stands in the way of its rollback', async () => {
    const done = await t.api.imports.commit(land);
    const plan = await t.api.imports.rollbackPlan({ batchId: done.batch! });
    expect(plan.remove).toEqual([{ table: 'land_plots', label: '流转地块', count: 2000 }, { table: 'households', label: '帮扶户', count: 500 }]);
    expect(plan.blockers).toEqual([]);
    const household = (t.ctx.ledger.sqlite.prepare("select id from households where head = '户主7'").get() as { id: number }).id;
    await t.api.land.create({ householdId: household, areaCentimu: 250, mode: '出租', start: '2013-04-01' });
    const after = await t.api.imports.rollbackPlan({ batchId: done.batch! });
    expect(after.blockers).toEqual(['导入后又有其他记录（例如后来录入的走访或发放）用到了这批新增的户、干部或单位，撤销会使它们失去依据']);
    await expect(t.api.imports.rollback({ batchId: done.batch! })).rejects.toThrow('失去依据');
    expect(count('land_plots')).toBe(2001);
  });
});
