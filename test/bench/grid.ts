import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleContext } from '../helpers/ledger';
import { loadDemo } from '../../seeds/demo';
import { launchBrowser } from '../e2e/browser';
import { startWeb } from '../helpers/run';

/**
 * The households grid at 100,000 rows in Chromium: time to the first rows on screen, to all rows
 * loaded, and for a quick find by text and by pinyin initials. Figures, not pass/fail.
 */
export async function benchGrid(rows = Number(process.env.BENCH_ROWS ?? 100_000)): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
  const db = join(dir, 'ledger.sqlite');
  let t = performance.now();
  const ctx = exampleContext(db);
  loadDemo(ctx.ledger.sqlite, { households: rows, districtCadres: 263, townshipCadres: 66 });
  ctx.ledger.close();
  console.log(`grid: generated ${rows.toLocaleString('en-US')} households in ${ms(performance.now() - t)}`);

  const web = await startWeb(db);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    t = performance.now();
    await page.goto(`${web.url}#/registers/households`);
    await page.locator('.ag-row[row-index="0"] .ag-cell[col-id="head"]').waitFor();
    const first = performance.now() - t;
    await page.locator('[data-testid="grid-households"][data-state="loaded"]').waitFor({ timeout: 300_000 });
    const all = performance.now() - t;
    const footer = page.getByTestId('grid-footer');
    await footer.filter({ hasText: `共 ${rows.toLocaleString('en-US')} 条` }).waitFor();
    const loadedFooter = performance.now() - t;

    // Let the idle pinyin precompute finish, as it would while the clerk reads the first screen.
    await page.waitForTimeout(2000);
    const find = async (text: string) => {
      const start = performance.now();
      await page.getByLabel('查找').fill(text);
      await footer.filter({ hasText: '筛选后' }).waitFor({ timeout: 120_000 });
      const took = performance.now() - start;
      const shown = (await footer.textContent())?.match(/筛选后 ([\d,]+) 条/)?.[1] ?? '?';
      const inPage = Number(await page.locator('.register').getAttribute('data-filter-ms'));
      await page.getByLabel('查找').fill('');
      await footer.filter({ hasNotText: '筛选后' }).waitFor({ timeout: 120_000 });
      return { took, shown, inPage };
    };
    const village = await find('旧墩村');
    const idDigits = await find('19700');
    const initials = await find('wf');
    const full = await find('wangfang');

    // An edit: typed, sent, saved, shown.
    const cell = page.locator('.ag-row[row-index="0"] .ag-cell[col-id="nation"]');
    await cell.dblclick();
    const start = performance.now();
    await cell.locator('input').fill('回族');
    await cell.locator('input').press('Enter');
    await page.locator('.ag-row[row-index="0"] .ag-cell[col-id="nation"]', { hasText: '回族' }).waitFor();
    const edit = performance.now() - start;

    // Jumping to the last row: the grid renders only what is on screen.
    const scrollStart = performance.now();
    await page.keyboard.press('Control+ArrowDown');
    await page.locator(`.ag-row[row-index="${rows - 1}"]`).first().waitFor();
    const scroll = performance.now() - scrollStart;

    const per100k = (x: number) => ms((x / rows) * 100_000);
    console.log(`grid: first rows shown          ${ms(first)}`);
    console.log(`grid: all ${rows.toLocaleString('en-US')} rows loaded     ${ms(all)}  (${Math.round(rows / (all / 1000)).toLocaleString('en-US')} rows/s; footer with sums ${ms(loadedFooter)})`);
    const f = (label: string, r: { took: number; shown: string; inPage: number }) =>
      console.log(`grid: ${label} ${ms(r.took).padStart(9)} to footer (120 ms typing pause incl.), filter itself ${ms(r.inPage)} (${per100k(r.inPage)} per 100k rows) → ${r.shown} rows`);
    f('quick find “旧墩村”     ', village);
    f('quick find “19700”      ', idDigits);
    f('pinyin initials “wf”    ', initials);
    f('full pinyin “wangfang”  ', full);
    console.log(`grid: pinyin / text filter time ratio ${(initials.inPage / Math.max(1, village.inPage)).toFixed(2)}`);
    console.log(`grid: edit a cell, saved, shown  ${ms(edit)}`);
    console.log(`grid: Ctrl+↓ to the last row     ${ms(scroll)}`);
  } finally {
    await browser.close();
    await web.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function ms(x: number): string {
  return `${Math.round(x).toLocaleString('en-US')} ms`;
}
