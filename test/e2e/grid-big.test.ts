import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openContext } from '../../electron/context';
import { fillBigLedger } from '../helpers/big-ledger';
import { exampleContext } from '../helpers/ledger';
import { ledgerCli } from '../helpers/run';
import { watchErrors } from './browser';
import { shownColumn } from './grid-session';
import { useWebSession } from './session';

/**
 * A district-sized households register (25,000 households, more than the first page and one
 * background page): the first rows show, loading goes on behind them until the footer counts every
 * household, and the last one loaded can be reached and found.
 */
const N = 25_000;
let live = 0;
let village = 0;
const session = useWebSession('grid-big', (db) => {
  const ctx = exampleContext(db);
  fillBigLedger(ctx.ledger.sqlite, { households: N, records: 0 });
  ctx.ledger.close();
  const check = openContext(db);
  live = check.ledger.sqlite.prepare('select count(*) from households where deleted_at is null').pluck().get() as number;
  village = check.ledger.sqlite.prepare("select id from villages where name = '新上村'").pluck().get() as number;
  check.ledger.close();
});

describe('a big households register', () => {
  it('shows the first rows, then loads every household; the end of the list and the last household are reachable', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 860 } });
    const errors = watchErrors(page);
    await page.goto(`${session.url}#/registers/households`);
    const grid = page.getByTestId('grid-households');
    await grid.locator('.ag-row[row-index="0"] .ag-cell[col-id="head"]').waitFor();
    expect(await grid.locator('.ag-row[row-index="0"] .ag-cell[col-id="head"]').textContent()).toMatch(/^户主\d+$/);
    // Every live household arrives, however many pages it takes.
    const footer = page.getByTestId('grid-footer');
    await footer.filter({ hasText: `共 ${live.toLocaleString('en-US')} 条` }).waitFor({ timeout: 60_000 });
    expect(await grid.getAttribute('data-loaded')).toBe(String(live));
    // In the register's own order, not the order the pages came in (by id: 光辉村, 下坝村, 上坝村 …):
    // the township's first village (新上村, code …200) at the top, one group after another.
    // The grid draws the rows it was given in the next frames, after the footer has counted them.
    await expect.poll(async () => [...new Set(await shownColumn(page, 'villageName', 'households'))]).toEqual(['新上村']);
    expect((await shownColumn(page, 'villageName', 'households')).length).toBeGreaterThan(10);
    expect(new Set(await shownColumn(page, 'groupName', 'households')).size).toBe(1);
    await page.screenshot({ path: join(process.env.GRID_SHOTS ?? session.dir, 'grid-big.png') });

    // Scrolled to the end with the mouse wheel: the last row, numbered as the footer counts.
    const box = (await grid.locator('.ag-row[row-index="0"] .ag-cell[col-id="head"]').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.wheel(0, live * 40);
    const lastRow = grid.locator(`.ag-row[row-index="${live - 1}"]`);
    await lastRow.locator('.ag-cell[col-id="__row"]').first().waitFor();
    expect(await lastRow.locator('.ag-cell[col-id="__row"]').first().textContent()).toBe(String(live));
    expect(await lastRow.locator('.ag-cell[col-id="head"]').first().textContent()).toMatch(/^户主\d+$/);
    await page.screenshot({ path: join(process.env.GRID_SHOTS ?? session.dir, 'grid-big-end.png') });

    // The household added last (in the last page loaded) is found by quick find.
    await page.getByLabel('查找').fill(`户主${N}`);
    await footer.filter({ hasText: '筛选后 1 条' }).waitFor();
    await expect.poll(() => grid.locator('.ag-row[row-index="0"] .ag-cell[col-id="head"]').textContent()).toBe(`户主${N}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('edits and undoes, sorts 户主姓名 with numbers by value, and Ctrl+↓ reaches the last household', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 860 } });
    const errors = watchErrors(page);
    await page.goto(`${session.url}#/registers/households`);
    const grid = page.getByTestId('grid-households');
    await page.getByTestId('grid-footer').filter({ hasText: `共 ${live.toLocaleString('en-US')} 条` }).waitFor({ timeout: 60_000 });
    const cellOf = (row: number, col: string) => grid.locator(`.ag-row[row-index="${row}"] .ag-cell[col-id="${col}"]`).first();
    const nationOf = (head: string) => {
      const r = ledgerCli(['--db', session.db, '--json', 'call', 'households.list', JSON.stringify({ filters: { head } })]);
      return (JSON.parse(r.stdout) as { rows: { nation: string | null }[] }).rows[0].nation;
    };

    // An edit of a row the background pages brought in is saved, and Ctrl+Z takes it back.
    const head = (await cellOf(0, 'head').textContent())!;
    const before = nationOf(head);
    expect(before).not.toBe('回族');
    await cellOf(0, 'nation').dblclick();
    await cellOf(0, 'nation').locator('input').fill('回族');
    await cellOf(0, 'nation').locator('input').press('Enter');
    await expect.poll(() => nationOf(head)).toBe('回族');
    await expect.poll(() => cellOf(0, 'nation').textContent()).toBe('回族');
    await cellOf(0, 'head').click();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => nationOf(head)).toBe(before);

    // 户主2 … 户主25000 by the numbers in them (户主1 is deleted; by character code 户主10 would come before 户主2).
    const header = page.locator('.ag-header-cell[col-id="head"] .ag-header-cell-label');
    await header.click();
    await expect.poll(() => cellOf(0, 'head').textContent()).toBe('户主2');
    await header.click();
    await expect.poll(() => cellOf(0, 'head').textContent()).toBe(`户主${N}`);

    // Ctrl+↓ from the first row lands on the last one, numbered as the footer counts.
    await cellOf(0, 'head').click();
    await page.keyboard.press('Control+ArrowDown');
    const lastRow = grid.locator(`.ag-row[row-index="${live - 1}"]`);
    await expect.poll(() => lastRow.locator('.ag-cell-focus').count()).toBe(1);
    expect(await lastRow.locator('.ag-cell[col-id="__row"]').first().textContent()).toBe(String(live));
    await page.screenshot({ path: join(process.env.GRID_SHOTS ?? session.dir, 'grid-big-sorted-end.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
  it('from the home page: 帮扶户 is drawn ahead out of sight, and going there shows it with every household, working as ever', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 860 } });
    const errors = watchErrors(page);
    await page.goto(`${session.url}#/`);
    await page.getByText('双联工作概况').waitFor();
    // Drawn ahead in the window's idle time: in the page, but nothing of it can be seen, reached or pressed.
    const ahead = page.locator('.register-warm .ag-row[row-index="0"] .ag-cell[col-id="head"]');
    await ahead.waitFor({ state: 'attached' });
    expect(await ahead.isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '新增一行' }).count()).toBe(0);
    expect(await page.getByRole('textbox', { name: '查找' }).count()).toBe(0);
    // Its keys are not the home page's: F1 there opens no list of the grid's shortcuts.
    await page.keyboard.press('F1');
    await page.getByText('双联工作概况').click();
    expect(await page.locator('.ant-modal', { hasText: '快捷键' }).count()).toBe(0);
    await page.screenshot({ path: join(process.env.GRID_SHOTS ?? session.dir, 'grid-big-home-ahead.png') });

    // The home page's 登记户数 leads there: the rows drawn ahead show (the very grid drawn ahead, not one
    // drawn anew: nothing changed the ledger meanwhile), then every household loads.
    await page.evaluate(() => { (document.querySelector('.register-warm [data-testid="grid-households"]') as unknown as { drawnAhead: boolean }).drawnAhead = true; });
    await page.locator('.ant-card', { hasText: '登记户数' }).click();
    const grid = page.getByTestId('grid-households');
    const first = grid.locator('.ag-row[row-index="0"] .ag-cell[col-id="head"]');
    await first.waitFor();
    expect(await grid.evaluate((e) => (e as unknown as { drawnAhead?: boolean }).drawnAhead)).toBe(true);
    expect(await first.textContent()).toMatch(/^户主\d+$/);
    const footer = page.getByTestId('grid-footer');
    await footer.filter({ hasText: `共 ${live.toLocaleString('en-US')} 条` }).waitFor({ timeout: 60_000 });
    expect(await grid.getAttribute('data-loaded')).toBe(String(live));
    expect(await page.locator('.register-warm').count()).toBe(0);
    await expect.poll(async () => [...new Set(await shownColumn(page, 'villageName', 'households'))]).toEqual(['新上村']);
    await page.screenshot({ path: join(process.env.GRID_SHOTS ?? session.dir, 'grid-big-from-home.png') });

    // Its keys work once it is the page: F1 lists them; quick find reaches the household loaded last.
    await first.click();
    await page.keyboard.press('F1');
    const help = page.locator('.ant-modal', { hasText: '快捷键' });
    await help.waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    await page.getByLabel('查找').fill(`户主${N}`);
    await footer.filter({ hasText: '筛选后 1 条' }).waitFor();
    await expect.poll(() => first.textContent()).toBe(`户主${N}`);

    // Back home and there again: a register drawn afresh (no find typed in it), every household again.
    await page.getByRole('menuitem', { name: '首页' }).click();
    await page.getByText('双联工作概况').waitFor();
    await page.getByRole('menuitem', { name: '帮扶户' }).click();
    await footer.filter({ hasText: `共 ${live.toLocaleString('en-US')} 条` }).waitFor({ timeout: 60_000 });
    expect(await page.getByLabel('查找').inputValue()).toBe('');
    expect(await grid.getAttribute('data-loaded')).toBe(String(live));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('drawn ahead, then the ledger changed elsewhere (the command line, another tab): going there shows the ledger as it is now', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 860 } });
    const errors = watchErrors(page);
    const footer = page.getByTestId('grid-footer');
    const find = async (head: string) => {
      await page.getByLabel('查找').fill(head);
      await footer.filter({ hasText: '筛选后 1 条' }).waitFor();
      await expect.poll(() => page.getByTestId('grid-households').locator('.ag-row[row-index="0"] .ag-cell[col-id="head"]').textContent()).toBe(head);
    };
    const drawnAhead = async () => {
      await page.getByText('双联工作概况').waitFor();
      await page.locator('.register-warm .ag-row[row-index="0"] .ag-cell[col-id="head"]').waitFor({ state: 'attached' });
      // Its later pages read and sorted too (the window settles: half a second with nothing to do), so the
      // rows it holds are the ledger's as it was before the change below.
      await page.evaluate(() => new Promise<void>((done) => {
        let calm = 0;
        const tick = (d: IdleDeadline) => { calm = d.timeRemaining() >= 45 ? calm + 1 : 0; if (calm >= 10) done(); else requestIdleCallback(tick); };
        requestIdleCallback(tick);
      }));
    };
    await page.goto(`${session.url}#/`);
    await drawnAhead();

    // Another program writes the ledger (its own connection): this window is not told.
    const r = ledgerCli(['--db', session.db, '--json', 'call', 'households.create', JSON.stringify({ villageId: village, head: '新来户甲' })]);
    expect(r.code, r.stderr).toBe(0);
    await page.locator('.ant-card', { hasText: '登记户数' }).click();
    await footer.filter({ hasText: `共 ${(live + 1).toLocaleString('en-US')} 条` }).waitFor({ timeout: 60_000 });
    await find('新来户甲');

    // Back home, drawn ahead afresh; another tab of the same browser mode adds one (the same backend).
    await page.getByRole('menuitem', { name: '首页' }).click();
    await drawnAhead();
    const other = await session.browser.newPage();
    await other.goto(`${session.url}#/settings`);
    const status = await other.evaluate(async (v) => (await fetch('/api/households.create', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ villageId: v, head: '新来户乙' }),
    })).status, village);
    expect(status).toBe(200);
    await other.close();
    await page.getByRole('menuitem', { name: '帮扶户' }).click();
    await footer.filter({ hasText: `共 ${(live + 2).toLocaleString('en-US')} 条` }).waitFor({ timeout: 60_000 });
    await find('新来户乙');
    expect(errors).toEqual([]);
    await page.close();
  });
});
