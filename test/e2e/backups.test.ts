import { mkdirSync, readFileSync, truncateSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ledgerCli } from '../helpers/run';
import { watchErrors } from './browser';
import { useWebSession } from './session';

const SHOTS = process.env.SHOTS_DIR ?? join(process.cwd(), '.tmp', 'screenshots');
mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `backups-${name}.png`) });

const session = useWebSession('backups', async (db) => {
  expect(ledgerCli(['--db', db, 'init']).code).toBe(0);
  expect(ledgerCli(['--db', db, 'call', 'households.create', JSON.stringify({ villageId: 6, head: '马福贵', idNumber: '11010519491231002X', category: 'poor' })]).code).toBe(0);
});

// A ledger whose file was cut short after a backup was taken.
const damaged = useWebSession('recovery', async (db) => {
  expect(ledgerCli(['--db', db, 'init']).code).toBe(0);
  expect(ledgerCli(['--db', db, 'call', 'households.create', JSON.stringify({ villageId: 6, head: '马福贵', idNumber: '11010519491231002X', category: 'poor' })]).code).toBe(0);
  expect(ledgerCli(['--db', db, 'backup']).code).toBe(0);
  truncateSync(db, Math.floor(statSync(db).size / 2));
});

async function openBackupsTab(page: Page, url: string) {
  await page.goto(`${url}#/safety`);
  await page.getByText('备份与恢复', { exact: true }).click();
  await expect.poll(() => page.getByRole('button', { name: '立即备份' }).count(), { timeout: 30_000 }).toBe(1);
}

describe('browser mode: 数据安全 → 备份与恢复', () => {
  it('备份 → edit → 恢复: the edit is gone after the window reloads', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 860 } });
    const errors = watchErrors(page);
    await openBackupsTab(page, session.url);
    await page.getByRole('button', { name: '立即备份' }).click();
    const row = page.locator('.ant-table-row', { hasText: '手动' });
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
    expect(await row.textContent()).toContain('1 户');
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/最近备份 \d\d:\d\d/);
    await shot(page, '1-list');
    // 另存到… downloads the backup itself: a whole SQLite file under the backup's name.
    const [saved] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: '另存到…' }).click()]);
    expect(saved.suggestedFilename()).toMatch(/_手动\.sqlite$/);
    expect(readFileSync((await saved.path())!).subarray(0, 15).toString()).toBe('SQLite format 3');
    await shot(page, '1-saved-as');

    await page.goto(`${session.url}#/registers/households`);
    const cell = page.locator('[col-id="head"].ag-cell', { hasText: '马福贵' });
    await cell.dblclick();
    const editor = page.locator('[col-id="head"].ag-cell input');
    await editor.fill('马富贵');
    await editor.press('Enter');
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/已保存 \d/);

    await openBackupsTab(page, session.url);
    await page.locator('.ant-table-row', { hasText: '手动' }).getByRole('button', { name: /^恢\s?复$/ }).click();
    const dialog = page.locator('.ant-modal-confirm');
    await expect.poll(() => dialog.textContent(), { timeout: 30_000 }).toMatch(/_手动\.sqlite（手动，帮扶户 1 户）/);
    await shot(page, '2-confirm');
    await dialog.getByRole('button', { name: /^恢\s?复$/ }).click();
    await page.waitForEvent('load');

    await page.goto(`${session.url}#/registers/households`);
    await expect.poll(() => page.locator('[col-id="head"].ag-cell').allTextContents(), { timeout: 30_000 }).toContain('马福贵');
    expect(await page.locator('[col-id="head"].ag-cell').allTextContents()).not.toContain('马富贵');
    await openBackupsTab(page, session.url);
    await expect.poll(() => page.locator('.ant-table-row', { hasText: '恢复前' }).count(), { timeout: 30_000 }).toBe(1);
    await shot(page, '3-after-restore');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('browser mode: a ledger that cannot be opened', () => {
  it('shows what is wrong, the file and the backups, and restores the newest good one', async () => {
    const page = await damaged.browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(damaged.url);
    await expect.poll(() => page.locator('.recovery-page').textContent(), { timeout: 30_000 }).toContain('台账无法打开');
    const text = await page.locator('.recovery-page').textContent();
    expect(text).toContain('台账文件不完整（被截断）');
    expect(text).toContain(damaged.db);
    await shot(page, '4-recovery');
    await page.getByRole('button', { name: /从此备份恢复（推荐）/ }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /^恢\s?复$/ }).click();
    await page.waitForEvent('load');
    await page.goto(`${damaged.url}#/registers/households`);
    await expect.poll(() => page.locator('[col-id="head"].ag-cell').allTextContents(), { timeout: 30_000 }).toContain('马福贵');
    await shot(page, '5-recovered');
    await page.close();
  });
});
