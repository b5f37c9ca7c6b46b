import type { Ctx } from './define';

/** A setting's stored value (JSON), or null when it was never set or cannot be read. */
export function readSetting(ctx: Ctx, key: string): unknown {
  const row = ctx.ledger.sqlite.prepare('select value from settings where key = ?').get(key) as { value: string } | undefined;
  if (!row) return null;
  try { return JSON.parse(row.value) as unknown; } catch { return null; }
}
