import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../electron/api/client';
import { callMethod } from '../../electron/api/dispatch';
import { exampleContext } from '../helpers/ledger';
import { ledgerCli } from '../helpers/run';
import { pickOption, watchErrors } from './browser';
import { useWebSession } from './session';

/** What the ledger itself holds, asked through the CLI (not the screen). */
function cli<T>(method: string, input: unknown): T {
  const r = ledgerCli(['--db', session.db, '--json', 'call', method, JSON.stringify(input)]);
  if (r.code !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as T;
}
/** The machine is shared: give the screen time to catch up. */
const WAIT = { timeout: 15_000 };
const period = { from: '2014-01-01', to: '2014-06-30' };
type Report = { visits: { count: number }; aid: { deliveries: number }; pairing: { district: { poorHouseholds: number } } };

const session = useWebSession('recycle', async (db) => {
  const ctx = exampleContext(db);
  const api = createClient((name, input) => callMethod(ctx, name, input));
  const village = (name: string) => (ctx.ledger.sqlite.prepare('select id from villages where name = ?').get(name) as { id: number }).id;
  const wu = await api.households.create({ villageId: village('新上村'), head: '武荣强', category: 'poor' });
  const ma = await api.households.create({ villageId: village('旧墩村'), head: '马福贵', category: 'special' });
  const unit = await api.units.create({ name: '区统计局' });
  const cadre = await api.cadres.create({ unitId: unit.id, name: '何丽芳', rank: 'leader' });
  await api.pairings.create({ cadreId: cadre.id, householdId: wu.id, since: '2013-03-01' });
  await api.pairings.create({ cadreId: cadre.id, householdId: ma.id, since: '2013-03-01' });
  await api.visits.create({ date: '2014-03-06', cadreId: cadre.id, householdId: wu.id, knowFamily: true, content: '了解春耕备耕情况' });
  await api.visits.create({ date: '2014-05-12', cadreId: cadre.id, householdId: wu.id, careIllness: true });
  await api.aid.create({ date: '2014-01-20', unitId: unit.id, householdId: wu.id, item: '清油', quantityCenti: '2', measure: '桶', amountFen: '180' });
  await api.households.batch({ source: 'paste', ops: [{ op: 'update', id: ma.id, patch: { incomeFen: '2350.5', size: 4 } }] });
  await api.settings.set({ key: 'maskIdNumbers', value: true });
  ctx.ledger.close();
});
/** RECYCLE_SHOTS=/some/dir keeps the screenshots for a person to look at. */
const shots = process.env.RECYCLE_SHOTS ?? join(session.dir, 'shots');
mkdirSync(shots, { recursive: true });

async function open(page: Page, route: string) {
  await page.goto(`${session.url}#/${route}`);
}
const segment = (page: Page, label: string) => page.locator('.ant-segmented-item', { hasText: label }).click();

describe('browser mode: delete → 回收站 → 恢复', () => {
  let before: Report;

  it('the delete confirm names what goes with the household; after a reload 回收站 brings it all back', async () => {
    before = cli<Report>('reports.halfYear', period);
    expect(before.visits.count).toBe(2);
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 860 } });
    const errors = watchErrors(page);
    await open(page, 'registers/households');
    await page.locator('[data-testid="grid-households"][data-state="loaded"]').waitFor();
    const row = page.locator('.ag-row', { has: page.locator('[col-id="head"]', { hasText: '武荣强' }) }).first();
    await row.locator('[col-id="__row"]').click();
    await page.getByRole('button', { name: '删除行' }).click();
    await expect.poll(() => page.locator('.ant-modal-confirm-title').textContent(), WAIT).toBe('删除 1 条帮扶户记录？');
    expect(await page.getByTestId('delete-plan').textContent()).toContain('新上村 武荣强：1 个结对、2 次走访、1 次慰问将一并删除');
    await page.screenshot({ path: join(shots, 'delete-confirm.png') });
    await page.locator('.ant-modal-confirm-btns').getByRole('button', { name: /删\s*除/ }).click();
    await expect.poll(() => page.getByRole('status').textContent(), WAIT).toContain('共 1 户');
    expect(cli<Report>('reports.halfYear', period).visits.count).toBe(0);

    // F5: the grid's undo is gone; the recycle bin is not.
    await page.reload();
    await open(page, 'safety');
    await segment(page, '回收站');
    const item = page.getByTestId('recycle-bin').locator('.ant-table-row', { hasText: '新上村 武荣强' });
    await expect.poll(() => item.textContent(), WAIT).toContain('1 个结对、2 次走访、1 次慰问');
    expect(await item.textContent()).toContain('删除（编辑）');
    await item.locator('.ant-table-row-expand-icon').click();
    await expect.poll(() => page.getByTestId('recycle-bin').textContent(), WAIT).toContain('走访记录：2014-03-06 何丽芳 走访 新上村 武荣强');
    await page.screenshot({ path: join(shots, 'recycle-bin.png') });
    await item.getByRole('button', { name: /恢\s*复/ }).click();
    await expect.poll(() => page.locator('.ant-message').textContent(), WAIT).toContain('已恢复帮扶户“新上村 武荣强”及一并删除的 1 个结对、2 次走访、1 次慰问');
    await expect.poll(() => page.getByTestId('recycle-bin').textContent(), WAIT).toContain('回收站是空的');
    await expect.poll(() => page.getByRole('status').textContent(), WAIT).toContain('共 2 户');
    await page.screenshot({ path: join(shots, 'recycle-restored.png') });

    expect(cli<Report>('reports.halfYear', period)).toEqual(before);
    expect(cli<{ rows: { head: string }[] }>('households.list', {}).rows.map((r) => r.head).sort()).toEqual(['武荣强', '马福贵'].sort());
    expect(errors).toEqual([]);
    await page.close();
  });

  it('操作记录 reads as a clerk expects: no [object Object], no ids, no key names; filters by source', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchErrors(page);
    await open(page, 'safety');
    const log = page.getByTestId('audit-log');
    await expect.poll(() => log.locator('.ant-table-row').count(), WAIT).toBeGreaterThan(10);
    await page.screenshot({ path: join(shots, 'audit-log.png') });
    const text = (await log.locator('.ant-table-tbody').textContent()) ?? '';
    expect(text).toContain('打印时隐藏身份证号：否 → 是');
    expect(text).toContain('年人均纯收入：空 → 2,350.50 元');
    expect(text).toContain('随帮扶户“新上村 武荣强”一并恢复');
    // Everything shown is Chinese, digits and punctuation: no key name, no [object Object], no null.
    expect(text).not.toMatch(/[A-Za-z]/);
    const records = await log.locator('.ant-table-row td:nth-child(3)').allTextContents();
    expect(records.filter((r) => /^\s*\d+\s*$/.test(r))).toEqual([]);

    await pickOption(page, '来源', '回收站');
    await expect.poll(async () => [...new Set(await log.locator('.ant-table-row td:nth-child(5)').allTextContents())], WAIT).toEqual(['回收站']);
    expect(await log.locator('.ant-table-row').count()).toBe(5);
    await page.screenshot({ path: join(shots, 'audit-log-recycle.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a register row has its own 历史', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 860 } });
    await open(page, 'registers/households');
    await page.locator('[data-testid="grid-households"][data-state="loaded"]').waitFor();
    await page.locator('.ag-cell[col-id="head"]', { hasText: '马福贵' }).click();
    await page.getByRole('button', { name: /历\s*史/ }).click();
    const h = page.getByTestId('record-history');
    await expect.poll(() => h.textContent(), WAIT).toContain('粘贴');
    expect(await h.textContent()).toContain('家庭人口：空 → 4');
    await page.screenshot({ path: join(shots, 'row-history.png') });
    await page.close();
  });
});
