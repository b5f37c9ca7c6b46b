import { join } from 'node:path';
import type { Request, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ledgerCli, ROOT } from '../helpers/run';
import { pickOption, watchErrors } from './browser';
import { useWebSession } from './session';

const ROSTER = join(ROOT, '..', 'shared', 'formats', 'samples', '区文广局-花名册.csv');

const session = useWebSession('e2e-stale-preview', (db) => {
  expect(ledgerCli(['--db', db, 'init']).code).toBe(0);
});

describe('browser mode: corrections in the preview', () => {
  it('an older preview answering late never replaces a newer one, and 导入 waits for the newest', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(`${session.url}#/import`);
    await page.locator('input[type=file]').setInputFiles([ROSTER]);
    await page.getByRole('button', { name: '下一步：预览核对' }).click();
    await expect.poll(() => page.getByText(/^核对完成/).count(), { timeout: 60_000 }).toBe(1);
    const summary = page.locator('.import-summary');
    expect(await summary.textContent()).toContain('联户干部及联系户花名册');

    // From here on the first preview request is held back (a slow answer); later ones go through.
    const held: { route?: Route; request?: Request } = {};
    await page.route('**/api/imports.preview', async (route, request) => {
      if (!held.route) Object.assign(held, { route, request });
      else await route.continue();
    });

    // Correction A: 备注 is not imported. Its answer is held.
    await page.getByRole('button', { name: /区文广局-花名册\.csv\s+added/ }).click();
    await pickOption(page, '“备注”导入为', '（忽略此列）');
    await expect.poll(() => held.route !== undefined).toBe(true);
    await expect.poll(() => page.getByText('等最新的核对完成后才能导入').count()).toBe(1);
    expect(await page.getByRole('button', { name: /^导入（新增/ }).isDisabled()).toBe(true);

    // Correction B, made while A is still out: the sheet is not imported at all (so neither is the file). B answers first.
    await pickOption(page, '表的种类', '不导入此表');
    await expect.poll(() => summary.textContent()).toContain('区文广局-花名册.csv—未导入');
    await expect.poll(() => page.getByText('等最新的核对完成后才能导入').count()).toBe(0);

    // A's answer arrives last: it is dropped, the page keeps showing B.
    const late = page.waitForResponse((r) => r.request() === held.request);
    await held.route!.continue();
    await late;
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
    expect(await summary.textContent()).toContain('区文广局-花名册.csv—未导入');
    expect(await summary.textContent()).not.toContain('联户干部及联系户花名册（');
    // B cancelled A as it started (a newer preview replaces the one still running): A's held answer is that
    // refusal (HTTP 400, which Chromium logs), and the page shows neither it nor A.
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await page.close();
  });
});
