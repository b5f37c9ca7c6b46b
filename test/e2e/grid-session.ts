import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll } from 'vitest';
import { createClient, type LedgerClient } from '../../electron/api/client';
import { callMethod } from '../../electron/api/dispatch';
import { exampleContext } from '../helpers/ledger';
import { ledgerCli } from '../helpers/run';
import { watchErrors } from './browser';
import { useWebSession } from './session';

/**
 * A browser-mode session over a ledger filled by `fill` (through the API, on the ready 上坝镇 ledger
 * the helpers make), with the ways the grid tests look at it: open a register, a cell, the rows shown,
 * and what the ledger itself holds (asked through the CLI, not the screen).
 */
export function useGridSession(prefix: string, fill: (api: LedgerClient, villageId: (name: string) => number) => Promise<void>) {
  const session = useWebSession(prefix, async (db) => {
    const ctx = exampleContext(db);
    const api = createClient((name, input) => callMethod(ctx, name, input));
    const villageId = (name: string) => (ctx.ledger.sqlite.prepare('select id from villages where name = ?').get(name) as { id: number }).id;
    await fill(api, villageId);
    ctx.ledger.close();
  });
  const shots = process.env.GRID_SHOTS ?? join(session.dir, 'shots');
  mkdirSync(shots, { recursive: true });
  let context: BrowserContext;
  beforeAll(async () => {
    context = await session.browser.newContext({ viewport: { width: 1400, height: 860 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(session.url).origin });
  });

  const cli = <T>(method: string, input: unknown): T => {
    const r = ledgerCli(['--db', session.db, '--json', 'call', method, JSON.stringify(input)]);
    if (r.code !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout) as T;
  };

  async function openPage(route: string): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${session.url}#/${route}`);
    return { page, errors };
  }

  async function openGrid(key: string, route = `registers/${key}`): Promise<{ page: Page; errors: string[] }> {
    const { page, errors } = await openPage(route);
    await page.locator(`[data-testid="grid-${key}"][data-state="loaded"]`).waitFor();
    await page.locator(`[data-testid="grid-${key}"] .ag-row[row-index="0"]`).first().waitFor();
    return { page, errors };
  }

  return { session, shots, cli, openGrid, openPage };
}

export const cell = (page: Page, row: number, col: string) => page.locator(`.ag-row[row-index="${row}"] .ag-cell[col-id="${col}"]`).first();

/** A column's cells top to bottom, as shown (the DOM keeps rendered rows in no particular order). */
export const shownColumn = (page: Page, col: string, grid?: string) => page.evaluate(([c, g]) => {
  const root = g ? document.querySelector(`[data-testid="grid-${g}"]`)! : document;
  return [...root.querySelectorAll<HTMLElement>(`.ag-row .ag-cell[col-id="${c}"]`)]
    .map((x) => [Number(x.closest('.ag-row')!.getAttribute('row-index')), x.textContent ?? ''] as const)
    .sort((a, b) => a[0] - b[0]).map((x) => x[1]);
}, [col, grid] as const);
