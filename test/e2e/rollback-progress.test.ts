import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpTables } from '../helpers/dump';
import { bigHouseholdSheet } from '../helpers/generate';
import { ledgerCli, ROOT } from '../helpers/run';
import { watchErrors } from './browser';
import { useWebSession } from './session';

const SHOTS = join(ROOT, 'test-results', 'rollback-progress');
const ROWS = 20_000;

const session = useWebSession('e2e-rollback-progress', async (db) => {
  mkdirSync(SHOTS, { recursive: true });
  expect(ledgerCli(['--db', db, 'init']).code).toBe(0);
  const file = join(db, '..', '上坝镇帮扶户.xlsx');
  writeFileSync(file, bigHouseholdSheet(ROWS));
  const r = ledgerCli(['--db', db, 'import', file]);
  expect(r.code, r.stderr).toBe(0);
});

describe('browser mode: 撤销 of a 20,000-row batch runs under the progress bar', () => {
  it('closes the confirmation at once, shows the step and 取消; 取消 changes nothing; without it the batch is undone', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(`${session.url}#/import`);
    await page.getByRole('tab', { name: '导入记录' }).click();
    const history = page.locator('.import-history');
    const undo = history.getByRole('button', { name: /^撤\s*销$/ });
    const confirm = page.locator('.ant-modal-confirm');
    const bar = page.locator('.work-progress');
    const before = dumpTables(session.db);
    expect(before.households).toHaveLength(ROWS);

    // Every state of the bar, each with whether the confirmation was still on screen then.
    await page.evaluate(() => {
      const seen: { bar: string; dialog: boolean; cancel: boolean }[] = [];
      (window as unknown as { barStates: typeof seen }).barStates = seen;
      new MutationObserver(() => {
        const b = document.querySelector('.work-progress');
        if (b) seen.push({ bar: b.textContent ?? '', dialog: Boolean(document.querySelector('.ant-modal-confirm')), cancel: Boolean(b.querySelector('button')) });
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    const states = () => page.evaluate(() => (window as unknown as { barStates: { bar: string; dialog: boolean; cancel: boolean }[] }).barStates.splice(0));

    // 撤销 → the confirmation names what goes → 撤销 again: the dialog goes, the bar shows a step and 取消.
    await undo.click();
    await expect.poll(() => confirm.textContent(), { timeout: 60_000 }).toContain(`删除本批新增的帮扶户 ${ROWS} 条`);
    await states();
    await confirm.getByRole('button', { name: /^撤\s*销$/ }).click();
    await bar.locator('.ant-tag').waitFor({ timeout: 30_000 });
    await expect.poll(() => confirm.count()).toBe(0);
    expect(await bar.isVisible()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'rollback-running.png') });
    // One rollback at a time: the row's own 撤销 waits meanwhile.
    expect(await undo.isDisabled()).toBe(true);

    // 取消: the page says nothing was changed, the batch is still 已导入 and the ledger is exactly as before.
    await bar.getByRole('button', { name: /^取\s*消$/ }).click();
    await expect.poll(() => page.locator('.ant-message').textContent(), { timeout: 60_000 }).toContain('已取消');
    await expect.poll(() => bar.count()).toBe(0);
    const stepsCancelled = await states();
    expect(stepsCancelled.some((s) => /^(备份|核对|撤销)/.test(s.bar) && s.cancel && !s.dialog)).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'rollback-cancelled.png') });
    expect(await history.getByText('已导入', { exact: true }).count()).toBe(1);
    // Nothing was saved, and the status bar does not claim it was.
    expect(await page.getByRole('status').textContent()).not.toMatch(/已保存 \d/);
    expect(await undo.count()).toBe(1);
    expect(dumpTables(session.db)).toEqual(before);

    // Again, to its end: the bar goes through the undo counting the batch's rows, then the batch is 已撤销.
    await undo.click();
    await confirm.getByRole('button', { name: /^撤\s*销$/ }).click({ timeout: 60_000 });
    await expect.poll(() => history.getByText('已撤销', { exact: true }).count(), { timeout: 120_000 }).toBe(1);
    const stepsDone = await states();
    expect(stepsDone.some((s) => s.bar.startsWith('撤销') && /20,000/.test(s.bar) && s.cancel && !s.dialog)).toBe(true);
    await expect.poll(() => bar.count()).toBe(0);
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toContain('共 0 户');
    expect(dumpTables(session.db).households).toEqual([]);
    // The cancelled call's answer is a refusal (HTTP 400), which Chromium logs.
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await page.close();
  });
});
