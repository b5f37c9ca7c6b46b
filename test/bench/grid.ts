import { join } from 'node:path';
import { loadDemo } from '../../seeds/demo';
import { launchBrowser } from '../e2e/browser';
import { exampleContext } from '../helpers/ledger';
import { startWeb } from '../helpers/run';
import type { BenchRow, Sample } from './row';

/**
 * The households grid at 100,000 rows in Chromium over browser mode: from opening the page to the
 * first rows on screen, and to every row loaded (the footer's 共 N 条). The server starts before the
 * clock does; peak MB is the page's JavaScript heap once everything is in.
 */
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const FILE = 'grid.sqlite';

async function openGrid(dir: string, until: 'first' | 'all'): Promise<Sample> {
  const web = await startWeb(join(dir, FILE));
  const browser = await launchBrowser();
  try {
    // Warm the server and Chromium's start on another page: the desktop window is open before the clerk clicks.
    const warm = await browser.newPage();
    await warm.goto(`${web.url}#/`);
    await warm.waitForLoadState('load');
    await warm.close();
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    // A whole page load straight into the grid: the bundle, the lookups and the first page all count.
    const t = performance.now();
    await page.goto(`${web.url}#/registers/households`);
    await page.locator('.ag-row[row-index="0"] .ag-cell[col-id="head"]').waitFor({ timeout: 120_000 });
    const first = performance.now() - t;
    if (until === 'first') return { ms: first, rows: 0 };
    await page.getByTestId('grid-footer').filter({ hasText: `共 ${ROWS.toLocaleString('en-US')} 条` }).waitFor({ timeout: 300_000 });
    const all = performance.now() - t;
    const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    return { ms: all, rows: ROWS, peakMb: heap / 2 ** 20 };
  } finally {
    await browser.close();
    await web.stop();
  }
}

const common = {
  floorLabel: '—',
  needsBuild: true,
  setupKey: 'grid',
  setup: async (dir: string) => {
    const ctx = exampleContext(join(dir, FILE));
    loadDemo(ctx.ledger.sqlite, { households: ROWS, districtCadres: 263, townshipCadres: 66 });
    ctx.ledger.close();
  },
} satisfies Partial<BenchRow>;

export const gridFirst: BenchRow = {
  ...common, key: 'grid-first', work: `grid, ${ROWS.toLocaleString('en-US')} households: first rows shown`, target: '< 0.5 s', maxMs: 500,
  measure: (dir) => openGrid(dir, 'first'),
};

export const gridAll: BenchRow = {
  ...common, key: 'grid-all', work: `grid, ${ROWS.toLocaleString('en-US')} households: all rows loaded`, target: '< 2 s', maxMs: 2000,
  measure: (dir) => openGrid(dir, 'all'),
};
