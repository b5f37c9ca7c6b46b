import { checkDraft, cleanDraft, type TownshipDraft } from '../township/codes';
import { LedgerError, type Ctx } from './define';
import { readSetting } from './setting-store';

/** A ledger has its township once it holds villages: they come only from a setup, never at open. */
export function hasTownship(ctx: Ctx): boolean {
  return Boolean(ctx.ledger.sqlite.prepare('select 1 from villages limit 1').get());
}

/**
 * Sets up the township of a ledger that has none: the township setting, its villages and groups, and
 * its own organ as a township unit — one transaction, every row audited. Refused on a ledger that
 * already has its township (villages are then renamed, added and retired one by one).
 */
export function setupTownship(ctx: Ctx, draft: TownshipDraft, source = 'setup'): { villages: number; groups: number; organ: string } {
  const problems = checkDraft(draft);
  if (problems.length) throw new LedgerError(problems.map((p) => p.message).join('；'), problems);
  const d = cleanDraft(draft);
  const db = ctx.ledger.sqlite;
  return db.transaction(() => {
    if (hasTownship(ctx)) {
      const t = readSetting(ctx, 'township') as { name?: string } | null;
      throw new LedgerError(`这个台账已经设置了乡镇${t?.name ? `“${t.name}”` : ''}，不能再次设置；村和村民小组请在“设置 → 村和村民小组”中修改`);
    }
    const audit = db.prepare('insert into audit_log (table_name, row_id, action, before, after, source) values (?, ?, ?, ?, ?, ?)');
    const before = readSetting(ctx, 'township');
    const township = { name: d.name, code: d.code, ...(d.county ? { county: d.county } : {}) };
    db.prepare("insert into settings (key, value) values ('township', ?) on conflict(key) do update set value = excluded.value").run(JSON.stringify(township));
    audit.run('settings', 0, before ? 'update' : 'create', JSON.stringify({ township: before }), JSON.stringify({ township }), source);
    const insVillage = db.prepare('insert into villages (code, name, sort) values (?, ?, ?) returning *');
    const insGroup = db.prepare('insert into village_groups (village_id, name, sort) values (?, ?, ?) returning *');
    let groups = 0;
    d.villages.forEach((v, i) => {
      const row = insVillage.get(v.code, v.name, i + 1) as { id: number };
      audit.run('villages', row.id, 'create', null, JSON.stringify(row), source);
      v.groups.forEach((g, j) => {
        const gr = insGroup.get(row.id, g, j + 1) as { id: number };
        audit.run('village_groups', gr.id, 'create', null, JSON.stringify(gr), source);
        groups++;
      });
    });
    const organ = db.prepare('select * from units where name = ? and deleted_at is null').get(d.organName) as { id: number; kind: string } | undefined;
    if (!organ) {
      const u = db.prepare("insert into units (name, kind) values (?, 'township') returning *").get(d.organName) as { id: number };
      audit.run('units', u.id, 'create', null, JSON.stringify(u), source);
    } else if (organ.kind !== 'township') {
      const after = db.prepare("update units set kind = 'township' where id = ? returning *").get(organ.id);
      audit.run('units', organ.id, 'update', JSON.stringify(organ), JSON.stringify(after), source);
    }
    return { villages: d.villages.length, groups, organ: d.organName };
  })();
}
