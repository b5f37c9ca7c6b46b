import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bigHouseholdSheet } from '../helpers/generate';
import { ledgerCli, ROOT } from '../helpers/run';
import { watchErrors } from './browser';
import { useWebSession } from './session';

const SHOTS = join(ROOT, 'test-results', 'import-progress');
const ROWS = 20_000;

const session = useWebSession('e2e-import-progress', async (db) => {
  mkdirSync(SHOTS, { recursive: true });
  expect(ledgerCli(['--db', db, 'init']).code).toBe(0);
});

describe('browser mode: long work shows its progress and can be cancelled', () => {
  it('previews a 20,000-row sheet with a bar counting rows; 取消 stops it and the page says so', async () => {
    const file = join(session.dir, '上坝镇帮扶户.xlsx');
    writeFileSync(file, bigHouseholdSheet(ROWS));
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(`${session.url}#/import`);
    await page.locator('input[type=file]').setInputFiles(file);
    const next = page.getByRole('button', { name: '下一步：预览核对' });
    const bar = page.locator('.work-progress');

    // 取消 as soon as the bar shows: the preview stops, the page says nothing was changed and stays on 选择文件.
    await next.click();
    await bar.locator('button').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已取消');
    await expect.poll(() => bar.count()).toBe(0);
    expect(await next.isVisible()).toBe(true);

    // Again, to its end: while it runs the bar counts the rows of the sheet. Every state the bar goes through
    // is recorded in the page, so a preview that ends between two polls is still seen.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { barStates: string[] }).barStates = seen;
      new MutationObserver(() => {
        const b = document.querySelector('.work-progress');
        if (b?.querySelector('.ant-progress')) seen.push(b.textContent ?? '');
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await next.click();
    await bar.waitFor();
    await page.screenshot({ path: join(SHOTS, 'preview-running.png') });
    // The verdict's line, not the bar: the bar's last state reads “核对 完成” too, a moment before the answer lands.
    await expect.poll(() => page.locator('.ant-alert', { hasText: /^核对完成/ }).count(), { timeout: 120_000 }).toBe(1);
    const states = await page.evaluate(() => (window as unknown as { barStates: string[] }).barStates);
    expect(states.some((t) => /[1-9][\d,]*( \/ |行，共 )20,000 行/.test(t))).toBe(true);
    await expect.poll(() => bar.count()).toBe(0);
    // The cancelled call's answer is a refusal (HTTP 400), which Chromium logs when the call had been sent.
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await page.close();
  });
});
