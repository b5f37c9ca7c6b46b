import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../electron/api/client';
import { callMethod } from '../../electron/api/dispatch';
import { exampleContext } from '../helpers/ledger';
import { ledgerCli } from '../helpers/run';
import { watchErrors } from './browser';
import { useWebSession } from './session';

let context: BrowserContext;
const HEADS = ['王芳', '李强', '张伟', '赵兰', '马福贵'];

/** What the ledger itself holds, asked through the CLI (not the screen). */
function cli<T>(method: string, input: unknown): T {
  const r = ledgerCli(['--db', db, '--json', 'call', method, JSON.stringify(input)]);
  if (r.code !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as T;
}
const heads = () => cli<{ rows: { head: string }[] }>('households.list', { limit: 100 }).rows.map((r) => r.head);

const session = useWebSession('grid', async (db) => {
  const ctx = exampleContext(db);
  const api = createClient((name, input) => callMethod(ctx, name, input));
  const xs = (ctx.ledger.sqlite.prepare("select id from villages where name = '新上村'").get() as { id: number }).id;
  const jd = (ctx.ledger.sqlite.prepare("select id from villages where name = '旧墩村'").get() as { id: number }).id;
  const ids: number[] = [];
  for (const head of HEADS) ids.push((await api.households.create({ villageId: head === '马福贵' ? jd : xs, head, category: 'poor' })).id);
  await api.households.update({ id: ids[0], patch: { idNumber: '11010519491231002X' } });
  const unit = await api.units.create({ name: '区统计局' });
  const cadre = await api.cadres.create({ unitId: unit.id, name: '何丽芳', rank: 'leader' });
  const ma = ids[4];
  await api.pairings.create({ cadreId: cadre.id, householdId: ma, since: '2014-01-02' });
  await api.visits.create({ date: '2014-03-06', cadreId: cadre.id, householdId: ma, knowFamily: true, content: '了解春耕备耕情况' });
  await api.aid.create({ date: '2014-01-20', unitId: unit.id, householdId: ma, item: '清油', quantityCenti: '2', measure: '桶', amountFen: '180' });
  ctx.ledger.close();
});
const { db, dir } = session;
/** GRID_SHOTS=/some/dir keeps the screenshots for a person to look at. */
const shots = process.env.GRID_SHOTS ?? join(dir, 'shots');
mkdirSync(shots, { recursive: true });
beforeAll(async () => {
  context = await session.browser.newContext({ viewport: { width: 1400, height: 860 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(session.url).origin });
});

async function openGrid(key: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${session.url}#/registers/${key}`);
  await page.locator(`[data-testid="grid-${key}"][data-state="loaded"]`).waitFor();
  await page.locator('.ag-row[row-index="0"]').first().waitFor();
  return { page, errors };
}
const cell = (page: Page, row: number, col: string) => page.locator(`.ag-row[row-index="${row}"] .ag-cell[col-id="${col}"]`);
const rowHeader = (page: Page, row: number) => page.locator(`.ag-row[row-index="${row}"] .ag-cell[col-id="__row"]`);
/** The heads shown, top to bottom (the DOM keeps rendered rows in no particular order). */
const shownHeads = (page: Page) => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.ag-row .ag-cell[col-id="head"]')]
  .map((c) => [Number(c.closest('.ag-row')!.getAttribute('row-index')), c.textContent ?? ''] as const).sort((a, b) => a[0] - b[0]).map((x) => x[1]));

describe('register grids as a clerk used to Excel expects', () => {
  it('edits a visit date typed as 2014年3月5日, saved as 2014-03-05', async () => {
    const { page, errors } = await openGrid('visits');
    const date = cell(page, 0, 'date');
    await date.dblclick();
    const editor = date.locator('input');
    await editor.fill('2014年3月5日');
    await expect.poll(() => page.locator('.cell-hint').textContent()).toBe('将保存为 2014-03-05');
    await editor.press('Enter');
    await expect.poll(() => date.textContent()).toBe('2014-03-05');
    expect(cli<{ rows: { date: string }[] }>('visits.list', {}).rows[0].date).toBe('2014-03-05');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('quick find matches pinyin initials and full pinyin', async () => {
    const { page } = await openGrid('households');
    expect((await shownHeads(page)).sort()).toEqual([...HEADS].sort());
    await page.keyboard.press('Control+F');
    await page.keyboard.type('wf');
    await expect.poll(() => shownHeads(page)).toEqual(['王芳']);
    await expect.poll(() => page.getByTestId('grid-footer').textContent()).toContain('筛选后 1 条');
    await page.screenshot({ path: join(shots, 'find-wf.png') });
    await page.getByLabel('查找').fill('mafugui');
    await expect.poll(() => shownHeads(page)).toEqual(['马福贵']);
    await page.getByLabel('查找').fill('');
    await expect.poll(async () => (await shownHeads(page)).length).toBe(5);
    await page.close();
  });

  it('refuses an invalid ID number: the hint says why as it is typed, the cell turns red, nothing is saved', async () => {
    const { page } = await openGrid('households');
    const id = cell(page, 1, 'idNumber');
    await id.dblclick();
    await id.locator('input').fill('110105194912310021');
    await expect.poll(() => page.locator('.cell-hint.bad').textContent()).toContain('校验位不符（应为 X）');
    await page.screenshot({ path: join(shots, 'id-hint.png') });
    await id.locator('input').press('Enter');
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('第 2 行“身份证号码”未保存');
    await expect.poll(() => id.getAttribute('class')).toContain('cell-error');
    expect(await id.textContent()).toBe('');
    expect(cli<{ rows: { head: string; idNumber: string | null }[] }>('households.list', {}).rows.find((r) => r.head === HEADS[1])?.idNumber).toBeNull();
    await page.close();
  });

  it('a valid ID number fills in the sex and shows the birth date', async () => {
    const { page } = await openGrid('households');
    const id = cell(page, 2, 'idNumber');
    await id.dblclick();
    // Check digit worked out by hand: Σ aᵢWᵢ = 229, 229 mod 11 = 9, "10X98765432"[9] = 3; sequence 004 is even: 女.
    await id.locator('input').fill('620902197512030043');
    await expect.poll(() => page.locator('.cell-hint.ok').textContent()).toBe('女 · 出生 1975-12-03');
    await id.locator('input').press('Enter');
    await expect.poll(() => cell(page, 2, 'sex').textContent()).toBe('女');
    await expect.poll(() => cell(page, 2, 'birth').textContent()).toBe('1975-12-03');
    const saved = cli<{ rows: { idNumber: string | null; sex: string | null }[] }>('households.list', {}).rows.find((r) => r.idNumber === '620902197512030043');
    expect(saved?.sex).toBe('女');
    await page.close();
  });

  it('pastes a 3-column × 20-row block from Excel with Ctrl+V as one operation, adding rows; Ctrl+Z undoes it in one step', async () => {
    const { page, errors } = await openGrid('households');
    const before = heads();
    const block = Array.from({ length: 20 }, (_, i) => ['光辉村', `${(i % 3) + 1}组`, `粘贴户${String(i + 1).padStart(2, '0')}`]);
    const tsv = block.map((r) => r.join('\t')).join('\r\n') + '\r\n';
    await cell(page, 0, 'villageName').click();
    await page.evaluate((t) => navigator.clipboard.writeText(t), tsv);
    await page.keyboard.press('Control+V');
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已粘贴 20 行 × 3 列，新增 15 行');
    await page.screenshot({ path: join(shots, 'pasted.png') });

    const after = cli<{ total: number; rows: { head: string; villageName: string; groupName: string }[] }>('households.list', { limit: 100 });
    expect(after.total).toBe(20);
    expect(after.rows.map((r) => r.head).sort()).toEqual(block.map((r) => r[2]).sort());
    expect(after.rows.find((r) => r.head === '粘贴户05')).toMatchObject({ villageName: '光辉村', groupName: '二组' });
    // One audit row per write: the 5 typed in before, the 15 added by this paste.
    const audit = cli<{ rows: { action: string; source: string }[] }>('audit.list', { table: 'households', limit: 200 });
    expect(audit.rows.filter((a) => a.action === '新增').length).toBe(5 + 15);
    expect(audit.rows.filter((a) => a.action === '新增' && a.source === '粘贴').length).toBe(15);

    await cell(page, 3, 'head').click();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => heads().sort()).toEqual([...before].sort());
    await expect.poll(async () => (await shownHeads(page)).sort()).toEqual([...before].sort());
    expect(cli<{ total: number }>('households.list', {}).total).toBe(5);
    // And Ctrl+Y brings it back.
    await page.keyboard.press('Control+Y');
    await expect.poll(() => cli<{ total: number }>('households.list', {}).total).toBe(20);
    await page.keyboard.press('Control+Z');
    await expect.poll(() => cli<{ total: number }>('households.list', {}).total).toBe(5);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a paste with a bad cell is refused whole, naming the row and column', async () => {
    const { page } = await openGrid('households');
    await cell(page, 0, 'villageName').click();
    await page.evaluate((t) => navigator.clipboard.writeText(t), '新上村\t一组\n火星村\t一组\n');
    await page.keyboard.press('Control+V');
    await expect.poll(() => page.locator('.ant-alert-error').textContent()).toContain('第 2 行“村”：本镇没有“火星村”');
    expect(heads().sort()).toEqual([...HEADS].sort());
    await page.close();
  });

  it('copies a selected block out as tab-separated text, as Excel reads it', async () => {
    const { page } = await openGrid('households');
    await cell(page, 0, 'villageName').click();
    await cell(page, 1, 'head').click({ modifiers: ['Shift'] });
    await page.keyboard.press('Control+C');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    const rows = text.trimEnd().split('\r\n').map((r) => r.split('\t'));
    expect(rows.length).toBe(2);
    expect(rows[0].length).toBe(3);
    expect(rows.map((r) => r[2])).toEqual(((await shownHeads(page)).slice(0, 2)));
    await page.close();
  });

  it('fills down with Ctrl+D and deletes rows after saying what and how many, undoably', async () => {
    const { page } = await openGrid('households');
    await cell(page, 0, 'nation').dblclick();
    await cell(page, 0, 'nation').locator('input').fill('回族');
    await cell(page, 0, 'nation').locator('input').press('Enter');
    await expect.poll(() => cell(page, 0, 'nation').textContent()).toBe('回族');
    await cell(page, 0, 'nation').click();
    await cell(page, 2, 'nation').click({ modifiers: ['Shift'] });
    await page.keyboard.press('Control+D');
    await expect.poll(() => cli<{ rows: { nation: string | null }[] }>('households.list', {}).rows.filter((r) => r.nation === '回族').length).toBe(3);

    await rowHeader(page, 3).click();
    await rowHeader(page, 4).click({ modifiers: ['Shift'] });
    await page.getByRole('button', { name: '删除行' }).click();
    await expect.poll(() => page.locator('.ant-modal-confirm-title').textContent()).toBe('删除 2 条帮扶户记录？');
    await page.screenshot({ path: join(shots, 'delete-confirm.png') });
    await page.locator('.ant-modal-confirm-btns').getByRole('button', { name: /删\s*除/ }).click();
    await expect.poll(() => cli<{ total: number }>('households.list', {}).total).toBe(3);
    await cell(page, 0, 'head').click();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => cli<{ total: number }>('households.list', {}).total).toBe(5);
    await page.close();
  });

  it('opens the household file with its pairing, visits and aid on one screen', async () => {
    const { page } = await openGrid('households');
    const index = (await shownHeads(page)).indexOf('马福贵');
    await cell(page, index, 'head').click();
    await rowHeader(page, index).dblclick();
    const file = page.getByTestId('file-走访记录');
    await expect.poll(() => file.textContent()).toContain('了解春耕备耕情况');
    const aid = await page.getByTestId('file-慰问及帮扶物资').textContent();
    expect(aid).toContain('清油');
    expect(aid).toContain('合计 180.00 元');
    expect(await page.getByTestId('file-结对干部').textContent()).toContain('何丽芳');
    await page.screenshot({ path: join(shots, 'household-file.png') });
    await page.close();
  });

  it('opens the household file of the row whose cell is selected with the 户档案 button', async () => {
    const { page } = await openGrid('households');
    const index = (await shownHeads(page)).indexOf('马福贵');
    await cell(page, index, 'head').click();
    await page.getByRole('button', { name: /户\s*档\s*案/ }).click();
    await expect.poll(() => page.getByTestId('file-走访记录').textContent()).toContain('了解春耕备耕情况');
    await page.close();
  });
});
