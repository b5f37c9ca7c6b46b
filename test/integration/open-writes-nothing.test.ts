import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openContext } from '../../electron/context';
import { ledgerCli } from '../helpers/run';
import { tempLedger } from '../helpers/ledger';

const t = tempLedger();
afterAll(() => t.close());

function state(file: string) {
  const db = new Database(file, { readonly: true });
  const seq = db.prepare('select name, seq from sqlite_sequence order by name').all();
  db.close();
  return { bytes: readFileSync(file), seq };
}

describe('opening a ledger writes nothing', () => {
  it('opening twice (app, CLI report) leaves the file byte for byte, and sqlite_sequence, as it was', async () => {
    const unit = (await t.api.units.list({ search: '上坝镇机关' })).rows[0] as { id: number };
    await t.api.units.delete({ ids: [unit.id] });
    t.ctx.ledger.close();
    const before = state(t.file);
    expect(before.seq).toContainEqual({ name: 'villages', seq: 9 });
    for (let i = 0; i < 2; i++) openContext(t.file).ledger.close();
    expect(ledgerCli(['--db', t.file, 'report', '--from', '2014-01-01', '--to', '2014-06-30', '--json']).code).toBe(0);
    const after = state(t.file);
    expect(after.seq).toEqual(before.seq);
    expect(after.bytes.equals(before.bytes)).toBe(true);
    // The deleted 上坝镇机关 stays deleted.
    const db = new Database(t.file, { readonly: true });
    expect(db.prepare("select count(*) as n from units where name = '上坝镇机关' and deleted_at is null").get()).toEqual({ n: 0 });
    db.close();
  });

  it('a new ledger opens with no villages: the setup page is its first screen', () => {
    const file = `${t.dir}/new.sqlite`;
    const ctx = openContext(file);
    expect(ctx.ledger.sqlite.prepare('select (select count(*) from villages) + (select count(*) from units) + (select count(*) from settings) as n').get()).toEqual({ n: 0 });
    ctx.ledger.close();
  });
});
