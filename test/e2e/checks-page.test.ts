import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ledgerCli } from '../helpers/run';
import { watchErrors } from './browser';
import { useWebSession } from './session';

/** 核查 in browser mode on the demo ledger: each check's rule and count, a count opening its records. */
const session = useWebSession('e2e-checks', async (db) => {
  expect(ledgerCli(['--db', db, 'demo']).code).toBe(0);
});
const shots = process.env.SCREENSHOT_DIR ?? session.dir;

describe('核查', () => {
  it('lists the ten checks with rules and counts; a count opens exactly that many records', async () => {
    const cli = JSON.parse(ledgerCli(['--db', session.db, 'check', '--from', '2014-01-01', '--to', '2014-06-30', '--json']).stdout) as
      { checks: { key: string; title: string; count: number }[] };
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(`${session.url}#/checks`);
    await page.getByText('核查（2014年上半年，2014-01-01 至 2014-06-30）').waitFor();
    await expect.poll(() => page.locator('.checks-page > .ant-table-wrapper tbody tr').count()).toBe(10);
    expect(await page.getByText('规则').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, 'checks-list.png'), fullPage: true });

    const some = cli.checks.find((c) => c.count > 0 && c.count <= 50)!;
    expect(some).toBeTruthy();
    await page.getByRole('button', { name: `${some.title} ${some.count} 条` }).click();
    const drawer = page.locator('.checks-drawer');
    await drawer.getByText('规则：').waitFor();
    await expect.poll(() => drawer.locator('tbody tr.ant-table-row').count()).toBe(some.count);
    await page.screenshot({ path: join(shots, 'checks-records.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
