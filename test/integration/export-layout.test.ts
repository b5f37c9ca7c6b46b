import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import XLSX from 'xlsx';
import { downloaded, withDownloads } from '../helpers/downloads';
import { tempLedger, villageId, type TestLedger } from '../helpers/ledger';

/**
 * The exported sheets read back with ExcelJS and SheetJS: the district's layout (FORMATS.md "Layout of
 * every sheet") and sums checked against the ledger through SQL written here, not the exporter's.
 */
let t: TestLedger;
const FROM = '2014-01-01', TO = '2014-06-30';
const PERIOD = { from: FROM, to: TO, reportDate: '2014-06-30' };

type Exported = { fileName: string; download?: string; rows: number; sums: Record<string, number> };
async function open(r: Exported) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(downloaded(t, r) as unknown as ArrayBuffer);
  return wb.worksheets[0];
}
const sql = <T>(q: string, ...p: unknown[]) => t.ctx.ledger.sqlite.prepare(q).get(...p) as T;
const text = (c: ExcelJS.Cell) => (c.value === null || c.value === undefined ? '' : String(c.value));
/** The cached value of a 合计 or 小计 cell (a formula with its result, or a plain number). */
const num = (c: ExcelJS.Cell): number => {
  const v = c.value as unknown;
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && 'result' in v) return Number((v as { result: number }).result);
  return NaN;
};
const merges = (ws: ExcelJS.Worksheet): string[] => (ws.model as unknown as { merges: string[] }).merges;
/** Hundredths summed exactly from cells that hold value/100. */
const hundredths = (v: number) => Math.round(v * 100);

beforeAll(async () => {
  t = withDownloads(tempLedger());
  await t.api.meta.loadDemo({});
  await t.api.settings.set({ key: 'signatories', value: { unit: '上坝镇党政综合办公室', filledBy: '张丽', phone: '0937-2680123', checkedBy: '李明', head: '王建国' } });
});
afterAll(() => t.close());

describe('the layout of an exported sheet (T1 花名册)', () => {
  let ws: ExcelJS.Worksheet;
  let r: Exported;
  beforeAll(async () => {
    r = await t.api.exports.sheet({ sheet: 'T1', ...PERIOD });
    ws = await open(r);
  });

  it('has the title merged across all 16 columns in bold 宋体', () => {
    expect(text(ws.getCell('A1'))).toBe('肃州区上坝镇双联行动联户干部及联系户花名册');
    expect(merges(ws)).toContain('A1:P1');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A1').font?.name).toBe('宋体');
  });

  it('names the unit, the clerk, the phone and the date on row 2', () => {
    expect(merges(ws)).toContain('A2:P2');
    const line = text(ws.getCell('A2'));
    expect(line).toContain('填报单位（盖章）：上坝镇党政综合办公室');
    expect(line).toContain('填报人：张丽');
    expect(line).toContain('电话：0937-2680123');
    expect(line).toContain('填报时间：2014年6月30日');
  });

  it('has two header rows: 联户干部 over C–G, 联系户 over H–N, single headers merged down', () => {
    const m = merges(ws);
    expect(m).toEqual(expect.arrayContaining(['C3:G3', 'H3:N3', 'A3:A4', 'B3:B4', 'O3:O4', 'P3:P4']));
    expect(text(ws.getCell('C3'))).toBe('联户干部');
    expect(text(ws.getCell('H3'))).toBe('联系户');
    const row4 = ['C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N'].map((c) => text(ws.getCell(`${c}4`)));
    expect(row4).toEqual(['姓名', '性别', '职务', '干部级别', '联系电话', '村', '村民小组', '户主姓名', '身份证号码', '家庭人口', '户类型', '致贫原因']);
    expect([text(ws.getCell('A3')), text(ws.getCell('B3')), text(ws.getCell('O3')), text(ws.getCell('P3'))]).toEqual(['序号', '联系单位', '结对日期', '备注']);
  });

  it('numbers the pairings in force 1, 2, 3 … and sums 家庭人口 in the 合计 row', () => {
    const expected = sql<{ n: number; size: number }>(
      `select count(*) as n, sum(h.size) as size from pairings p join households h on h.id = p.household_id
        join cadres c on c.id = p.cadre_id
        where p.deleted_at is null and h.deleted_at is null and c.deleted_at is null
          and p.since <= ? and (p.until is null or p.until >= ?)`, TO, FROM);
    expect(expected.n).toBeGreaterThan(300);
    const seq = Array.from({ length: expected.n }, (_, i) => Number(ws.getCell(5 + i, 1).value));
    expect(seq).toEqual(Array.from({ length: expected.n }, (_, i) => i + 1));
    const total = ws.getRow(5 + expected.n);
    expect(text(total.getCell(1))).toBe('合计');
    expect(num(total.getCell(12))).toBe(expected.size);
    // The footer with the four signatures follows.
    const footer = ws.getRow(5 + expected.n + 2).values as unknown[];
    expect(footer.filter(Boolean).join(' ')).toBe('单位负责人：王建国 审核人：李明 填表人：张丽 报出日期：2014年6月30日');
  });

  it('keeps ID numbers and phone numbers as text cells', () => {
    for (let r = 5; r < 15; r++) {
      const id = ws.getCell(r, 11), phone = ws.getCell(r, 7);
      expect(typeof id.value).toBe('string');
      expect(id.value).toMatch(/^\d{17}[\dX]$/);
      expect(id.numFmt).toBe('@');
      expect(typeof phone.value).toBe('string');
      expect(phone.numFmt).toBe('@');
    }
  });

  it('prints on A4 landscape with the header repeated, frozen below the header', () => {
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.printTitlesRow).toBe('3:4');
    expect(ws.pageSetup.horizontalCentered).toBe(true);
    const view = ws.views[0] as ExcelJS.WorksheetViewFrozen;
    expect(view.state).toBe('frozen');
    expect(view.ySplit).toBe(4);
  });

  it('draws thin borders on every table cell and uses 宋体 throughout', () => {
    const last = 5 + r.rows; // the 合计 row
    for (let row = 3; row <= last; row++) {
      for (let col = 1; col <= 16; col++) {
        const c = ws.getCell(row, col);
        expect(c.border?.top?.style, `${c.address}`).toBe('thin');
        expect(c.border?.left?.style, `${c.address}`).toBe('thin');
        expect(c.border?.bottom?.style, `${c.address}`).toBe('thin');
        expect(c.border?.right?.style, `${c.address}`).toBe('thin');
        expect(c.font?.name, `${c.address}`).toBe('宋体');
      }
    }
  });

  it('makes the ID column wide enough for 18 digits and the name columns for the longest name', () => {
    expect(ws.getColumn(11).width).toBeGreaterThanOrEqual(20);
    const longest = sql<{ n: number }>('select max(length(head)) as n from households').n;
    expect(ws.getColumn(10).width).toBeGreaterThanOrEqual(longest * 2);
  });
});

describe('sums and counts of every sheet against the ledger', () => {
  const cases: { sheet: 'T2' | 'T3' | 'T4' | 'T5' | 'T6' | 'T7'; count: string; sums: Record<number, [string, 'int' | 'hundredths']> }[] = [
    {
      sheet: 'T2',
      count: `select count(*) as n, sum(size) as s8, sum(labour) as s9 from households h where deleted_at is null and (category in ('poor','special')
        or exists (select 1 from pairings p where p.household_id = h.id and p.deleted_at is null and p.since <= '${TO}' and (p.until is null or p.until >= '${FROM}')))`,
      sums: { 8: ['s8', 'int'], 9: ['s9', 'int'] },
    },
    { sheet: 'T3', count: `select count(*) as n from visits where deleted_at is null and date between '${FROM}' and '${TO}'`, sums: {} },
    {
      sheet: 'T4',
      count: `select count(*) as n, sum(amount_fen) as s11 from aid_deliveries where deleted_at is null and date between '${FROM}' and '${TO}'`,
      sums: { 11: ['s11', 'hundredths'] },
    },
    {
      sheet: 'T5',
      count: `select count(*) as n, sum(area_centimu) as s11 from land_plots where deleted_at is null and start between '${FROM}' and '${TO}'`,
      sums: { 11: ['s11', 'hundredths'] },
    },
    {
      sheet: 'T6',
      count: `select count(*) as n, sum(count) as s8, sum(area_centimu) as s9, sum(subsidy_fen) as s11 from greenhouses
        where deleted_at is null and built_on between '${FROM}' and '${TO}'`,
      sums: { 8: ['s8', 'int'], 9: ['s9', 'hundredths'], 11: ['s11', 'hundredths'] },
    },
    {
      sheet: 'T7',
      count: `select count(*) as n, coalesce(sum(amount_fen), 0) as s9 from work_items
        where deleted_at is null and date between '${FROM}' and '${TO}'`,
      // 数量 (column 7) is summed per 计量单位: see the test below.
      sums: { 9: ['s9', 'hundredths'] },
    },
  ];

  for (const c of cases) {
    it(`${c.sheet}: one row a record of the period, 合计 equal to the ledger's sums and to the column's cells`, async () => {
      const expected = sql<Record<string, number>>(c.count);
      const r = await t.api.exports.sheet({ sheet: c.sheet, ...PERIOD });
      const ws = await open(r);
      // Sheets with group headers have two header rows (data from row 5), the others one (from row 4).
      const start = ['T3', 'T5'].includes(c.sheet) ? 5 : 4;
      expect(r.rows).toBe(expected.n);
      expect(text(ws.getCell(start + expected.n - 1, 1))).toBe(String(expected.n));
      const total = ws.getRow(start + expected.n);
      expect(text(total.getCell(1))).toBe('合计');
      // The cached values of the 合计 formulas as SheetJS reads them (ExcelJS reads a cached 0 as no result).
      const sheetjs = XLSX.read(downloaded(t, r));
      const cached = (address: string) => Number(sheetjs.Sheets[sheetjs.SheetNames[0]][address]?.v);
      for (const [col, [key, kind]] of Object.entries(c.sums)) {
        const cell = total.getCell(Number(col));
        const shown = kind === 'int' ? cached(cell.address) : hundredths(cached(cell.address));
        expect(shown, `${c.sheet} column ${col}`).toBe(expected[key]);
        let cells = 0;
        for (let row = start; row < start + expected.n; row++) {
          const v = ws.getCell(row, Number(col)).value;
          if (typeof v === 'number') cells += kind === 'int' ? v : hundredths(v);
        }
        expect(cells, `${c.sheet} column ${col} cells`).toBe(expected[key]);
        // Money and areas show two decimals; 数量 (T7 column 7) is a plain number.
        if (kind === 'hundredths' && !(c.sheet === 'T7' && col === '7')) expect(cell.numFmt).toBe('0.00');
      }
    });
  }

  it('T7 never adds 数量 across units: the 合计 cell stays empty where they differ, sums per 计量单位 are given', async () => {
    const per = t.ctx.ledger.sqlite.prepare(`select measure, sum(quantity_centi) as q from work_items
      where deleted_at is null and date between ? and ? group by measure`).all(FROM, TO) as { measure: string; q: number }[];
    expect(per.length).toBeGreaterThan(1);
    const r = await t.api.exports.sheet({ sheet: 'T7', ...PERIOD });
    const ws = await open(r);
    const total = ws.getRow(4 + r.rows);
    expect(text(total.getCell(1))).toBe('合计');
    expect(total.getCell(7).value).toBeNull();
    expect(total.getCell(8).value).toBeNull();
    expect(r.sums.quantity).toBeUndefined();
    expect((r as Exported & { sumsPer: Record<string, Record<string, number>> }).sumsPer.quantity)
      .toEqual(Object.fromEntries(per.map((p) => [p.measure, p.q])));
  });

  it('T7 of one 计量单位 sums 数量 in the 合计 row and names the unit', async () => {
    const unit = (await t.api.units.create({ name: '合计测试单位', kind: 'district' })) as { id: number };
    for (const q of [250, 300]) await t.api.workItems.create({ date: '2015-03-01', unitId: unit.id, category: '宣传', content: '宣传册', quantityCenti: q, measure: '册' });
    const r = await t.api.exports.sheet({ sheet: 'T7', unitId: unit.id, from: '2015-01-01', to: '2015-06-30', reportDate: '2015-06-30' });
    const ws = await open(r);
    expect(r.rows).toBe(2);
    const total = ws.getRow(6);
    expect(text(total.getCell(1))).toBe('合计');
    expect(num(total.getCell(7))).toBe(5.5);
    expect(text(total.getCell(8))).toBe('册');
  });

  it('T5 puts 四至 over 东 南 西 北 and writes areas as numbers with two decimals', async () => {
    const ws = await open(await t.api.exports.sheet({ sheet: 'T5', ...PERIOD }));
    expect(merges(ws)).toContain('G3:J3');
    expect(text(ws.getCell('G3'))).toBe('四至');
    expect(['G4', 'H4', 'I4', 'J4'].map((a) => text(ws.getCell(a)))).toEqual(['东', '南', '西', '北']);
    expect(text(ws.getCell('K3'))).toBe('流转面积(亩)');
    expect(typeof ws.getCell('K5').value).toBe('number');
    expect(ws.getCell('K5').numFmt).toBe('0.00');
  });

  it('T3 puts 五个知晓 over H–L and 五个关心 over M–Q, marks as √', async () => {
    const ws = await open(await t.api.exports.sheet({ sheet: 'T3', ...PERIOD }));
    expect(merges(ws)).toEqual(expect.arrayContaining(['H3:L3', 'M3:Q3']));
    expect(text(ws.getCell('H3'))).toBe('五个知晓');
    expect(text(ws.getCell('M3'))).toBe('五个关心');
    const marks = new Set<string>();
    for (let r = 5; r < 40; r++) for (let c = 8; c <= 17; c++) marks.add(text(ws.getCell(r, c)));
    expect([...marks].sort()).toEqual(['', '√']);
  });

  it('a sheet without groups has one header row, printed as title row 3', async () => {
    const ws = await open(await t.api.exports.sheet({ sheet: 'T4', ...PERIOD }));
    expect(text(ws.getCell('A3'))).toBe('序号');
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    expect((ws.views[0] as ExcelJS.WorksheetViewFrozen).ySplit).toBe(3);
  });
});

describe('choosing what to export', () => {
  it('a village and 小计 rows: each 小计 is its village, and the 小计 rows add up to the 合计', async () => {
    const r = await t.api.exports.sheet({ sheet: 'T2', subtotals: true, ...PERIOD });
    const ws = await open(r);
    const byVillage = t.ctx.ledger.sqlite.prepare(
      `select v.name, sum(h.size) as size from households h join villages v on v.id = h.village_id
        where h.deleted_at is null and h.category in ('poor','special') group by v.id order by v.sort, v.id`).all() as { name: string; size: number }[];
    const subtotals: { name: string; size: number }[] = [];
    let total = NaN;
    ws.eachRow((row) => {
      const first = text(row.getCell(1));
      if (first === '小计') subtotals.push({ name: text(row.getCell(2)), size: num(row.getCell(8)) });
      if (first === '合计') total = num(row.getCell(8));
    });
    expect(subtotals).toEqual(byVillage);
    expect(total).toBe(byVillage.reduce((a, b) => a + b.size, 0));
  });

  it('a unit and a village narrow T3 to that unit’s visits in that village', async () => {
    const unit = sql<{ id: number }>("select id from units where name = '区统计局'").id;
    const vid = villageId(t, '新上村');
    const n = sql<{ n: number }>(
      `select count(*) as n from visits r join cadres c on c.id = r.cadre_id join households h on h.id = r.household_id
        where r.deleted_at is null and c.unit_id = ? and h.village_id = ? and r.date between ? and ?`, unit, vid, FROM, TO).n;
    const r = await t.api.exports.sheet({ sheet: 'T3', unitId: unit, villageId: vid, ...PERIOD });
    expect(r.rows).toBe(n);
    expect(r.fileName).toBe('肃州区上坝镇双联行动入户走访记录汇总表-区统计局-新上村-2014-01-01至2014-06-30.xlsx');
    const ws = await open(r);
    for (let row = 5; row < 5 + n; row++) {
      expect(text(ws.getCell(row, 3))).toBe('区统计局');
      expect(text(ws.getCell(row, 5))).toBe('新上村');
    }
  });

  it('a period without records still gives the layout with a 合计 of 0', async () => {
    const r = await t.api.exports.sheet({ sheet: 'T4', from: '2013-01-01', to: '2013-06-30' });
    expect(r.rows).toBe(0);
    const ws = await open(r);
    expect(text(ws.getCell('A4'))).toBe('合计');
    expect(num(ws.getCell('K4'))).toBe(0);
  });

  it('what a filtered grid shows: the register’s filters, or explicit row ids', async () => {
    const vid = villageId(t, '光辉村');
    const all = sql<{ n: number }>('select count(*) as n from households where village_id = ? and deleted_at is null', vid).n;
    const byFilter = await t.api.exports.grid({ sheet: 'T2', filters: { villageName: '光辉村' } });
    expect(byFilter.rows).toBe(all);
    const ids = (t.ctx.ledger.sqlite.prepare('select id from visits order by id limit 3').all() as { id: number }[]).map((x) => x.id);
    const byIds = await t.api.exports.grid({ sheet: 'T3', ids });
    expect(byIds.rows).toBe(3);
  });

  it('an open-ended period: pairings made after its end are not yet in force; from a start, all since then', async () => {
    const first = sql<{ d: string }>('select min(since) as d from pairings').d;
    const before = await t.api.exports.sheet({ sheet: 'T1', to: '2013-12-31' });
    expect(before.rows).toBe(0);
    const since = await t.api.exports.sheet({ sheet: 'T1', from: first });
    expect(since.rows).toBe(sql<{ n: number }>('select count(*) as n from pairings where deleted_at is null').n);
  });

  it('refuses a period that ends before it starts', async () => {
    await expect(t.api.exports.sheet({ sheet: 'T3', from: '2014-06-30', to: '2014-01-01' })).rejects.toThrow(/早于起始日期/);
  });

  it('SheetJS reads the same merges, text IDs and the title', async () => {
    const r = await t.api.exports.sheet({ sheet: 'T1', ...PERIOD });
    const wb = XLSX.read(downloaded(t, r));
    const ws = wb.Sheets[wb.SheetNames[0]];
    expect(ws.A1.v).toBe('肃州区上坝镇双联行动联户干部及联系户花名册');
    expect(ws.K5.t).toBe('s');
    expect((ws['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m))).toEqual(expect.arrayContaining(['A1:P1', 'C3:G3', 'H3:N3']));
  });
});

describe('T1 with a pairing that ended in the period', () => {
  it('adds 解除日期 as a 17th column (Q, merged down the header) holding that pairing’s end, wide enough for the date', async () => {
    const one = withDownloads(tempLedger());
    try {
      await one.api.meta.loadDemo({});
      const p = one.ctx.ledger.sqlite.prepare(
        "select p.id, h.id_number as idNumber from pairings p join households h on h.id = p.household_id where p.deleted_at is null and p.until is null and p.since <= '2014-03-31' order by p.id limit 1",
      ).get() as { id: number; idNumber: string };
      await one.api.pairings.update({ id: p.id, patch: { until: '2014-05-31' } });
      const r = await one.api.exports.sheet({ sheet: 'T1', ...PERIOD });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(downloaded(one, r) as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      expect(merges(ws)).toEqual(expect.arrayContaining(['A1:Q1', 'A2:Q2', 'Q3:Q4']));
      expect(text(ws.getCell('Q3'))).toBe('解除日期');
      const ended = Array.from({ length: r.rows }, (_, i) => 5 + i).filter((row) => text(ws.getCell(row, 11)) === p.idNumber);
      expect(ended.map((row) => text(ws.getCell(row, 17)))).toContain('2014-05-31');
      // Every other row's 解除日期 is empty.
      const dates = Array.from({ length: r.rows }, (_, i) => text(ws.getCell(5 + i, 17))).filter(Boolean);
      expect(dates).toEqual(['2014-05-31']);
      expect(ws.getColumn(17).width).toBeGreaterThanOrEqual(11);
    } finally {
      one.close();
    }
  });
});
