import ExcelJS from 'exceljs';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Download } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { watchErrors } from './browser';
import { useWebSession } from './session';
import { ledgerCli, ROOT } from '../helpers/run';

const SAMPLES = join(ROOT, '..', 'shared', 'formats', 'samples');
const SHOTS = join(ROOT, 'test-results', 'import');
const sampleFiles = () => readdirSync(SAMPLES).filter((f) => !/\.(md|json)$/.test(f)).map((f) => join(SAMPLES, f));

const session = useWebSession('e2e-import', async (db) => {
  mkdirSync(SHOTS, { recursive: true });
  expect(ledgerCli(['--db', db, 'init']).code).toBe(0);
});

describe('browser mode: the import wizard', () => {
  it('imports the samples from a summary, opens a refused row, exports the 退回清单 with its reason, and undoes the batch', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(`${session.url}#/import`);
    await page.locator('input[type=file]').setInputFiles(sampleFiles());
    await page.getByRole('button', { name: '下一步：预览核对' }).click();

    // The preview opens at its summary: one line a sheet, the counts, and what they count. Waits stay under the
    // test's 120 s so a stall names its step.
    await expect.poll(() => page.getByText(/^核对完成/).count(), { timeout: 60_000 }).toBe(1);
    const summary = page.locator('.import-summary');
    // Polled: the table's rows may land a render after the 核对完成 line (seen failing 2 runs in 6 under load).
    await expect.poll(() => summary.locator('tbody tr').count()).toBeGreaterThanOrEqual(12);
    await expect.poll(() => page.locator('.ant-alert').first().textContent()).toContain('4 处问题');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(3000);
    await page.screenshot({ path: join(SHOTS, 'preview-summary.png'), fullPage: true });

    // A 拒绝 count opens that sheet's refused rows: 花名册 row 12, the ID check digit.
    await page.getByRole('button', { name: '区统计局-双联台账.xlsx 花名册 error' }).click();
    const refused = page.locator('.ant-drawer .import-row-error').first();
    await expect.poll(() => refused.count()).toBe(1);
    await expect.poll(() => refused.locator('[col-id="row"]').textContent()).toBe('12');
    await expect.poll(() => refused.locator('[col-id="reason"]').textContent()).toContain('校验位');
    await page.screenshot({ path: join(SHOTS, 'preview-refused-rows.png') });
    await page.locator('.ant-drawer-close').click();

    // Import: the summary lists the refused rows themselves.
    await page.getByRole('button', { name: /^导入（新增/ }).click();
    await expect.poll(() => page.locator('.ant-result-title').textContent(), { timeout: 60_000 }).toBe('已导入，第 1 批');
    const list = page.locator('.import-refused');
    await expect.poll(() => list.locator('tbody tr.ant-table-row').count()).toBe(4);
    const row26 = list.locator('tbody tr.ant-table-row', { hasText: '帮扶户基本信息表.xlsx' });
    expect(await row26.textContent()).toContain('户主姓名必须填写');
    await row26.click();
    await expect.poll(() => list.locator('.ant-descriptions').count()).toBe(1);
    expect(await list.locator('.ant-descriptions').textContent()).toContain('东沟村');
    await page.screenshot({ path: join(SHOTS, 'summary-refused.png'), fullPage: true });

    // 导出退回清单: one workbook a unit; 帮扶户基本信息表's has row 26 with its reason.
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await page.locator('.ant-card').getByRole('button', { name: '导出退回清单' }).click();
    // The 帮扶户 sheet, the visit with an impossible date and the land plot are 上坝镇机关's; the roster row is 区统计局's.
    await expect.poll(() => downloads.length, { timeout: 30_000 }).toBe(2);
    expect(downloads.map((d) => d.suggestedFilename()).sort()).toEqual(['退回清单-上坝镇机关-第1批.xlsx', '退回清单-区统计局-第1批.xlsx']);
    const mine = downloads.find((d) => d.suggestedFilename() === '退回清单-上坝镇机关-第1批.xlsx')!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await mine.path())!);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['帮扶户基本信息表退回', '入户走访记录汇总表退回', '土地流转台账退回']);
    const ws = wb.worksheets[0];
    const found: string[] = [];
    ws.eachRow((r) => { const v = (r.values as unknown[]).map((x) => String(x ?? '')); if (v.some((x) => x.includes('第 26 行'))) found.push(v.join('|')); });
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('东沟村');
    expect(found[0]).toContain('户主姓名必须填写');
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已导出退回清单 2 个');
    await page.screenshot({ path: join(SHOTS, 'rejects-downloaded.png') });

    // 导入记录 keeps them; → 撤销, after a confirmation that says what and how many.
    await page.getByRole('button', { name: '查看导入记录' }).click();
    await expect.poll(() => page.locator('.import-history .ant-table-row').count(), { timeout: 10_000 }).toBe(1);
    await page.locator('.import-history .ant-table-row-expand-icon').first().click();
    await expect.poll(() => page.locator('.import-history .import-refused tbody tr.ant-table-row').count(), { timeout: 10_000 }).toBe(4);
    await page.screenshot({ path: join(SHOTS, 'history-refused.png'), fullPage: true });
    await page.getByRole('button', { name: /^撤\s?销$/ }).click();
    await expect.poll(() => page.locator('.ant-modal-confirm-content').textContent()).toMatch(/删除本批新增的帮扶户 \d+ 条/);
    await page.locator('.ant-modal-confirm-btns').getByRole('button', { name: /^撤\s?销$/ }).click();
    await expect.poll(() => page.getByText('已撤销', { exact: true }).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toContain('共 0 户');
    expect(errors).toEqual([]);
    await page.close();
  });
});
