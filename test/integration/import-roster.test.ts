import ExcelJS from 'exceljs';
import XLSX from 'xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpLedger } from '../helpers/dump';
import { downloaded, withDownloads } from '../helpers/downloads';
import { tempLedger, type TestLedger } from '../helpers/ledger';
import { idNumber } from '../helpers/sheets';

let t: TestLedger;
beforeEach(() => { t = withDownloads(tempLedger()); });
afterEach(() => t.close());

const HEAD = ['序号', '联系单位', '姓名', '性别', '职务', '干部级别', '联系电话', '村', '村民小组', '户主姓名', '身份证号码', '家庭人口', '户类型', '致贫原因', '结对日期', '备注'];
type Pair = { unit: string; cadre: string; rank: '科级以上领导干部' | '一般干部'; head: string; id: string; category: '贫困户' | '特殊户'; since?: string; until?: string };

const H = ['孟珍发', '汪宝', '李秀英', '张国强', '王桂兰', '赵玉华'].map((head, i) => ({ head, id: idNumber(`1960010${i + 1}`, 100 + i * 2 + 1) }));
const P: Pair[] = [
  { unit: '区统计局', cadre: '张三', rank: '科级以上领导干部', ...H[0], category: '贫困户' },
  { unit: '区统计局', cadre: '张三', rank: '科级以上领导干部', ...H[1], category: '贫困户' },
  { unit: '区统计局', cadre: '李四', rank: '一般干部', ...H[2], category: '贫困户' },
  { unit: '区统计局', cadre: '李四', rank: '一般干部', ...H[3], category: '贫困户' },
  { unit: '区统计局', cadre: '王五', rank: '一般干部', ...H[4], category: '特殊户' },
  { unit: '区文广局', cadre: '赵六', rank: '一般干部', ...H[5], category: '贫困户' },
];

/** A T1 sheet as a unit's Excel writes it: title, 填报单位/填报时间 line, header, rows; written with ExcelJS. */
async function t1(pairs: Pair[], opts: { unit?: string; reported?: string; withUntil?: boolean } = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['肃州区上坝镇双联行动联户干部及联系户花名册']);
  ws.addRow([`填报单位：${opts.unit ?? pairs[0].unit}`, ...(opts.reported ? [`填报时间：${opts.reported}`] : [])]);
  ws.addRow(opts.withUntil ? [...HEAD, '解除日期'] : HEAD);
  pairs.forEach((p, i) => ws.addRow([i + 1, p.unit, p.cadre, '男', '科员', p.rank, null, '营尔村', null, p.head, p.id, 3, p.category, null, p.since ?? '2014-01-10', null,
    ...(opts.withUntil ? [p.until ?? null] : [])]));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const pairingsNow = () => t.ctx.ledger.sqlite.prepare(
  `select c.name as cadre, h.head, p.until from pairings p join cadres c on c.id = p.cadre_id join households h on h.id = p.household_id
   where p.deleted_at is null order by p.id`).all() as { cadre: string; head: string; until: string | null }[];

async function seed() {
  const r = await t.api.imports.commit({ files: [{ name: 'all.xlsx', base64: await t1(P, { reported: '2014年1月15日' }) }] });
  expect(r.totals.added).toBe(6);
}

describe('T1 解除日期', () => {
  it('is imported as the pairing’s end, refused before 结对日期, and exported back only when a pairing has ended', async () => {
    await seed();
    const plain = await t.api.exports.sheet({ sheet: 'T1', from: '2014-01-01', to: '2014-12-31' });
    const headersOf = (bytes: Buffer) => (XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(bytes).Sheets['联户干部及联系户花名册'], { header: 1 }))
      .flat().filter((c): c is string => typeof c === 'string');
    expect(headersOf(downloaded(t, plain))).not.toContain('解除日期');

    const bad = await t.api.imports.preview({ files: [{ name: 'bad.xlsx', base64: await t1([{ ...P[5], until: '2013-12-31' }], { withUntil: true }) }] });
    expect(bad.files[0].sheets[0].errors).toEqual([expect.objectContaining({ row: 4, column: '解除日期', message: expect.stringContaining('解除日期 2013-12-31 早于结对日期 2014-01-10') })]);

    const ended = await t.api.imports.commit({ files: [{ name: 'wgj.xlsx', base64: await t1([{ ...P[5], until: '2014-09-30' }], { withUntil: true }) }] });
    expect(ended.files[0].sheets[0].updated).toBe(1);
    expect(pairingsNow().find((p) => p.cadre === '赵六')!.until).toBe('2014-09-30');

    const back = await t.api.exports.sheet({ sheet: 'T1', from: '2014-01-01', to: '2014-12-31' });
    const grid = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(downloaded(t, back)).Sheets['联户干部及联系户花名册'], { header: 1, raw: false });
    const header = grid.find((r) => r.includes('序号'))!;
    const col = header.indexOf('解除日期');
    expect(col).toBe(header.length - 1);
    const zhao = grid.find((r) => r.includes('赵玉华'))!;
    expect(zhao[col]).toMatch(/2014-09-30|9\/30\/14/);
    expect(grid.find((r) => r.includes('孟珍发'))![col] ?? null).toBeNull();

    // The export imports back to the same ledger: nothing changes.
    const again = await t.api.imports.preview({ files: [{ name: 'back.xlsx', base64: downloaded(t, back).toString('base64') }] });
    expect(again.totals).toMatchObject({ added: 0, updated: 0, errors: 0 });
  });
});

describe('a complete roster', () => {
  it('ends exactly the pairings it no longer lists, on its 填报时间, and 撤销 restores them', async () => {
    await seed();
    const roster = await t1([P[0], P[1], P[2]], { reported: '2014年6月30日' });
    const before = dumpLedger(t.file);

    const preview = await t.api.imports.preview({ files: [{ name: 'tjj.xlsx', base64: roster }], completeRoster: [{ file: 'tjj.xlsx', sheet: '花名册' }] });
    const sheet = preview.files[0].sheets[0];
    expect(sheet.reportDate).toBe('2014-06-30');
    expect(sheet.ended).toEqual([
      { cadre: '李四', household: '张国强', until: '2014-06-30' },
      { cadre: '王五', household: '王桂兰', until: '2014-06-30' },
    ]);
    expect(dumpLedger(t.file)).toBe(before);

    // Without the switch the same file ends nothing.
    const notComplete = await t.api.imports.preview({ files: [{ name: 'tjj.xlsx', base64: roster }] });
    expect(notComplete.files[0].sheets[0].ended).toEqual([]);

    const done = await t.api.imports.commit({ files: [{ name: 'tjj.xlsx', base64: roster }], completeRoster: 'all' });
    expect(pairingsNow()).toEqual([
      { cadre: '张三', head: '孟珍发', until: null },
      { cadre: '张三', head: '汪宝', until: null },
      { cadre: '李四', head: '李秀英', until: null },
      { cadre: '李四', head: '张国强', until: '2014-06-30' },
      { cadre: '王五', head: '王桂兰', until: '2014-06-30' },
      { cadre: '赵六', head: '赵玉华', until: null }, // another unit's pairing is untouched
    ]);
    const audited = t.ctx.ledger.sqlite.prepare("select count(*) as n from audit_log where batch_id = ? and table_name = 'pairings'").get(done.batch) as { n: number };
    expect(audited.n).toBe(2);

    // H1 (the roster's own period) still counts the ended pairings; H2 does not.
    const h1 = await t.api.reports.halfYear({ from: '2014-01-01', to: '2014-06-30' });
    expect(h1.pairing.district).toMatchObject({ units: 2, cadres: 4, leaders: 1, general: 3, poorHouseholds: 5, specialHouseholds: 1 });
    const h2 = await t.api.reports.halfYear({ from: '2014-07-01', to: '2014-12-31' });
    expect(h2.pairing.district).toMatchObject({ units: 2, cadres: 3, leaders: 1, general: 2, poorHouseholds: 4, specialHouseholds: 0 });

    await t.api.imports.rollback({ batchId: done.batch! });
    expect(pairingsNow().every((p) => p.until === null)).toBe(true);
    expect((await t.api.reports.halfYear({ from: '2014-07-01', to: '2014-12-31' })).pairing.district).toMatchObject({ cadres: 4, poorHouseholds: 5, specialHouseholds: 1 });
  });

  it('without 填报时间 takes the clerk’s date, and refuses without one in Chinese', async () => {
    await seed();
    const roster = await t1([P[0], P[1], P[2]]);
    await expect(t.api.imports.commit({ files: [{ name: 'tjj.xlsx', base64: roster }], completeRoster: 'all' })).rejects.toThrow(/没有填报时间.*--roster-date/);
    expect(pairingsNow().every((p) => p.until === null)).toBe(true);
    const r = await t.api.imports.commit({ files: [{ name: 'tjj.xlsx', base64: roster }], completeRoster: 'all', rosterDate: '2014-05-31' });
    expect(r.files[0].sheets[0].ended.map((e) => `${e.cadre}—${e.household}@${e.until}`)).toEqual(['李四—张国强@2014-05-31', '王五—王桂兰@2014-05-31']);
  });

  it('is remembered per unit: the switch set once holds for the unit’s next roster until switched off', async () => {
    await seed();
    const four = await t1([P[0], P[1], P[2], P[3]], { reported: '2014年6月30日' });
    const first = await t.api.imports.commit({ files: [{ name: 'tjj.xlsx', base64: four }], completeRoster: [{ file: 'tjj.xlsx', sheet: '花名册' }] });
    expect(first.files[0].sheets[0].ended.map((e) => e.cadre)).toEqual(['王五']);
    const three = await t1([P[0], P[1], P[2]], { reported: '2014年12月31日' });
    const next = await t.api.imports.preview({ files: [{ name: 'tjj-2.xlsx', base64: three }] });
    expect(next.files[0].sheets[0].completeRoster).toBe(true);
    expect(next.files[0].sheets[0].ended).toEqual([{ cadre: '李四', household: '张国强', until: '2014-12-31' }]);
    const off = await t.api.imports.preview({ files: [{ name: 'tjj-2.xlsx', base64: three }], completeRoster: [{ file: 'tjj-2.xlsx', sheet: '花名册', on: false }] });
    expect(off.files[0].sheets[0].ended).toEqual([]);
    // Another unit's sheet is not taken as complete by 区统计局's choice.
    const other = await t.api.imports.preview({ files: [{ name: 'wgj.xlsx', base64: await t1([P[5]], { reported: '2014年12月31日' }) }] });
    expect(other.files[0].sheets[0].completeRoster).toBe(false);
  });
});
