import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HalfYearReport, PreviousFigures } from '../../electron/api/reports';
import { previousPeriod } from '../../electron/rules/half-year';
import { builder } from '../helpers/build';
import { withDownloads } from '../helpers/downloads';
import { tempLedger } from '../helpers/ledger';
import { importFiles, sampleFiles } from '../helpers/samples';

const H1 = { from: '2014-01-01', to: '2014-06-30' };
const H2 = { from: '2014-07-01', to: '2014-12-31' };
const dir = mkdtempSync(join(tmpdir(), 'ledger-time-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pairings over time', () => {
  it('a pairing ended inside the period counts in it and not in the next', async () => {
    const t = withDownloads(tempLedger());
    const b = builder(t);
    const unit = await b.unit('区统计局');
    const a = await b.cadre(unit, '甲');
    const c = await b.cadre(unit, '乙');
    await b.pair(a, await b.household('新上村', '户一'), '2014-02-01', '2014-05-15');
    await b.pair(c, await b.household('新上村', '户二'), '2014-02-01');
    const h1 = (await t.api.reports.halfYear(H1)) as HalfYearReport;
    const h2 = (await t.api.reports.halfYear(H2)) as HalfYearReport;
    expect(h1.pairing.district.cadres).toBe(2);
    expect(h2.pairing.district.cadres).toBe(1);
    const rows = (await t.api.reports.records({ figure: 'pairing.district.cadres', ...H2 })) as unknown as { rows: { name: string }[] };
    expect(rows.rows.map((r) => r.name)).toEqual(['乙']);
    // The T1 export of each half-year agrees.
    expect(((await t.api.exports.sheet({ sheet: 'T1', ...H1 })) as { rows: number }).rows).toBe(2);
    expect(((await t.api.exports.sheet({ sheet: 'T1', ...H2 })) as { rows: number }).rows).toBe(1);
    t.close();
  });

  it('the report gives the previous half-year\'s pairing figures beside this one (3 cadres → 2)', async () => {
    const t = tempLedger();
    const b = builder(t);
    const unit = await b.unit('区统计局');
    const [x, y, w, z] = [await b.cadre(unit, '甲', 'leader'), await b.cadre(unit, '乙'), await b.cadre(unit, '丙'), await b.cadre(unit, '丁')];
    await b.pair(x, await b.household('新上村', '户一'), '2013-07-01', '2013-12-31');
    await b.pair(y, await b.household('新上村', '户二', 'special'), '2013-07-01');
    await b.pair(w, await b.household('新上村', '户三'), '2013-08-01', '2013-10-01');
    await b.pair(z, await b.household('新上村', '户四'), '2014-02-01');
    const r = (await t.api.reports.halfYear({ ...H1, previous: true })) as HalfYearReport & { previous: PreviousFigures };
    expect(r.pairing.district).toMatchObject({ cadres: 2, leaders: 0, general: 2, poorHouseholds: 1, specialHouseholds: 1 });
    expect(r.previous.period).toEqual({ from: '2013-07-01', to: '2013-12-31' });
    expect(r.previous.pairing.district).toMatchObject({ cadres: 3, leaders: 1, general: 2, poorHouseholds: 2, specialHouseholds: 1 });
    // Without asking, the output keeps the shape of expected.json.
    expect('previous' in ((await t.api.reports.halfYear(H1)) as object)).toBe(false);
    t.close();
  });

  it('the previous period: the half-year before, or the equal span just before', () => {
    expect(previousPeriod(H1)).toEqual({ from: '2013-07-01', to: '2013-12-31' });
    expect(previousPeriod(H2)).toEqual(H1);
    expect(previousPeriod({ from: '2014-03-01', to: '2014-03-31' })).toEqual({ from: '2014-01-29', to: '2014-02-28' });
  });
});

describe('households over time', () => {
  it('a household counts from the half-year of its first record of any kind, or always when it has none', async () => {
    const t = tempLedger();
    const b = builder(t);
    const unit = await b.unit('区统计局');
    const cadre = await b.cadre(unit, '甲');
    const zone = await b.zone('大棚小区', '新上村');
    const [one, two, , four, five, six] = await Promise.all(['户一', '户二', '户三', '户四', '户五', '户六'].map((n) => b.household('新上村', n)));
    await b.visit(cadre, one, '2014-09-01'); // only a later visit, never paired
    await b.plot(two, 150, '2014-10-01'); // a later plot, but aid before it
    await b.aid(unit, two, 10000, '现金', '2014-03-01');
    // three: nothing dated at all (a T2 row only)
    await b.pair(cadre, four, '2014-08-01'); // paired later, but visited before
    await b.visit(cadre, four, '2014-05-01');
    await b.greenhouse(zone, five, 1, 140, '2015-04-01'); // a greenhouse built the next year
    await b.aid(unit, six, 10000, '现金', '2014-08-01'); // only later aid
    const heads = async (p: { from: string; to: string }) => ((await t.api.reports.records({ figure: 'households.total', ...p })) as unknown as { rows: { head: string }[] })
      .rows.map((r) => r.head).sort();
    const h1 = (await t.api.reports.halfYear(H1)) as HalfYearReport;
    const h2 = (await t.api.reports.halfYear(H2)) as HalfYearReport;
    expect(h1.households.total).toBe(3);
    expect(await heads(H1)).toEqual(['户三', '户二', '户四'].sort());
    expect(h2.households.total).toBe(5);
    expect(await heads(H2)).toEqual(['户一', '户三', '户二', '户四', '户六'].sort());
    t.close();
  });
});

describe('importing a later half-year', () => {
  it('leaves the earlier half-year\'s report unchanged, and the later one counts the new roster', async () => {
    const t = tempLedger();
    await importFiles(t, sampleFiles());
    const before = await t.api.reports.halfYear(H1);
    const beforeH2 = (await t.api.reports.halfYear(H2)) as HalfYearReport;
    // 区文广局's second half-year: a new cadre paired with a new household, and visits dated in H2.
    const roster = join(dir, '区文广局-花名册-下半年.csv');
    writeFileSync(roster, [
      '序号,联系单位,姓名,性别,职务,干部级别,联系电话,村,村民小组,户主姓名,身份证号码,家庭人口,户类型,致贫原因,结对日期,备注',
      '1,区文广局,新干部,男,科员,一般干部,13909370001,光辉村,一组,下半年新户,620902198001010010,3,贫困户,因病,2014.8.1,',
    ].join('\n'));
    const visits = join(dir, '区文广局-走访记录-下半年.csv');
    writeFileSync(visits, [
      '序号,走访日期,联系单位,干部姓名,村,户主姓名,身份证号码,户情,经济状况,发展愿望,存在困难,就医就学,重病住院,子女辍学,意外灾害,亲人去世,节日慰问,走访内容,群众诉求,帮办实事,办理结果,备注',
      '1,2014.9.10,区文广局,新干部,光辉村,下半年新户,620902198001010010,√,√,,,,,,,,,了解户情,,,,',
    ].join('\n'));
    await importFiles(t, [roster, visits]);
    expect(await t.api.reports.halfYear(H1)).toEqual(before);
    const after = (await t.api.reports.halfYear(H2)) as HalfYearReport;
    expect(after.pairing.district.cadres).toBe(beforeH2.pairing.district.cadres + 1);
    expect(after.visits.count).toBe(beforeH2.visits.count + 1);
    t.close();
  }, 120_000);
});
