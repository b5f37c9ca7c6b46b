import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type LedgerClient } from '../../electron/api/client';
import type { Ctx } from '../../electron/api/define';
import { callMethod } from '../../electron/api/dispatch';
import { openContext } from '../../electron/context';

export type TestLedger = { ctx: Ctx; api: LedgerClient; file: string; dir: string; close(): void };

/** A fresh ledger in a temporary folder, with the base data, and the typed client over direct calls. */
export function tempLedger(): TestLedger {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-test-'));
  const file = join(dir, 'ledger.sqlite');
  const ctx = openContext(file);
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
