import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HalfYearReport } from '../../electron/api/reports';
import { reportInput } from '../../electron/api/report-data';
import { floorFigures } from '../bench/report-floor';
import { fillBigLedger } from '../helpers/big-ledger';
import { tempLedger, type TestLedger } from '../helpers/ledger';

/**
 * The report's figures on a generated ledger of many households and years, with deleted households,
 * cadres, a deleted unit and deleted visits and deliveries: the figures the report counts from its
 * indexes equal the same figures counted again by a plain walk over every row, and the benchmark's
 * hand-written SQL agrees with them (so `npm run bench report` compares like with like).
 */
let t: TestLedger;
beforeAll(() => {
  t = tempLedger();
  fillBigLedger(t.ctx.ledger.sqlite, { households: 1500, records: 30_000 });
});
afterAll(() => t.close());

const PERIODS = [
  { from: '2013-07-01', to: '2013-12-31' },
  { from: '2014-01-01', to: '2014-06-30' },
  { from: '2015-01-01', to: '2015-12-31' },
];

type Rec = { id: number; household_id: number; deleted_at: string | null; date: string };
/** The figures by hand: every row read, the rules of DOMAIN.md applied in plain code. */
function byHand(from: string, to: string) {
  const db = t.ctx.ledger.sqlite;
  const all = <T>(sql: string) => db.prepare(sql).all() as T[];
  const deadUnits = new Set(all<{ id: number }>('select id from units where deleted_at is not null').map((u) => u.id));
  const liveCadres = new Set(all<{ id: number; unit_id: number; deleted_at: string | null }>('select id, unit_id, deleted_at from cadres')
    .filter((c) => !c.deleted_at && !deadUnits.has(c.unit_id)).map((c) => c.id));
  const households = all<{ id: number; category: string; deleted_at: string | null }>('select id, category, deleted_at from households');
  const liveHouseholds = new Set(households.filter((h) => !h.deleted_at).map((h) => h.id));
  const inPeriod = (d: string) => d >= from && d <= to;
  const visits = all<Rec & { cadre_id: number }>('select id, household_id, cadre_id, deleted_at, date from visits')
    .filter((r) => !r.deleted_at && inPeriod(r.date) && liveHouseholds.has(r.household_id) && liveCadres.has(r.cadre_id));
  const aid = all<Rec & { unit_id: number; amount_fen: number }>('select id, household_id, unit_id, deleted_at, date, amount_fen from aid_deliveries')
    .filter((a) => !a.deleted_at && inPeriod(a.date) && liveHouseholds.has(a.household_id) && !deadUnits.has(a.unit_id));
  // A household counts once the ledger knew it: its first live dated record by the period's end, or none at all.
  const first = new Map<number, string>();
  const note = (h: number, d: string | null) => { if (d && (!first.has(h) || d < first.get(h)!)) first.set(h, d); };
  for (const [table, col] of [['pairings', 'since'], ['visits', 'date'], ['aid_deliveries', 'date'], ['land_plots', 'start'], ['greenhouses', 'built_on']]) {
    for (const r of all<{ h: number; d: string | null }>(`select household_id as h, ${col} as d from ${table} where deleted_at is null`)) note(r.h, r.d);
  }
  const known = households.filter((h) => !h.deleted_at && (!first.has(h.id) || first.get(h.id)! <= to));
  return {
    visits: visits.length,
    deliveries: aid.length,
    aidFen: aid.reduce((s, a) => s + a.amount_fen, 0),
    aidHouseholds: new Set(aid.map((a) => a.household_id)).size,
    households: known.length,
    poor: known.filter((h) => h.category === 'poor').length,
  };
}

describe('the half-year report over a big generated ledger', () => {
  it('has deleted records of every kind to leave out (else the checks below prove little)', () => {
    const n = (sql: string) => t.ctx.ledger.sqlite.prepare(sql).pluck().get() as number;
    expect(n('select count(*) from units where deleted_at is not null')).toBeGreaterThan(0);
    expect(n('select count(*) from households where deleted_at is not null')).toBeGreaterThan(0);
    expect(n('select count(*) from visits v join cadres c on c.id = v.cadre_id join units u on u.id = c.unit_id where u.deleted_at is not null and v.deleted_at is null')).toBeGreaterThan(0);
    expect(n('select count(*) from visits where deleted_at is not null')).toBeGreaterThan(0);
  });

  for (const p of PERIODS) {
    it(`counts visits, aid and households of ${p.from}…${p.to} as a walk over every row does`, async () => {
      const r = (await t.api.reports.halfYear(p)) as HalfYearReport;
      const want = byHand(p.from, p.to);
      expect(r.visits.count).toBe(want.visits);
      expect(r.aid.deliveries).toBe(want.deliveries);
      expect(r.aid.households).toBe(want.aidHouseholds);
      expect(r.aid.totalYuan).toBe((want.aidFen / 100).toFixed(2));
      expect(r.households.total).toBe(want.households);
      expect(r.households.poor).toBe(want.poor);
      expect(want.visits).toBeGreaterThan(100);
      // Households first named after the period's end are left out.
      expect(want.households).toBeLessThan(1500);
    });

    it(`gives the same figures for ${p.from}…${p.to} as the benchmark's hand-written SQL`, async () => {
      const r = (await t.api.reports.halfYear(p)) as HalfYearReport;
      expect(floorFigures(t.ctx.ledger.sqlite, p.from, p.to)).toEqual(r);
    });
  }

  it('the villages of the report add up to the township, visits of a deleted unit\'s cadres left out of both', () => {
    const input = reportInput(t.ctx, '2014-01-01', '2014-06-30');
    const sum = (k: 'visits' | 'aidFen' | 'pairedHouseholds') => input.villages.reduce((s, v) => s + v[k], 0);
    expect(sum('visits')).toBe(input.figures.visits.count);
    expect((sum('aidFen') / 100).toFixed(2)).toBe(input.figures.aid.totalYuan);
    const p = input.figures.pairing;
    expect(sum('pairedHouseholds')).toBeGreaterThan(0);
    expect(input.villages.length).toBe(9);
    expect(p.district.cadres + p.township.cadres).toBeGreaterThan(0);
  });
});
