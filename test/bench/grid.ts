import { join } from 'node:path';
import { loadDemo } from '../../seeds/demo';
import { launchBrowser } from '../e2e/browser';
import { exampleContext } from '../helpers/ledger';
import { startWeb } from '../helpers/run';
import type { BenchRow, Sample } from './row';

/**
 * The households grid at 100,000 rows in Chromium over browser mode, as the clerk meets it: the program
 * is open on its home page (the bundle loaded once, as the desktop window loads it at start), the clerk
 * goes to 帮扶户; timed from there to the first rows on screen, and to every row loaded (the footer's
 * 共 N 条). Peak MB is the page's JavaScript heap once everything is in.
 */
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const FILE = 'grid.sqlite';

async function openGrid(dir: string, until: 'first' | 'all'): Promise<Sample> {
  const web = await startWeb(join(dir, FILE));
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(`${web.url}#/`);
    await page.getByText('双联工作概况').waitFor({ timeout: 120_000 });
    // The menu's link does exactly this: the route changes in the open page.
    const t = performance.now();
    await page.evaluate(() => { location.hash = '#/registers/households'; });
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
