import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pickOption } from './browser';
import { shownColumn, useGridSession } from './grid-session';

const UNITS = ['区统计局', '区文广局', '区农牧局', '区水务局', '区卫生局', '区教育局', '区民政局', '区财政局', '区交通局', '区林业局'];
const LONG = '了解春耕备耕情况，询问种子化肥是否到位，讲解惠农政策和土地流转办法，帮助联系农技人员上门指导大棚管理，记录家中老人就医困难';

const { openGrid, openPage, shots } = useGridSession('grid-pages', async (api, villageId) => {
  const ids: number[] = [];
  for (const name of UNITS) ids.push((await api.units.create({ name })).id);
  await api.unitVillages.create({ unitId: ids[0], villageId: villageId('新上村'), since: '2012-03-01' });
  await api.unitVillages.create({ unitId: ids[0], villageId: villageId('旧墩村'), since: '2013-03-01' });
  const c1 = await api.cadres.create({ unitId: ids[0], name: '何丽芳', rank: 'leader' });
  const c2 = await api.cadres.create({ unitId: ids[0], name: '赵军', rank: 'general' });
  const h1 = await api.households.create({ villageId: villageId('新上村'), head: '马福贵', category: 'poor' });
  const h2 = await api.households.create({ villageId: villageId('旧墩村'), head: '王芳', category: 'special' });
  await api.pairings.create({ cadreId: c1.id, householdId: h1.id, since: '2014-01-02' });
  await api.pairings.create({ cadreId: c2.id, householdId: h2.id, since: '2014-01-02' });
  // Two visits in 2014's first half, one in its second: the header's period (2014年上半年) counts two.
  await api.visits.create({ date: '2014-03-06', cadreId: c1.id, householdId: h1.id, knowFamily: true, careIllness: true, content: LONG, request: '希望解决灌溉用水', thingDone: '联系水管所', result: '已办结' });
  await api.visits.create({ date: '2014-05-20', cadreId: c2.id, householdId: h2.id, content: '节日慰问' });
  await api.visits.create({ date: '2014-09-01', cadreId: c1.id, householdId: h1.id, content: '秋收' });
});

describe('联系单位, 户档案 and 设置', () => {
  it('联系单位 lists every unit with its villages, cadres, pairings and the period\'s visits', async () => {
    const { page, errors } = await openGrid('units');
    // All 10 district units and the township's own organ, none cut off by the pane.
    await expect.poll(async () => (await shownColumn(page, 'name', 'units')).length).toBe(11);
    const names = await shownColumn(page, 'name', 'units');
    const row = names.indexOf('区统计局');
    const cellText = (col: string) => page.locator(`[data-testid="grid-units"] .ag-row[row-index="${row}"] .ag-cell[col-id="${col}"]`).textContent();
    expect(await cellText('villageNames')).toBe('新上村、旧墩村');
    expect(await cellText('cadreCount')).toBe('2');
    expect(await cellText('pairingCount')).toBe('2');
    await expect.poll(() => cellText('periodVisits')).toBe('2');
    // Every row of the upper pane is on screen.
    const last = page.locator(`[data-testid="grid-units"] .ag-row[row-index="10"]`).first();
    const box = await last.boundingBox();
    expect(box && box.y + box.height).toBeLessThan(860);
    await page.screenshot({ path: join(shots, 'units.png') });
    // Another period: 2014年下半年 has one visit of 区统计局.
    await pickOption(page, '统计期间', '2014年下半年');
    await expect.poll(() => cellText('periodVisits')).toBe('1');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('户档案 shows the visits table whole inside the drawer, and prints on A4', async () => {
    const { page } = await openGrid('households');
    const row = (await shownColumn(page, 'head')).indexOf('马福贵');
    await page.locator(`.ag-row[row-index="${row}"] .ag-cell[col-id="__row"]`).dblclick();
    const visits = page.getByTestId('file-走访记录');
    await expect.poll(() => visits.textContent()).toContain('了解春耕备耕情况');
    const drawer = await page.locator('.ant-drawer-body').boundingBox();
    const table = await visits.locator('table').first().boundingBox();
    // The table ends inside the drawer: nothing cut off on the right, no sideways scrolling needed.
    expect(table!.x + table!.width).toBeLessThanOrEqual(drawer!.x + drawer!.width + 0.5);
    await page.screenshot({ path: join(shots, 'household-file.png') });

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.shell').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    writeFileSync(join(shots, 'household-file.pdf'), pdf);
    // What is printed is the file, whole: the long visit note and its last column are on the page.
    const text = spawnSync('pdftotext', ['-layout', join(shots, 'household-file.pdf'), '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    expect(text).toContain('户档案·新上村马福贵');
    expect(text).toContain('记录家中老人就医困难');
    expect(text).toContain('已办结');
    expect(text).not.toContain('台账');
    await page.close();
  });

  it('设置 asks before leaving with unsaved changes, and lets go once saved', async () => {
    const { page } = await openPage('settings');
    await expect.poll(() => page.getByLabel('乡镇名称').inputValue()).toBe('上坝镇');
    await page.getByLabel('填报人').fill('李文书');
    await page.getByRole('menuitem', { name: '首页' }).click();
    const ask = page.locator('.ant-modal-confirm', { hasText: '设置还没有保存，要离开吗？' });
    await ask.waitFor();
    expect(page.url()).toContain('#/settings');
    await page.screenshot({ path: join(shots, 'settings-leave.png') });
    await ask.getByRole('button', { name: /留\s*下/ }).click();
    expect(await page.getByLabel('填报人').inputValue()).toBe('李文书');
    await page.getByRole('button', { name: /^保\s*存$/ }).click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('设置已保存');
    await page.getByRole('menuitem', { name: '首页' }).click();
    await expect.poll(() => page.url()).toContain('#/home');
    expect(await page.locator('.ant-modal-confirm').count()).toBe(0);
    await page.close();
  });
});
