import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDownloads } from '../helpers/downloads';
import { tempLedger, type TestLedger } from '../helpers/ledger';

let t: TestLedger;
beforeAll(async () => { t = withDownloads(tempLedger()); await t.api.meta.loadDemo({}); });
afterAll(() => t.close());

describe('the demo ledger', () => {
  it("reproduces the pairing table of the reference township's 2014 half-year report (DOMAIN.md)", async () => {
    const r = await t.api.reports.halfYear({ from: '2014-01-01', to: '2014-06-30' });
    expect(r.pairing.district).toEqual({ units: 9, cadres: 263, leaders: 70, general: 193, poorHouseholds: 263, specialHouseholds: 68 });
    expect(r.pairing.township).toEqual({ cadres: 66, leaders: 12, general: 54, poorHouseholds: 66, specialHouseholds: 12 });
  });

  it('holds valid data only: every ID passes its check, no cadre visits one household twice a day', async () => {
    const db = t.ctx.ledger.sqlite;
    expect(db.prepare('select count(*) as n from households').get()).toEqual({ n: 2702 });
    expect(db.prepare('select count(*) as n from (select 1 from visits group by cadre_id, household_id, date having count(*) > 1)').get()).toEqual({ n: 0 });
    const sample = await t.api.households.list({ limit: 50 });
    for (const h of sample.rows) {
      const updated = await t.api.households.update({ id: h.id, patch: { idNumber: h.idNumber } });
      expect(updated.changed).toEqual([]);
    }
  });

  it('counts the same records in the report as the exported sheets hold, also after a household is deleted', async () => {
    const db = t.ctx.ledger.sqlite;
    // A household with an aid delivery, a visit and a land plot in the period, deleted (soft) by the clerk.
    const { id } = db.prepare(`select a.household_id as id from aid_deliveries a
      where exists (select 1 from visits v where v.household_id = a.household_id)
        and exists (select 1 from land_plots l where l.household_id = a.household_id) limit 1`).get() as { id: number };
    const period = { from: '2014-01-01', to: '2014-06-30' };
    const before = await t.api.reports.halfYear(period);
    await t.api.households.delete({ ids: [id] });
    const after = await t.api.reports.halfYear(period);
    expect(after.aid.deliveries).toBe(before.aid.deliveries - 1);
    expect(after.visits.count).toBeLessThan(before.visits.count);
    const t3 = await t.api.exports.sheet({ sheet: 'T3', ...period });
    const t4 = await t.api.exports.sheet({ sheet: 'T4', ...period });
    expect(t3.rows).toBe(after.visits.count);
    expect(t4.rows).toBe(after.aid.deliveries);
    await t.api.households.restore({ ids: [id] });
    expect((await t.api.reports.halfYear(period)).visits.count).toBe(before.visits.count);
  });

  it('refuses to load into a ledger that already has households', async () => {
    await expect(t.api.meta.loadDemo({})).rejects.toThrow('只能载入空台账');
  });
});

describe('demo data as its own batch', () => {
  it('is marked while present, and 导入记录 → 撤销 removes every demo record, leaving the base data', async () => {
    const d = tempLedger();
    try {
      const base = d.ctx.ledger.sqlite.prepare('select (select count(*) from units) as units, (select count(*) from villages) as villages').get();
      expect((await d.api.meta.info({})).demo).toBe(false);
      const loaded = await d.api.meta.loadDemo({});
      const info = await d.api.meta.info({});
      expect(info.demo).toBe(true);
      expect(info.counts.households).toBe(2702);
      const [batch] = (await d.api.imports.batches({})).rows;
      expect(batch).toMatchObject({ id: loaded.batch, unit: '演示数据' });
      const row = (await d.api.audit.list({ limit: 1 })).rows[0];
      expect(row.source).toBe('演示数据');

      await d.api.imports.rollback({ batchId: loaded.batch });
      const db = d.ctx.ledger.sqlite;
      for (const table of ['households', 'cadres', 'pairings', 'visits', 'aid_deliveries', 'land_plots', 'greenhouse_zones', 'greenhouses', 'work_items', 'unit_villages']) {
        expect(db.prepare(`select count(*) from ${table}`).pluck().get(), table).toBe(0);
      }
      expect(db.prepare('select (select count(*) from units) as units, (select count(*) from villages) as villages').get()).toEqual(base);
      expect((await d.api.meta.info({})).demo).toBe(false);
    } finally {
      d.close();
    }
  }, 120_000);
});
