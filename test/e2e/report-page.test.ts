import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zipDirectory, zipEntryText } from '../../electron/io/read/zip';
import { samplesLedger } from '../helpers/samples-ledger';
import { watchErrors } from './browser';
import { useWebSession } from './session';

/** 半年报告 in browser mode on the samples' ledger: the report as a document, drill-down, the clerk's text, Word. */
const session = useWebSession('e2e-report', async (db) => {
  samplesLedger(join(db, '..'), db);
});
const { dir } = session;
const shots = process.env.SCREENSHOT_DIR ?? dir;

describe('半年报告', () => {
  it('shows the report of 2014 H1 with its figures as links, keeps the clerk’s text and exports it to Word', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = watchErrors(page);
    await page.goto(`${session.url}#/report`);
    const paper = page.getByRole('article', { name: '半年报告' });
    await expect.poll(() => paper.locator('h1').textContent()).toBe('上坝镇2014年上半年双联工作汇报');
    const text = (await paper.locator('.report-para').allTextContents()).join('\n');
    expect(text).toContain('联系我镇的区直机关事业单位3个，联户干部31名，其中科级以上领导干部8名、一般干部23名，结对联系贫困户31户、特殊户5户。');
    expect(text).toContain('折合1940元，其中现金900元。');
    const cadres = paper.locator('.report-para .report-figure[data-figure="pairing.district.cadres"]');
    expect(await cadres.textContent()).toBe('31');
    expect(await paper.locator('.report-para .report-figure').count()).toBeGreaterThan(25);
    await expect.poll(() => paper.locator('.report-chart svg').count()).toBe(5);
    await page.screenshot({ path: join(shots, 'report-page.png') });
    await paper.screenshot({ path: join(shots, 'report-paper.png') });

    // A figure opens its records (or says plainly that this ledger cannot list them yet).
    await cadres.click();
    const drawer = page.getByRole('dialog');
    await expect.poll(() => drawer.locator('.ant-drawer-title').textContent()).toBe('区直单位联户干部：31（2014-01-01 至 2014-06-30）');
    await expect.poll(async () => (await drawer.locator('.ant-alert, .report-drawer').count()) > 0).toBe(true);
    // Until reports.records is in the ledger the drawer says so; its refused call is the one console error allowed.
    const recordsMissing = (await drawer.getByText('明细查询尚未提供').count()) > 0;
    if (!recordsMissing) {
      await expect.poll(() => drawer.locator('.report-drawer-count').textContent()).toBe('共 31 条记录');
      await expect.poll(() => drawer.getByRole('gridcell').count()).toBeGreaterThan(0);
    }
    await page.screenshot({ path: join(shots, 'report-drawer.png') });
    await drawer.getByRole('button', { name: /close|关闭/i }).click();

    await page.getByLabel('存在问题').fill('一是个别联户干部走访不够深入。\n二是产业结构单一。');
    await page.getByLabel('下一步打算').fill('继续抓好结对帮扶。');
    await page.getByRole('button', { name: '保存存在问题和下一步打算' }).click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已保存本期的存在问题和下一步打算');
    await page.reload();
    await expect.poll(() => page.getByLabel('存在问题').inputValue()).toBe('一是个别联户干部走访不够深入。\n二是产业结构单一。');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 Word/ }).click()]);
    expect(download.suggestedFilename()).toBe('上坝镇2014年上半年双联工作汇报.docx');
    const file = join(dir, 'report.docx');
    await download.saveAs(file);
    const buf = readFileSync(file);
    const xml = zipEntryText(buf, zipDirectory(buf).find((e) => e.name === 'word/document.xml')!);
    expect(xml).toContain('二是产业结构单一。');
    // 导出 Excel: the tables as a streamed download too, the workbook whole.
    const [tables] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 Excel/ }).click()]);
    expect(tables.suggestedFilename()).toBe('上坝镇2014年上半年双联工作汇报（附表）.xlsx');
    const xlsx = readFileSync((await tables.path())!);
    expect(zipDirectory(xlsx).map((e) => e.name)).toContain('xl/workbook.xml');
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已导出：上坝镇2014年上半年双联工作汇报（附表）.xlsx');
    await page.screenshot({ path: join(shots, 'report-downloaded.png') });

    // 打印 prints the report alone: no menu, no toolbar, the clerk's text as paragraphs.
    const printed = join(dir, 'printed.pdf');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: printed, format: 'A4', preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    const printedText = execFileSync('pdftotext', [printed, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(printedText).toContain('上坝镇2014年上半年双联工作汇报');
    expect(printedText).toContain('二是产业结构单一。');
    expect(printedText).toContain('附表1');
    expect(printedText).not.toContain('导出Word');
    expect(printedText).not.toContain('导入');
    if (process.env.SCREENSHOT_DIR) execFileSync('pdftoppm', ['-png', '-r', '50', printed, join(shots, 'report-print')]);

    // Another half-year has its own text.
    await page.getByLabel('报告期间').first().click();
    // The preset is far down a list that scrolls and slides in as it opens; a click by position can land on its
    // neighbour (2014年上半年, no change) under load, so the click goes to the item itself.
    const preset = page.locator('.ant-picker-presets li', { hasText: '2014年下半年' });
    await preset.waitFor();
    await preset.dispatchEvent('click');
    await expect.poll(() => paper.locator('h1').textContent()).toBe('上坝镇2014年下半年双联工作汇报');
    expect(await page.getByLabel('存在问题').inputValue()).toBe('');
    expect(errors.filter((e) => !(recordsMissing && /status of 400/.test(e)))).toEqual([]);
    await page.close();
  });

  it('基本情况 states the township facts the clerk enters in 设置', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1300, height: 1100 } });
    const errors = watchErrors(page);
    await page.goto(`${session.url}#/settings`);
    await expect.poll(() => page.getByLabel('乡镇名称').inputValue()).toBe('上坝镇');
    for (const [label, value] of [['总户数', '5400'], ['总人口', '22000'], ['法定耕地面积', '62332'], ['党总支', '7'], ['党支部', '29'], ['党员', '1061'], ['其中农村党员', '925']]) {
      await page.getByLabel(label, { exact: true }).fill(value);
    }
    await page.screenshot({ path: join(shots, 'settings-facts.png'), fullPage: true });
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('设置已保存');
    await page.goto(`${session.url}#/report`);
    const paper = page.getByRole('article', { name: '半年报告' });
    await expect.poll(async () => (await paper.locator('.report-para').allTextContents()).join('\n')).toContain(
      '上坝镇辖9个行政村、58个村民小组，共5400户22000人，法定耕地面积62332亩。\n全镇有党总支7个、党支部29个，党员1061名，其中农村党员925名。');
    expect(errors).toEqual([]);
    await page.close();
  });
});
