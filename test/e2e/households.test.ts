import { describe, expect, it } from 'vitest';
import { watchErrors } from './browser';
import { useWebSession } from './session';
import { ledgerCli } from '../helpers/run';

const session = useWebSession('e2e', async (db) => {
  expect(ledgerCli(['--db', db, 'init']).code).toBe(0);
  const created = ledgerCli(['--db', db, 'call', 'households.create', JSON.stringify({ villageId: 6, head: '马福贵', idNumber: '11010519491231002X', category: 'poor' })]);
  expect(created.code).toBe(0);
});

describe('browser mode: the households grid', () => {
  it('shows the register in Chinese with no page errors', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 860 } });
    const errors = watchErrors(page);
    await page.goto(`${session.url}#/registers/households`);
    await expect.poll(() => page.locator('.ag-header-cell-text').allTextContents()).toContain('户主姓名');
    await expect.poll(() => page.locator('[col-id="head"].ag-cell').allTextContents()).toContain('马福贵');
    expect(await page.locator('[col-id="villageName"].ag-cell').first().textContent()).toBe('旧墩村');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('共 1 户');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('edits a head name in the grid; after a reload the new name is there', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 860 } });
    const errors = watchErrors(page);
    await page.goto(`${session.url}#/registers/households`);
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
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(`${session.url}#/registers/households`);
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
