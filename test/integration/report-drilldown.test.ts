import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HalfYearReport } from '../../electron/api/reports';
import { figurePaths, type FigureRecords } from '../../electron/rules/records';
import { downloaded, withDownloads } from '../helpers/downloads';
import { tempLedger, type TestLedger } from '../helpers/ledger';
import { importFiles, sampleFiles, SAMPLES } from '../helpers/samples';

/** Every figure of the report opens exactly the records behind it, on the samples ledger. */
let t: TestLedger;
const P = { from: '2014-01-01', to: '2014-06-30' };
let report: HalfYearReport;
const expected = JSON.parse(readFileSync(join(SAMPLES, 'expected.json'), 'utf8')) as HalfYearReport;

beforeAll(async () => {
  t = withDownloads(tempLedger());
  await importFiles(t, sampleFiles());
  report = (await t.api.reports.halfYear(P)) as HalfYearReport;
}, 120_000);
afterAll(() => t.close());

/** The value at a figure path in the report (keyed entries found by name / category and measure). */
function valueAt(r: HalfYearReport, path: string): string | number {
  if (path === 'land.demoSites') return r.land.demoSites.length;
  const demo = /^land\.demoSites\.(.+)\.mu$/.exec(path);
  if (demo) return r.land.demoSites.find((s) => s.name === demo[1])!.mu;
  const work = /^work\.([^.]+)\.(.+)$/.exec(path);
  if (work) return r.work.find((w) => w.category === work[1] && (w.measure ?? '-') === work[2])!.quantity;
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], r) as string | number;
}

describe('drill-down on the samples ledger', () => {
  it('the samples give the pairing figures of expected.json (the base the drill-down is checked on)', () => {
    expect(report.pairing).toEqual(expected.pairing);
    expect(report.aid).toEqual(expected.aid);
    expect(report.land).toEqual(expected.land);
  });

  it('covers every figure of the report: 28 fixed ones, the demo site and the four work entries', () => {
    const paths = figurePaths(report);
    expect(paths).toContain('land.demoSites.营尔村土地流转示范点.mu');
    expect(paths).toContain('work.宣传.份');
    expect(paths.length).toBe(28 + 1 + 4);
  });

  it('for every figure, the rows count (or their sum, for money, area and quantities) equals the figure', async () => {
    for (const figure of figurePaths(report)) {
      const r = (await t.api.reports.records({ figure, ...P })) as FigureRecords;
      const want = valueAt(report, figure);
      if (r.sumOf) {
        const sum = r.rows.reduce((s, row) => s + Number(row[r.sumOf!] ?? 0), 0);
        const shown = typeof want === 'string' ? (sum / 100).toFixed(2) : r.sumOf === 'quantity' ? sum / 100 : sum;
        expect(shown, figure).toBe(want);
      } else {
        expect(r.rows.length, figure).toBe(want);
      }
      expect(r.value, figure).toBe(want);
      // Each record once.
      expect(new Set(r.rows.map((row) => row.id)).size, figure).toBe(r.rows.length);
    }
  });

  it('the 31 district cadres are named with unit and rank; 8 of them leaders', async () => {
    const r = (await t.api.reports.records({ figure: 'pairing.district.cadres', ...P })) as FigureRecords;
    expect(r.rows.length).toBe(31);
    expect(r.rows.filter((x) => x.rank === '科级以上领导干部').length).toBe(8);
    expect(new Set(r.rows.map((x) => x.unit)).size).toBe(3);
  });

  it('exports a figure\'s rows as an .xlsx with one row a record under a header', async () => {
    const r = await t.api.reports.recordsXlsx({ figure: 'aid.cashYuan', ...P });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(downloaded(t, r) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(r.fileName).toBe('其中现金（2014-01-01至2014-06-30）.xlsx');
    expect(ws.getCell(2, 1).value).toBe('序号');
    let sum = 0;
    for (let row = 3; row < 3 + r.rows; row++) sum += Math.round(Number(ws.getCell(row, 7).value) * 100);
    expect(ws.getCell(2, 7).value).toBe('折合金额(元)');
    expect((sum / 100).toFixed(2)).toBe('900.00');
  });

  it('takes the report page\'s spellings too: a demo site by its index, a work entry with an empty measure', async () => {
    const byIndex = (await t.api.reports.records({ figure: 'land.demoSites.0.mu', ...P })) as FigureRecords;
    expect(byIndex.value).toBe('150.00');
    const work = (await t.api.reports.records({ figure: 'work.宣传.份', ...P })) as FigureRecords;
    expect(work.value).toBe(420);
  });

  it('refuses a figure the report does not have, in Chinese', async () => {
    await expect(t.api.reports.records({ figure: 'pairing.district.nothing', ...P })).rejects.toThrow('报告中没有“pairing.district.nothing”这一项数字');
  });

  it('a period before any pairing gives zero pairings and no records', async () => {
    const r = (await t.api.reports.halfYear({ from: '2010-01-01', to: '2010-06-30' })) as HalfYearReport;
    expect(r.pairing).toEqual({
      district: { units: 0, cadres: 0, leaders: 0, general: 0, poorHouseholds: 0, specialHouseholds: 0 },
      township: { cadres: 0, leaders: 0, general: 0, poorHouseholds: 0, specialHouseholds: 0 },
    });
    expect(r.visits.count).toBe(0);
    expect(r.aid.deliveries).toBe(0);
    const rows = (await t.api.reports.records({ figure: 'pairing.district.cadres', from: '2010-01-01', to: '2010-06-30' })) as FigureRecords;
    expect(rows.rows).toEqual([]);
  });
});
