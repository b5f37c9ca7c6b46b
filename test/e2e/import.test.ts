import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchErrors } from './browser';
import { useWebSession } from './session';
import { ledgerCli, ROOT } from '../helpers/run';

const SAMPLES = join(ROOT, '..', 'shared', 'formats', 'samples');
const SHOTS = join(ROOT, 'test-results', 'import');

const session = useWebSession('e2e-import', async (db) => {
  mkdirSync(SHOTS, { recursive: true });
  expect(ledgerCli(['--db', db, 'init']).code).toBe(0);
});

describe('browser mode: the import wizard', () => {
  it('uploads a unit\'s workbook, previews it with the refused row and its reason, imports it, shows the summary, and undoes it', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(`${session.url}#/import`);
    await page.locator('input[type=file]').setInputFiles([join(SAMPLES, '区统计局-双联台账.xlsx'), join(SAMPLES, '帮扶户基本信息表.xlsx')]);
    await page.getByRole('button', { name: '下一步：预览核对' }).click();

    // The preview: the 花名册 recognised as T1, its refused row 12 in red with the reason.
    await expect.poll(() => page.getByText('核对完成').count(), { timeout: 60_000 }).toBe(1);
    await expect.poll(() => page.locator('.import-row-error').count()).toBeGreaterThan(0);
    const refused = page.locator('.import-row-error').first();
    expect(await refused.locator('[col-id="row"]').textContent()).toBe('12');
    expect(await refused.locator('[col-id="reason"]').textContent()).toContain('校验位');
    expect(await page.getByText('工作表“花名册”').count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'preview.png') });
    await refused.scrollIntoViewIfNeeded();
    await page.locator('.import-sheet').first().screenshot({ path: join(SHOTS, 'refused-rows.png') });

    // Import: the summary says which batch, and what was not imported.
    await page.getByRole('button', { name: /^导入（新增/ }).click();
    await expect.poll(() => page.locator('.ant-result-title').textContent(), { timeout: 60_000 }).toBe('已导入，第 1 批');
    expect(await page.locator('.ant-result').textContent()).toContain('未导入的行');
    await page.screenshot({ path: join(SHOTS, 'summary.png') });
    expect(await page.getByRole('status').textContent()).toMatch(/共 \d+ 户/);

    // 导入记录 → 撤销, after a confirmation that says what and how many.
    await page.getByRole('button', { name: '查看导入记录' }).click();
    await page.getByRole('button', { name: /^撤\s?销$/ }).click();
    await expect.poll(() => page.locator('.ant-modal-confirm-content').textContent()).toMatch(/删除本批新增的帮扶户 \d+ 条/);
    await page.waitForTimeout(500); // the dialog's opening animation
    await page.screenshot({ path: join(SHOTS, 'rollback-confirm.png') });
    await page.locator('.ant-modal-confirm-btns').getByRole('button', { name: /^撤\s?销$/ }).click();
    await expect.poll(() => page.getByText('已撤销', { exact: true }).count()).toBe(1);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('共 0 户');
    expect(errors).toEqual([]);
    await page.close();
  });
});
