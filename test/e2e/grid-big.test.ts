import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openContext } from '../../electron/context';
import { fillBigLedger } from '../helpers/big-ledger';
import { exampleContext } from '../helpers/ledger';
import { watchErrors } from './browser';
import { useWebSession } from './session';

/**
 * A district-sized households register (25,000 households, more than the first page and one
 * background page): the first rows show, loading goes on behind them until the footer counts every
 * household, and the last one loaded can be reached and found.
 */
const N = 25_000;
let live = 0;
const session = useWebSession('grid-big', (db) => {
  const ctx = exampleContext(db);
  fillBigLedger(ctx.ledger.sqlite, { households: N, records: 0 });
  ctx.ledger.close();
  const check = openContext(db);
  live = check.ledger.sqlite.prepare('select count(*) from households where deleted_at is null').pluck().get() as number;
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
    expect(await grid.locator('.ag-row[row-index="0"] .ag-cell[col-id="head"]').textContent()).toBe(`户主${N}`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
