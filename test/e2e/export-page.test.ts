import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ledgerCli } from '../helpers/run';
import { pickOption, watchErrors } from './browser';
import { useWebSession } from './session';

/** 导出与打印 in browser mode on the demo ledger: an Excel download, the visit-sheet preview and its PDF. */
const session = useWebSession('e2e-export', async (db) => {
  expect(ledgerCli(['--db', db, 'demo']).code).toBe(0);
});
const { dir } = session;
const shots = process.env.SCREENSHOT_DIR ?? dir;

describe('导出与打印', () => {
  it('exports T4 as an .xlsx download in the district layout', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(`${session.url}#/export`);
    await page.getByRole('tab', { name: '区里的七张表（Excel）' }).waitFor();
    await pickOption(page, '表格', 'T4  慰问及帮扶物资发放登记表');
    await expect.poll(() => page.getByText('发放日期在期间内的发放记录').count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 Excel/ }).click()]);
    // The period starts at the header's 统计期间 (2014年上半年).
    expect(download.suggestedFilename()).toBe('肃州区上坝镇双联行动慰问及帮扶物资发放登记表-2014-01-01至2014-06-30.xlsx');
    const file = join(dir, 'T4.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('肃州区上坝镇双联行动慰问及帮扶物资发放登记表');
    expect(ws.getCell('A3').value).toBe('序号');
    expect(ws.getCell('A44').value).toBe('合计'); // 40 deliveries in the demo ledger, from row 4
    await expect.poll(() => page.locator('.ant-alert').textContent()).toContain('已导出 40 行');
    await page.screenshot({ path: join(shots, 'export-sheets.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('previews the visit sheets of a village in a frame, then saves them as one PDF', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchErrors(page);
    await page.goto(`${session.url}#/export`);
    await page.getByRole('tab', { name: '入户走访记录表（打印）' }).click();
    await pickOption(page, '选择村', '新上村');
    await page.getByRole('button', { name: /预览/ }).click();
    await expect.poll(() => page.getByText(/预览：共 \d+ 户/).textContent()).toMatch(/共 46 户/);
    const frame = page.frameLocator('iframe[title="入户走访记录表预览"]');
    await expect.poll(() => frame.locator('section.sheet').count()).toBe(46);
    expect(await frame.locator('h1').first().textContent()).toBe('肃州区上坝镇双联行动入户走访记录表');
    await page.screenshot({ path: join(shots, 'export-visit-preview.png') });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /保存 PDF/ }).click()]);
    expect(download.suggestedFilename()).toBe('入户走访记录表-新上村.pdf');
    const file = join(dir, 'visits.pdf');
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+46\n/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
