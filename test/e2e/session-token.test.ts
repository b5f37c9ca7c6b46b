import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchErrors } from './browser';
import { useWebSession } from './session';
import { ledgerCli, ROOT } from '../helpers/run';

const SHOTS = join(ROOT, 'test-results', 'session');

const session = useWebSession('e2e-token', async (db) => {
  mkdirSync(SHOTS, { recursive: true });
  expect(ledgerCli(['--db', db, 'init']).code).toBe(0);
  expect(ledgerCli(['--db', db, 'call', 'households.create', JSON.stringify({ villageId: 6, head: '马福贵' })]).code).toBe(0);
});

describe('browser mode: the session token', () => {
  it('leaves the address bar after the first load; the page keeps working, after a reload too, and script cannot read it', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 860 } });
    const errors = watchErrors(page);
    const token = new URL(session.url).searchParams.get('token')!;
    await page.goto(`${session.url}#/registers/households`);
    await expect.poll(() => page.locator('[col-id="head"].ag-cell').allTextContents()).toContain('马福贵');
    expect(page.url()).toBe(`${new URL(session.url).origin}/#/registers/households`);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect(await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }))).not.toContain(token);
    await page.reload();
    await expect.poll(() => page.locator('[col-id="head"].ag-cell').allTextContents()).toContain('马福贵');
    expect(page.url()).not.toContain(token);
    await page.screenshot({ path: join(SHOTS, 'households-without-token.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a page opened without the token gets no answer from the ledger', async () => {
    const page = await session.browser.newPage();
    const origin = new URL(session.url).origin;
    await page.goto(`${origin}/#/registers/households`);
    const status = await page.evaluate(async () => (await fetch('/api/meta.info', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status);
    expect(status).toBe(401);
    await page.close();
  });
});
