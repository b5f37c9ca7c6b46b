import type { Ledger } from '../db/open';
import { TOWNSHIP, TOWNSHIP_UNIT, VILLAGES, groupName } from './base';

/** Loads the base data into a ledger; running it again adds nothing. Returns what was added. */
export function loadBaseData(ledger: Ledger): { villages: number; groups: number; units: number } {
  const db = ledger.sqlite;
  const added = { villages: 0, groups: 0, units: 0 };
  db.transaction(() => {
    db.prepare(`insert into settings (key, value) values ('township', ?) on conflict(key) do nothing`).run(JSON.stringify(TOWNSHIP));
    const insVillage = db.prepare('insert into villages (code, name, sort) values (?, ?, ?) on conflict do nothing');
    const villageId = db.prepare('select id from villages where code = ?');
    const insGroup = db.prepare('insert into village_groups (village_id, name, sort) values (?, ?, ?) on conflict do nothing');
    VILLAGES.forEach((v, i) => {
      added.villages += insVillage.run(v.code, v.name, i + 1).changes;
      const { id } = villageId.get(v.code) as { id: number };
      for (let n = 1; n <= v.groups; n++) added.groups += insGroup.run(id, groupName(n), n).changes;
    });
    const hasUnit = db.prepare('select 1 from units where name = ? and deleted_at is null').get(TOWNSHIP_UNIT);
    if (!hasUnit) {
      const r = db.prepare("insert into units (name, kind) values (?, 'township')").run(TOWNSHIP_UNIT);
      db.prepare("insert into audit_log (table_name, row_id, action, after, source) values ('units', ?, 'create', ?, 'init')")
        .run(r.lastInsertRowid, JSON.stringify({ name: TOWNSHIP_UNIT, kind: 'township' }));
      added.units++;
    }
  })();
  return added;
}
