import { join } from 'node:path';
import { loadDemo } from '../../seeds/demo';
import { launchBrowser } from '../e2e/browser';
import { exampleContext } from '../helpers/ledger';
import { startWeb } from '../helpers/run';
import type { BenchRow, Sample } from './row';

/**
 * The households grid at 100,000 rows in Chromium over browser mode, as the clerk meets it: the program
 * is open (the bundle loaded once, as the desktop window loads it at start) on its home page, or on 导入
 * (`cold`: a page that draws nothing ahead, as every register but 帮扶户 is met), and the window has
 * settled; the clerk goes to 帮扶户; timed from there to the first rows on screen, and to every row loaded
 * (the footer's 共 N 条). Peak MB is the page's JavaScript heap once everything is in.
 */
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const FILE = 'grid.sqlite';

/**
 * Runs in the page (as text: a bundler's helpers must not leak into it): goes to 帮扶户 and notes, from
 * that moment, when a frame is first drawn with the first row's cell, and with the footer saying every row
 * is in (a rAF callback runs just before its frame is drawn; a message posted there is taken once it is).
 */
const WATCH = `(total) => {
  const bench = {};
  window.__gridBench = bench;
  const drawn = (key) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => { bench[key] = performance.now() - t0; };
    ch.port2.postMessage(null);
  });
  const seen = { first: false, all: false };
  const observer = new MutationObserver(() => {
    if (!seen.first && document.querySelector('.ag-row[row-index="0"] .ag-cell[col-id="head"]')?.checkVisibility({ visibilityProperty: true })) { seen.first = true; drawn('first'); }
    if (!seen.all && document.querySelector('[data-testid="grid-footer"]')?.textContent?.includes('共 ' + total + ' 条')) {
      seen.all = true; drawn('all'); observer.disconnect();
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class'] });
  const t0 = performance.now();
  location.hash = '#/registers/households';
}`;

/**
 * Runs in the page: resolves once the window has settled, half a second in which it had nothing to do (ten
 * idle periods in a row with most of their 50 ms left), or after 10 s at most. A clerk reads the home page
 * before going on; what the window does in that time (GridWarmup, 帮扶户 drawn ahead) is done by then.
 */
const SETTLE = `new Promise((done) => {
  let calm = 0;
  const tick = (d) => { calm = d.timeRemaining() >= 45 ? calm + 1 : 0; if (calm >= 10) done(); else requestIdleCallback(tick); };
  requestIdleCallback(tick);
  setTimeout(done, 10000);
})`;

async function openGrid(dir: string, until: 'first' | 'all', cold = false): Promise<Sample> {
  const web = await startWeb(join(dir, FILE));
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(`${web.url}#/`);
    await page.getByText('双联工作概况').waitFor({ timeout: 120_000 });
    await page.evaluate(SETTLE);
    if (cold) {
      await page.evaluate(() => { location.hash = '#/import'; });
      await page.getByText('点击选择或把各单位报来的表格拖到这里').waitFor({ timeout: 120_000 });
      await page.evaluate(SETTLE);
    }
    // The menu's link does exactly this: the route changes in the open page. The times are taken in the
    // page, at the first frame drawn with the first row (and with the footer's 共 N 条): Playwright's own
    // waits look again only after 20, 50, 100, 100, then 500 ms, so their timing would say when it next
    // looked, not when the rows were shown.
    await page.evaluate(`(${WATCH})(${JSON.stringify(ROWS.toLocaleString('en-US'))})`);
    await page.locator('.ag-row[row-index="0"] .ag-cell[col-id="head"]').waitFor({ timeout: 120_000 });
    const first = await page.waitForFunction('window.__gridBench.first', undefined, { timeout: 120_000 }).then((h) => h.jsonValue() as Promise<number>);
    if (until === 'first') return { ms: first, rows: 0 };
    await page.getByTestId('grid-footer').filter({ hasText: `共 ${ROWS.toLocaleString('en-US')} 条` }).waitFor({ timeout: 300_000 });
    const all = await page.waitForFunction('window.__gridBench.all', undefined, { timeout: 120_000 }).then((h) => h.jsonValue() as Promise<number>);
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
  ...common, key: 'grid-first', work: `grid, ${ROWS.toLocaleString('en-US')} households, from the home page: first rows shown`, target: '< 0.5 s', maxMs: 500,
  measure: (dir) => openGrid(dir, 'first'),
};

export const gridAll: BenchRow = {
  ...common, key: 'grid-all', work: `grid, ${ROWS.toLocaleString('en-US')} households, from the home page: all rows loaded`, target: '< 2 s', maxMs: 2000,
  measure: (dir) => openGrid(dir, 'all'),
};

/** The same, gone to from 导入: nothing drawn ahead, the grid created while the clerk waits. */
export const gridColdFirst: BenchRow = {
  ...common, key: 'grid-cold-first', work: `grid, ${ROWS.toLocaleString('en-US')} households, from 导入 (nothing drawn ahead): first rows shown`, target: '< 0.5 s', maxMs: 500,
  measure: (dir) => openGrid(dir, 'first', true),
};

export const gridColdAll: BenchRow = {
  ...common, key: 'grid-cold-all', work: `grid, ${ROWS.toLocaleString('en-US')} households, from 导入 (nothing drawn ahead): all rows loaded`, target: '< 2 s', maxMs: 2000,
  measure: (dir) => openGrid(dir, 'all', true),
};
