import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ledgerCli } from '../helpers/run';
import { cell, shownColumn, useGridSession } from './grid-session';

// Pinyin order worked out by hand: 丁 ding < 龚 gong < 吕 lü < 马 ma < 女 nü < 王 wang < 张 zhang.
// By character code (U+4E01 丁, U+5415 吕, U+5973 女, U+5F20 张, U+738B 王, U+9A6C 马, U+9F9A 龚) it would be 丁 吕 女 张 王 马 龚.
const PEOPLE: [string, string, string][] = [
  ['龚正', '上红村', '六组'], ['吕玉文', '新上村', '二组'], ['丁一', '旧墩村', '一组'], ['王芳', '新上村', '七组'],
  ['马福贵', '光辉村', '三组'], ['张伟', '新上村', '一组'], ['女娲', '上红村', '二组'],
];
const { openGrid, shots, session } = useGridSession('grid-order', async (api, villageId) => {
  const lk = await api.meta.lookups({});
  for (const [head, village, group] of PEOPLE) {
    const v = lk.villages.find((x) => x.name === village)!;
    const g = v.groups.find((x) => x.name === group);
    await api.households.create({ villageId: villageId(village), groupId: g?.id ?? null, head, category: head === '王芳' ? 'special' : 'poor' });
  }
});

const headerOf = (page: Page, col: string) => page.locator(`.ag-header-cell[col-id="${col}"]`);
async function openFilter(page: Page, col: string) {
  // The floating filter row's button (Ctrl+Shift+L shows or hides that row).
  const idx = await headerOf(page, col).first().getAttribute('aria-colindex');
  await page.locator(`.ag-floating-filter[aria-colindex="${idx}"] .ag-floating-filter-button-button`).click();
  await page.getByTestId('checklist-filter').or(page.getByTestId('range-filter')).first().waitFor();
}

describe('sorting, filtering and finding as in WPS', () => {
  it('sorts 户主姓名 by pinyin, 村 in the township order and 村民小组 by number', async () => {
    const { page } = await openGrid('households');
    await headerOf(page, 'head').locator('.ag-header-cell-label').click();
    await expect.poll(() => shownColumn(page, 'head')).toEqual(['丁一', '龚正', '吕玉文', '马福贵', '女娲', '王芳', '张伟']);
    await page.screenshot({ path: join(shots, 'sorted-head.png') });
    await headerOf(page, 'villageName').locator('.ag-header-cell-label').click();
    // 新上村 (…200) 光辉村 (…201) 旧墩村 (…205) 上红村 (…208): DOMAIN.md's codes, not pinyin.
    await expect.poll(async () => [...new Set(await shownColumn(page, 'villageName'))]).toEqual(['新上村', '光辉村', '旧墩村', '上红村']);
    await headerOf(page, 'groupName').locator('.ag-header-cell-label').click();
    const groups = await shownColumn(page, 'groupName');
    // 一组 … 七组 by number (pinyin would read 二 èr, 六 liù, 七 qī, 三 sān, 一 yī).
    expect(groups).toEqual(['一组', '一组', '二组', '二组', '三组', '六组', '七组']);
    await page.close();
  });

  it('the ledger sorts a list by pinyin too, so server and grid agree', () => {
    const r = ledgerCli(['--db', session.db, '--json', 'call', 'households.list', JSON.stringify({ sort: [{ column: 'head', dir: 'asc' }], limit: 3, offset: 1 })]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { rows: { head: string }[] }).rows.map((x) => x.head)).toEqual(['龚正', '吕玉文', '马福贵']);
  });

  it('filters 村 by a checklist with counts and a pinyin search; dates and numbers by range; Ctrl+Shift+L toggles', async () => {
    const { page } = await openGrid('households');
    await openFilter(page, 'villageName');
    const list = page.getByTestId('checklist-filter');
    await expect.poll(() => list.locator('.checklist li').allTextContents()).toEqual(['新上村3', '光辉村1', '旧墩村1', '上红村2']);
    await page.screenshot({ path: join(shots, 'filter-checklist.png') });
    await list.getByRole('button', { name: /清\s*除/ }).click();
    await list.getByLabel('搜索筛选项').fill('shc');
    await expect.poll(() => list.locator('.checklist li').allTextContents()).toEqual(['上红村2']);
    await list.locator('.checklist li').first().getByRole('checkbox').check();
    await expect.poll(async () => (await shownColumn(page, 'head')).sort()).toEqual(['女娲', '龚正'].sort());
    await expect.poll(() => page.getByTestId('grid-footer').textContent()).toContain('筛选后 2 条');
    await page.keyboard.press('Escape');

    // 户类型 (an enum shown in Chinese): the checklist lists the words, not the codes.
    await openFilter(page, 'category');
    await expect.poll(() => page.getByTestId('checklist-filter').locator('.checklist li').allTextContents()).toEqual(['贫困户6', '特殊户1']);
    await page.keyboard.press('Escape');

    // Ctrl+Shift+L: the filter row goes, and with it every filter; again: it is back.
    await cell(page, 0, 'head').click();
    await page.keyboard.press('Control+Shift+L');
    await expect.poll(async () => (await shownColumn(page, 'head')).length).toBe(7);
    expect(await page.locator('.ag-floating-filter').count()).toBe(0);
    await page.keyboard.press('Control+Shift+L');
    await expect.poll(() => page.locator('.ag-floating-filter').count()).toBeGreaterThan(0);

    // Numbers by range: 家庭人口 from 3 to 4.
    await openFilter(page, 'size');
    await page.getByTestId('range-filter').getByLabel('从').fill('3');
    await page.getByTestId('range-filter').getByLabel('到').fill('4');
    await expect.poll(async () => (await shownColumn(page, 'head')).length).toBe(0);
    await page.close();
  });

  it('finds 吕玉文 by "lv" and "lvyuwen", and 女娲 by "nv" (ü typed as v)', async () => {
    const { page } = await openGrid('households');
    await page.getByLabel('查找').fill('lvyuwen');
    await expect.poll(() => shownColumn(page, 'head')).toEqual(['吕玉文']);
    await page.getByLabel('查找').fill('lv');
    await expect.poll(() => shownColumn(page, 'head')).toEqual(['吕玉文']);
    await page.getByLabel('查找').fill('nv');
    await expect.poll(() => shownColumn(page, 'head')).toEqual(['女娲']);
    await page.close();
  });

  it('says what is wrong in plain Chinese, naming the column and the rule; the red banner goes after the next good edit', async () => {
    // The ledger's own words, the same for every entry point.
    const long = ledgerCli(['--db', session.db, 'call', 'households.create', JSON.stringify({ villageId: 1, head: '张'.repeat(60) })]);
    expect(long.code).toBe(1);
    expect(long.stderr).toContain('户主姓名最多 50 个字');
    expect(long.stderr).not.toContain('必填');
    const nation = ledgerCli(['--db', session.db, 'call', 'households.create', JSON.stringify({ villageId: 1, head: '张三', nation: '族'.repeat(21) })]);
    expect(nation.stderr).toContain('民族最多 20 个字');
    const empty = ledgerCli(['--db', session.db, 'call', 'households.create', JSON.stringify({ villageId: 1, head: '' })]);
    expect(empty.stderr).toContain('户主姓名：必填');

    const { page } = await openGrid('households');
    await cell(page, 0, 'villageName').click();
    await page.evaluate((t) => navigator.clipboard.writeText(t), `新上村\t一组\t${'李'.repeat(60)}\n`);
    await page.keyboard.press('Control+V');
    const banner = page.locator('.ant-alert-error');
    await expect.poll(() => banner.textContent()).toContain('第 1 行“户主姓名”：最多 50 个字');
    expect(await banner.textContent()).not.toMatch(/必填|string|字符/);
    await page.screenshot({ path: join(shots, 'message-long-name.png') });
    await cell(page, 0, 'nation').click();
    await page.keyboard.type('汉');
    await page.keyboard.press('Enter');
    await expect.poll(() => banner.count()).toBe(0);
    await page.close();
  });
});
