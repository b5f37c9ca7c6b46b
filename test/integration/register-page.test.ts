import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageRows, WHOLE_RANGE, type PageResult } from '../../electron/api/page-rows';
import { inProcessBackend } from '../../electron/backend/in-process';
import { groupId, tempLedger, villageId, type TestLedger } from '../helpers/ledger';

let t: TestLedger;
beforeEach(() => { t = tempLedger(); });
afterEach(() => t.close());

/** What a grid shows of a listed row: everything but the record's bookkeeping (when made, changed, deleted). */
const shown = (rows: Record<string, unknown>[]) => rows.map(({ createdAt: _c, updatedAt: _u, deleted_at: _d, deletedAt: _x, ...r }) => r);

/** The grid loads a register with `page`: it must show exactly the rows and values `list` gives. */
describe('a register read in pages for the grid', () => {
  async function fiveHouseholds() {
    const xs = villageId(t, '新上村');
    const made = [];
    for (const [head, extra] of [
      ['王芳', { incomeFen: '1200.50', groupId: groupId(t, '新上村', '一组'), idNumber: '620902195207298976' }],
      ['李强', { note: '说"好"\\n第二行', size: 3, labour: 2 }],
      ['赵兰', { phone: '13800000000' }],
      ['钱勇', {}],
      ['孙丽', { sex: '女', category: 'poor' }],
    ] as const) made.push(await t.api.households.create({ villageId: xs, head, ...extra }));
    await t.api.households.delete({ ids: [made[2].id] });
    return made;
  }

  it('gives the same rows as list, in id order, without the deleted ones, page after page', async () => {
    const made = await fiveHouseholds();
    const listed = (await t.api.households.list({ afterId: 0, limit: 100 })).rows;
    expect(listed.map((r) => r.head)).toEqual(['王芳', '李强', '钱勇', '孙丽']);

    const first = await t.api.households.page({ afterId: 0, limit: 2, count: true });
    expect(first.total).toBe(4);
    expect(pageRows(first)).toEqual(shown(listed.slice(0, 2)));
    const rest = await t.api.households.page({ afterId: pageRows<{ id: number }>(first)[1].id, limit: 2 });
    expect(rest.total).toBeNull();
    expect(pageRows(rest)).toEqual(shown(listed.slice(2, 4)));
    expect((await t.api.households.page({ afterId: made[4].id })).rows).toEqual([]);
  });

  it('names the largest id of a live row with the first page, where the grid cuts the rest into id ranges', async () => {
    const made = await fiveHouseholds();
    expect((await t.api.households.page({ afterId: 0, limit: 1, lastId: true })).lastId).toBe(made[4].id);
    // A deleted row is not one the grid loads: the ranges end at the last live one.
    await t.api.households.delete({ ids: [made[4].id] });
    expect((await t.api.households.page({ afterId: 0, limit: 1, lastId: true })).lastId).toBe(made[3].id);
    expect((await t.api.households.page({ afterId: 0, limit: 1 })).lastId).toBeUndefined();
  });

  it('gives the pages between ids as they are when asked for, after an edit too', async () => {
    const made = await fiveHouseholds();
    const cuts = await t.api.households.pageCuts({ first: 1, every: 2 });
    expect(cuts).toEqual({ ends: [made[0].id, made[3].id], total: 4 });
    await t.api.households.update({ id: made[4].id, patch: { note: '改过' } });
    // Pages as the grid asks for them: (one id, the next], then the open one after the last.
    const between = pageRows<{ head: string }>(await t.api.households.page({ afterId: made[0].id, untilId: made[3].id, limit: WHOLE_RANGE }));
    expect(between.map((r) => r.head)).toEqual(['李强', '钱勇']);
    const last = pageRows<{ head: string; note: string | null }>(await t.api.households.page({ afterId: made[3].id, limit: 2 }));
    expect(last.map((r) => [r.head, r.note])).toEqual([['孙丽', '改过']]);
    // Asked again after another edit, a page shows it.
    await t.api.households.update({ id: made[1].id, patch: { note: '又改' } });
    const again = pageRows<{ head: string; note: string | null }>(await t.api.households.page({ afterId: made[0].id, untilId: made[3].id, limit: WHOLE_RANGE }));
    expect(again.map((r) => [r.head, r.note])).toEqual([['李强', '又改'], ['钱勇', null]]);
  });

  it('over HTTP answers with the JSON SQLite wrote, the same rows once parsed', async () => {
    await fiveHouseholds();
    const listed = (await t.api.households.list({ afterId: 0, limit: 100 })).rows;
    const backend = inProcessBackend(t.ctx);
    const reply = await backend.call('households.page', { count: true }, { transport: 'http' });
    expect('json' in reply).toBe(true);
    const parsed = JSON.parse((reply as { json: string }).json) as { result: PageResult };
    expect(parsed.result.total).toBe(4);
    expect(pageRows(parsed.result)).toEqual(shown(listed));
    // Other transports get the same page as values.
    const ipc = await backend.call('households.page', {}, { transport: 'ipc' }) as { result: PageResult };
    expect(ipc.result.total).toBeNull();
    expect(pageRows(ipc.result)).toEqual(shown(listed));
  });
});
