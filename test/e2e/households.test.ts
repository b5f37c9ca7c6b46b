import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, watchErrors } from './browser';
import { ledgerCli, startWeb } from '../helpers/run';

let browser: Browser;
let web: Awaited<ReturnType<typeof startWeb>>;
const dir = mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
const db = join(dir, 'ledger.sqlite');

beforeAll(async () => {
  expect(ledgerCli(['--db', db, 'init']).code).toBe(0);
  const created = ledgerCli(['--db', db, 'call', 'households.create', JSON.stringify({ villageId: 6, head: '马福贵', idNumber: '11010519491231002X', category: 'poor' })]);
  expect(created.code).toBe(0);
  web = await startWeb(db);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('browser mode: the households grid', () => {
  it('shows the register in Chinese with no page errors', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    const errors = watchErrors(page);
    await page.goto(`${web.url}#/registers/households`);
    await expect.poll(() => page.locator('.ag-header-cell-text').allTextContents()).toContain('户主姓名');
    await expect.poll(() => page.locator('[col-id="head"].ag-cell').allTextContents()).toContain('马福贵');
    expect(await page.locator('[col-id="villageName"].ag-cell').first().textContent()).toBe('旧墩村');
    expect(await page.getByRole('status').textContent()).toContain('共 1 户');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('edits a head name in the grid; after a reload the new name is there', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    const errors = watchErrors(page);
    await page.goto(`${web.url}#/registers/households`);
    const cell = page.locator('[col-id="head"].ag-cell', { hasText: '马福贵' });
    await cell.dblclick();
    const editor = page.locator('[col-id="head"].ag-cell input');
    await editor.fill('马富贵');
    await editor.press('Enter');
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/已保存 \d/);
    await page.reload();
    await expect.poll(() => page.locator('[col-id="head"].ag-cell').allTextContents()).toContain('马富贵');
    expect(await page.locator('[col-id="head"].ag-cell').allTextContents()).not.toContain('马福贵');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses an invalid ID number in a cell, says why, and keeps the stored one', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(`${web.url}#/registers/households`);
    const cell = page.locator('[col-id="idNumber"].ag-cell').first();
    await expect.poll(() => cell.textContent()).toBe('11010519491231002X');
    await cell.dblclick();
    const editor = page.locator('[col-id="idNumber"].ag-cell input');
    await editor.fill('110105194912310021');
    await editor.press('Enter');
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('校验位');
    await expect.poll(() => cell.textContent()).toBe('11010519491231002X');
    await page.close();
  });
});
