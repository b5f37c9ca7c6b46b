import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openContext } from '../../electron/context';
import { ledgerCli } from '../helpers/run';
import { xlsxBytes } from '../helpers/sheets';
import { watchErrors } from './browser';
import { useWebSession, type WebSession } from './session';

/** A ledger as the app creates it on first start: migrated, with no township. */
const firstStart = (db: string) => { openContext(db).ledger.close(); };
const typed = useWebSession('setup', firstStart);
const example = useWebSession('setup-example', firstStart);

/** SETUP_SHOTS=/some/dir keeps the screenshots for a person to look at. */
const shots = (s: WebSession) => { const d = process.env.SETUP_SHOTS ?? join(s.dir, 'shots'); mkdirSync(d, { recursive: true }); return d; };
const townshipOf = (db: string) => JSON.parse(ledgerCli(['--db', db, '--json', 'call', 'township.get', '{}']).stdout) as {
  township: { name: string; code: string } | null; organs: string[];
  villages: { name: string; code: string; retiredAt: string | null; groups: { name: string; retiredAt: string | null }[] }[];
};

/** Pastes text into a field the way Ctrl+V from Excel does: a paste event carrying text/plain. */
async function paste(page: Page, selector: string, text: string) {
  await page.locator(selector).evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

describe('first run: a ledger without a township opens on the setup page', () => {
  it('takes typed and pasted villages, refuses a bad code naming the village, then opens on 首页', async () => {
    const page = await typed.browser.newPage({ viewport: { width: 1300, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(typed.url);
    await page.getByText('欢迎使用双联台账：先设置本镇').waitFor();
    await page.screenshot({ path: join(shots(typed), 'setup-1-empty.png') });

    await page.getByLabel('乡镇名称').fill('红柳镇');
    await page.getByLabel('乡镇代码').fill('620902150000');
    await page.getByLabel('区县').fill('肃州区');
    expect(await page.getByLabel('镇机关名称').inputValue()).toBe('红柳镇机关');
    // Row 1 typed, with a village code that is not a village's (150 is outside 200–399).
    await page.getByLabel('村（第 1 行）').fill('红柳村');
    await page.getByLabel('村代码（第 1 行）').fill('620902150150');
    await page.getByLabel('村民小组（第 1 行）').fill('一组、二组，3');
    // Two villages pasted from Excel into row 2: one with its groups in a cell, one with a row per group.
    await paste(page, '[aria-label="村（第 2 行）"]', '沙河村\t620902150201\t东队\n\t\t西队\n红星村\t620902150202\t一组、二组\n');
    await expect.poll(() => page.getByLabel('村（第 3 行）').inputValue()).toBe('红星村');
    expect(await page.getByLabel('村民小组（第 2 行）').inputValue()).toBe('东队、西队');
    await page.getByRole('button', { name: /完成设置/ }).click();
    await expect.poll(() => page.locator('.setup-problems').textContent()).toContain('第 1 个村（红柳村）：村代码 620902150150 的后 3 位是 150，村的代码应在 200–399 之间');
    await page.screenshot({ path: join(shots(typed), 'setup-2-refused.png') });
    expect(townshipOf(typed.db).villages).toEqual([]);

    await page.getByLabel('村代码（第 1 行）').fill('620902150200');
    await page.getByRole('button', { name: /完成设置/ }).click();
    await page.getByText('红柳镇双联工作概况').or(page.getByText('台账还是空的')).first().waitFor();
    await expect.poll(() => page.locator('.shell-title').textContent()).toBe('红柳镇双联台账');
    await page.screenshot({ path: join(shots(typed), 'setup-3-home.png') });

    const t = townshipOf(typed.db);
    expect(t.township).toMatchObject({ name: '红柳镇', code: '620902150' });
    expect(t.organs).toEqual(['红柳镇机关']);
    expect(t.villages.map((v) => [v.name, v.code, v.groups.map((g) => g.name).join('、')])).toEqual([
      ['红柳村', '620902150200', '一组、二组、三组'], ['沙河村', '620902150201', '东队、西队'], ['红星村', '620902150202', '一组、二组'],
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('设置: renames a village, retires a group, adds a village; 关于 names the version and the ledger file', async () => {
    const page = await typed.browser.newPage({ viewport: { width: 1300, height: 1000 } });
    const errors = watchErrors(page);
    await page.goto(`${typed.url}#/settings`);
    const row = page.locator('tr', { hasText: '沙河村' });
    await row.getByRole('button', { name: '改名' }).first().click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('沙河新村');
    await page.keyboard.press('Enter');
    await page.locator('tr', { hasText: '沙河新村' }).waitFor();
    await page.locator('.group-chip', { hasText: '西队' }).getByText('撤销').click();
    await expect.poll(() => page.locator('.group-chip.retired').textContent()).toContain('西队');
    await page.getByLabel('新村村名').fill('新建村');
    await page.getByLabel('新村村代码').fill('620902150203');
    await page.getByLabel('新村村民小组').fill('一组、二组');
    await page.getByRole('button', { name: '添加村' }).click();
    await page.locator('tr', { hasText: '新建村' }).waitFor();
    await expect.poll(() => page.getByText('台账文件').locator('..').textContent()).toContain(typed.db);
    expect(await page.getByText('版本').locator('..').textContent()).toMatch(/双联台账 \d+\.\d+\.\d+/);
    await page.locator('.ant-card-head-title', { hasText: '村和村民小组' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots(typed), 'setup-4-settings.png'), fullPage: true });

    const t = townshipOf(typed.db);
    expect(t.villages.map((v) => v.name)).toEqual(['红柳村', '沙河新村', '红星村', '新建村']);
    expect(t.villages[1].groups.map((g) => [g.name, Boolean(g.retiredAt)])).toEqual([['东队', false], ['西队', true]]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads villages from a sheet (从表格读取…); 使用示例：上坝镇 sets up the example in one click', async () => {
    const page = await example.browser.newPage({ viewport: { width: 1300, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(example.url);
    await page.getByText('欢迎使用双联台账：先设置本镇').waitFor();
    const sheet = xlsxBytes([{ name: '村组', rows: [['乡镇名称', '红柳镇'], ['村', '村代码', '村民小组'], ['红柳村', '620902150200', '一组、二组'], ['沙河村', '620902150201', '东队']] }]);
    await page.locator('input[type=file]').setInputFiles({ name: '村组表.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: sheet });
    // Read by the importer's own reading process, started for it.
    await expect.poll(() => page.getByLabel('村（第 2 行）').inputValue(), { timeout: 60_000 }).toBe('沙河村');
    expect(await page.getByLabel('乡镇名称').inputValue()).toBe('红柳镇');
    expect(await page.getByLabel('乡镇代码').inputValue()).toBe('620902150');
    expect(await page.getByLabel('村民小组（第 1 行）').inputValue()).toBe('一组、二组');
    await page.getByRole('button', { name: '使用示例：上坝镇' }).and(page.locator(':enabled')).waitFor();
    await page.screenshot({ path: join(shots(example), 'setup-4b-read-sheet.png') });
    expect(townshipOf(example.db).villages).toEqual([]);
    await page.getByRole('button', { name: '使用示例：上坝镇' }).click();
    await page.getByText('台账还是空的').waitFor();
    await expect.poll(() => page.locator('.shell-title').textContent()).toBe('上坝镇双联台账');
    await page.screenshot({ path: join(shots(example), 'setup-5-example.png') });
    const t = townshipOf(example.db);
    expect(t.villages).toHaveLength(9);
    expect(t.villages.reduce((n, v) => n + v.groups.length, 0)).toBe(58);
    expect(t.organs).toEqual(['上坝镇机关']);
    expect(errors).toEqual([]);
    await page.close();
  });
});
