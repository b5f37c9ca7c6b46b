import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type LedgerClient } from '../../electron/api/client';
import type { Ctx } from '../../electron/api/define';
import { callMethod } from '../../electron/api/dispatch';
import { hasTownship, setupTownship } from '../../electron/api/township-setup';
import { openContext } from '../../electron/context';
import type { Ledger } from '../../db/open';
import { EXAMPLE_TOWNSHIP } from '../../seeds/base';

export type TestLedger = { ctx: Ctx; api: LedgerClient; file: string; dir: string; close(): void };

/**
 * Gives an open ledger the example township 上坝镇 (9 villages, 58 groups, 上坝镇机关) unless it has a
 * township already — what opening a ledger did before base data moved to setup.
 */
export function withExampleTownship(ledger: Ledger): Ledger {
  const ctx = { ledger, db: ledger.db };
  if (!hasTownship(ctx)) setupTownship(ctx, EXAMPLE_TOWNSHIP, 'init');
  return ledger;
}

/** Opens (creating if needed) a ledger file as the app does, set up as 上坝镇 if it has no township. */
export function exampleContext(file: string): Ctx {
  const ctx = openContext(file);
  withExampleTownship(ctx.ledger);
  return ctx;
}

/** A fresh ledger in a temporary folder, set up as 上坝镇, and the typed client over direct calls. */
export function tempLedger(): TestLedger {
  return testLedger(true);
}

/** A fresh ledger with no township yet, as a first run finds it (the setup page's ledger). */
export function emptyLedger(): TestLedger {
  return testLedger(false);
}

function testLedger(example: boolean): TestLedger {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-test-'));
  const file = join(dir, 'ledger.sqlite');
  const ctx = example ? exampleContext(file) : openContext(file);
  const api = createClient((name, input) => callMethod(ctx, name, input));
  return {
    ctx, api, file, dir,
    close: () => { ctx.ledger.close(); rmSync(dir, { recursive: true, force: true }); },
  };
}

export function villageId(t: TestLedger, name: string): number {
  return (t.ctx.ledger.sqlite.prepare('select id from villages where name = ?').get(name) as { id: number }).id;
}

export function groupId(t: TestLedger, village: string, group: string): number {
  return (t.ctx.ledger.sqlite.prepare(
    'select g.id from village_groups g join villages v on v.id = g.village_id where v.name = ? and g.name = ?',
  ).get(village, group) as { id: number }).id;
}
