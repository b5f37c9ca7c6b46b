import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HalfYearReport } from '../../electron/api/reports';
import { builder } from '../helpers/build';
import { withDownloads } from '../helpers/downloads';
import { tempLedger, type TestLedger } from '../helpers/ledger';

/**
 * One rule for "live" and "in force": the report and every export (T1–T7) count the same records
 * after a unit, a cadre, a household and a pairing are deleted. Every expected number below is
 * counted by hand from the ledger this file builds.
 */
let t: TestLedger;
const P = { from: '2014-01-01', to: '2014-06-30' };
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = withDownloads(tempLedger());
  const b = builder(t);
  ids.U1 = await b.unit('区统计局');
  ids.U2 = await b.unit('区司法局');
  ids.TW = await b.unit('镇机关测试', 'township');
  ids.A1 = await b.cadre(ids.U1, '甲一', 'leader');
  ids.A2 = await b.cadre(ids.U1, '甲二');
  ids.B1 = await b.cadre(ids.U2, '乙一');
  ids.T1 = await b.cadre(ids.TW, '丙一');
  ids.T2 = await b.cadre(ids.TW, '丙二', 'leader');
  ids.H1 = await b.household('新上村', '户一', 'poor');
  ids.H2 = await b.household('新上村', '户二', 'poor');
  ids.H3 = await b.household('光辉村', '户三', 'special');
  ids.H4 = await b.household('光辉村', '户四', 'poor');
  ids.H6 = await b.household('新上村', '户六', 'special');
  ids.P1 = await b.pair(ids.A1, ids.H1);
  ids.P2 = await b.pair(ids.A2, ids.H2);
  ids.P3 = await b.pair(ids.B1, ids.H3);
  ids.P4 = await b.pair(ids.B1, ids.H4);
  ids.P5 = await b.pair(ids.T1, ids.H4);
  ids.P6 = await b.pair(ids.A1, ids.H6);
  ids.P7 = await b.pair(ids.T2, ids.H2);
  await b.visit(ids.A1, ids.H1);
  await b.visit(ids.A2, ids.H2);
  await b.visit(ids.B1, ids.H3);
  await b.visit(ids.B1, ids.H4);
  await b.visit(ids.T2, ids.H2);
  await b.visit(ids.A1, ids.H6);
  await b.aid(ids.U1, ids.H1, 10000);
  await b.aid(ids.U2, ids.H3, 20000, '大米');
  await b.aid(ids.U1, ids.H6, 5000, '大米');
  await b.plot(ids.H1, 1000);
  await b.plot(ids.H3, 2000);
  await b.plot(ids.H6, 500, '2013-05-01');
  const zone = await b.zone('新上村钢架大棚小区', '新上村');
  await b.greenhouse(zone, ids.H2, 3, 200);
  await b.greenhouse(zone, ids.H1, 2, 100);
  await b.work(ids.U1, '宣传', 10000, '册');
  await b.work(ids.U2, '宣传', 5000, '册');
  await b.link(ids.U1, '新上村');
  await b.link(ids.U2, '光辉村');
});
afterAll(() => t.close());

const report = () => t.api.reports.halfYear(P) as Promise<HalfYearReport>;
const exported = async (sheet: 'T1' | 'T2' | 'T3' | 'T4' | 'T5' | 'T6' | 'T7', extra: Record<string, unknown> = {}) =>
  ((await t.api.exports.sheet({ sheet, ...P, ...extra })) as { rows: number }).rows;

describe('before anything is deleted', () => {
  it('the report counts every pairing, and T1 lists all seven', async () => {
    const r = await report();
    expect(r.pairing.district).toEqual({ units: 2, cadres: 3, leaders: 1, general: 2, poorHouseholds: 3, specialHouseholds: 2 });
    expect(r.pairing.township).toEqual({ cadres: 2, leaders: 1, general: 1, poorHouseholds: 2, specialHouseholds: 0 });
    expect(await exported('T1')).toBe(7);
    expect(r.visits.count).toBe(6);
    expect(await exported('T3')).toBe(6);
  });
});

describe('after deleting 区司法局, the cadre 甲二, the household 户一 and the pairing 丙一–户四', () => {
  beforeAll(async () => {
    await t.api.units.delete({ ids: [ids.U2], cascade: true });
    await t.api.cadres.delete({ ids: [ids.A2], cascade: true });
    await t.api.households.delete({ ids: [ids.H1] });
    await t.api.pairings.delete({ ids: [ids.P5] });
  });

  it('the report counts only 甲一–户六 (district) and 丙二–户二 (township)', async () => {
    const r = await report();
    expect(r.pairing.district).toEqual({ units: 1, cadres: 1, leaders: 1, general: 0, poorHouseholds: 0, specialHouseholds: 1 });
    expect(r.pairing.township).toEqual({ cadres: 1, leaders: 1, general: 0, poorHouseholds: 1, specialHouseholds: 0 });
  });

  it('T1 lists the same two pairings, none for the deleted unit', async () => {
    expect(await exported('T1')).toBe(2);
    await expect(exported('T1', { unitId: ids.U2 })).rejects.toThrow('没有这个联系单位');
    expect(await exported('T1', { unitId: ids.U1 })).toBe(1);
  });

  it('T2 lists the live poor and special households (户二, 户三, 户四, 户六); for 区统计局 only 户六', async () => {
    expect(await exported('T2')).toBe(4);
    expect(await exported('T2', { unitId: ids.U1 })).toBe(1);
  });

  it('T3 and the report: the visits of 丙二→户二 and 甲一→户六 only', async () => {
    expect((await report()).visits.count).toBe(2);
    expect(await exported('T3')).toBe(2);
  });

  it('T4 and the report: the rice to 户六 only (50.00 元, no cash)', async () => {
    const r = await report();
    expect(r.aid).toEqual({ deliveries: 1, households: 1, totalYuan: '50.00', cashYuan: '0.00' });
    expect(await exported('T4')).toBe(1);
  });

  it('T5 and the report: 户三 20 亩 new, 户六 5 亩 from 2013 still in force', async () => {
    const r = await report();
    expect(r.land).toMatchObject({ plotsInForce: 2, cumulativeMu: '25.00', newPlots: 1, newMu: '20.00' });
    expect(await exported('T5')).toBe(r.land.newPlots);
    // 光辉村's plot is 户三's; 区统计局 is linked to 新上村 only, whose new plot (户一's) is deleted.
    expect(await exported('T5', { unitId: ids.U1 })).toBe(0);
    expect(await exported('T5', { villageId: t.ctx.ledger.sqlite.prepare("select id from villages where name = '光辉村'").pluck().get() })).toBe(1);
  });

  it('T6 and the report: 户二 3 座 2 亩', async () => {
    const r = await report();
    expect(r.greenhouses).toEqual({ zones: 1, count: 3, areaMu: '2.00' });
    expect(await exported('T6')).toBe(1);
  });

  it('T7 and the report: 区统计局 100 册 only', async () => {
    const r = await report();
    expect(r.work).toEqual([{ category: '宣传', measure: '册', quantity: 100 }]);
    expect(await exported('T7')).toBe(1);
  });

  it('the visit sheets print the households with a live pairing in force: 户二 and 户六', async () => {
    const list = t.ctx.ledger.sqlite.prepare('select id from villages where name = ?').get('新上村') as { id: number };
    const { selectHouseholds } = await import('../../electron/print/data');
    expect(selectHouseholds(t.ctx, { villageId: list.id, asOf: '2014-06-30' }).map((h) => h.head)).toEqual(['户二', '户六']);
    expect(selectHouseholds(t.ctx, { unitId: ids.U2, asOf: '2014-06-30' })).toEqual([]);
  });

  it('the cadre register counts the households each cadre is paired with today', async () => {
    const page = (await t.api.cadres.list({ limit: 50 })) as unknown as { rows: { name: string; householdCount: number }[] };
    const count = Object.fromEntries(page.rows.map((r) => [r.name, r.householdCount]));
    // 乙一 went with its unit (deleted together); 丙一's one pairing is deleted, so no one in force.
    expect(count).toEqual({ 甲一: 1, 丙一: 0, 丙二: 1 });
  });
});
