import { afterEach, describe, expect, it } from 'vitest';
import { Writer } from '../../electron/io/import/writer';
import { tempLedger, villageId, type TestLedger } from '../helpers/ledger';

let t: TestLedger | undefined;
afterEach(() => t?.close());

type Hist = { table_name: string; row_id: number; action: string; head: string | null; phone: string | null; before_head: string | null };
const history = (t: TestLedger, since: number) => t.ctx.ledger.sqlite.prepare(
  `select table_name, row_id, action, json_extract(after, '$.head') head, json_extract(after, '$.phone') phone,
     json_extract(before, '$.head') before_head from audit_log where id > ? order by id`).all(since) as Hist[];

describe('an import\'s history rows, written in batches', () => {
  it('a refused row that changed an earlier row\'s household leaves that household\'s history as the kept rows wrote it', () => {
    t = tempLedger();
    const db = t.ctx.ledger.sqlite;
    const since = (db.prepare('select coalesce(max(id), 0) as n from audit_log').get() as { n: number }).n;
    const village = villageId(t, '新上村');
    const read = (id: number) => db.prepare('select * from households where id = ?').get(id) as { id: number } & Record<string, unknown>;
    db.exec('BEGIN IMMEDIATE');
    const w = new Writer(db);
    // Row 1 adds 甲户 and is kept; its history row is still queued.
    w.startRow();
    const a = w.insert('households', { village_id: village, head: '甲', category: 'ordinary' });
    w.keepRow();
    // Row 2 adds 乙户, renames 甲户 (its queued history row is written first, inside row 2's savepoint), then is refused.
    w.startRow();
    w.insert('households', { village_id: village, head: '乙', category: 'ordinary' });
    w.update('households', read(a.id), { head: '甲改' });
    w.abandonRow();
    // Row 3 gives 甲户 a phone and is kept.
    w.startRow();
    w.update('households', read(a.id), { phone: '13800000000' });
    w.keepRow();
    w.finish();
    db.exec('COMMIT');

    expect(read(a.id)).toMatchObject({ head: '甲', phone: '13800000000' });
    expect(history(t, since)).toEqual([
      { table_name: 'households', row_id: a.id, action: 'create', head: '甲', phone: null, before_head: null },
      { table_name: 'households', row_id: a.id, action: 'update', head: '甲', phone: '13800000000', before_head: '甲' },
    ]);
    expect(db.prepare('select count(*) as n from households where head in (?, ?)').get('乙', '甲改')).toEqual({ n: 0 });
  });
});
