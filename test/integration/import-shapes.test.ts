import * as XLSX from 'xlsx';
import * as cptable from 'xlsx/dist/cpexcel.full.mjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFiles, type ImportFile } from '../../electron/io/import/run';
import type { ImportReport, SheetReport } from '../../electron/io/import/types';
import { idNumber, xlsxBytes } from '../helpers/sheets';
import { withDownloads } from '../helpers/downloads';
import { tempLedger, type TestLedger } from '../helpers/ledger';

let t: TestLedger;
beforeEach(() => { t = tempLedger(); });
afterEach(() => t.close());

const run = (files: ImportFile[], dryRun = false, extra: object = {}) => importFiles(t.ctx.ledger.sqlite, files, { dryRun, ...extra });
const only = (r: ImportReport): SheetReport => {
  const sheets = r.files.flatMap((f) => f.sheets).filter((s) => s.kind);
  expect(sheets).toHaveLength(1);
  return sheets[0];
};
const q = <T>(sql: string, ...p: unknown[]) => t.ctx.ledger.sqlite.prepare(sql).all(...p) as T[];

const ID1 = idNumber('19650208', 714); // female (even)
const ID2 = idNumber('19570701', 181); // male
const ID3 = idNumber('19680525', 655);

describe('sheets as units really fill them in', () => {
  it('finds a one-row header below two title lines, maps synonyms in another order, ignores extra columns with a notice', async () => {
    const rows = [
      ['肃州区上坝镇双联行动帮扶户基本信息表'], [],
      ['户 主', '公民身份号码', '组', '村名', '文化程度', '户类型', '家庭人口', '年人均纯收入（元）'],
      ['孟珍发', ID1, '5组', '营尔村', '初中', '贫困户', '２人', '2,546.50元'],
      ['汪宝', ID2, '第四组', '营尔', '小学', '特殊户', 3, 2222],
      [], ['合计', null, null, null, null, null, 5, 4768.5],
      ['单位负责人：王建国', null, '填表人：张丽'],
    ];
    const r = await run([{ name: '表.xlsx', bytes: xlsxBytes([{ name: 'Sheet1', rows }]) }]);
    const s = only(r);
    expect(s.kind).toBe('T2');
    expect(s.rows).toBe(2);
    expect([s.added, s.errors]).toEqual([2, []]);
    expect(s.warnings.map((w) => w.column)).toContain('文化程度');
    const hh = q<{ head: string; id_number: string; group: string; village: string; category: string; size: number; income_fen: number; sex: string }>(
      `select h.head, h.id_number, g.name as "group", v.name as village, h.category, h.size, h.income_fen, h.sex from households h
       join villages v on v.id = h.village_id left join village_groups g on g.id = h.group_id order by h.id`);
    expect(hh).toEqual([
      { head: '孟珍发', id_number: ID1, group: '五组', village: '营尔村', category: 'poor', size: 2, income_fen: 254650, sex: '女' },
      { head: '汪宝', id_number: ID2, group: '四组', village: '营尔村', category: 'special', size: 3, income_fen: 222200, sex: '男' },
    ]);
  });

  it('reads two header rows with merged group headers, spreads a 村 merged down, skips 小计 rows', async () => {
    const rows = [
      ['序号', '联系单位', '联户干部', null, null, '联系户', null, null, null, '结对日期'],
      [null, null, '姓名', '干部级别', '联系电话', '村', '户主姓名', '身份证号码', '户类型', null],
      [1, '区司法局', '彭飞兰', '科级以上领导干部', '13393813015', '营尔村', '孟珍发', ID1, '贫困户', '2014年1月12日'],
      [2, '区司法局', '熊英娟', '一般干部', '15240179078', null, '汪宝', ID2, '贫困户', 41656],
      ['小计'],
      [3, '区司法局', '熊英娟', '一般干部', '15240179078', '光辉村', '杜明军', ID3, '特殊户', '2014/1/27'],
    ];
    const r = await run([{ name: '区司法局.xlsx', bytes: xlsxBytes([{ name: '花名册', rows, merges: ['A1:A2', 'B1:B2', 'C1:E1', 'F1:I1', 'J1:J2', 'F3:F4'] }]) }]);
    const s = only(r);
    expect(s.kind).toBe('T1');
    expect(s.headerRows).toEqual([1, 2]);
    expect([s.rows, s.added, s.errors.length]).toEqual([3, 3, 0]);
    expect(q('select h.head, v.name as village, p.since from pairings p join households h on h.id = p.household_id join villages v on v.id = h.village_id order by p.id'))
      .toEqual([
        { head: '孟珍发', village: '营尔村', since: '2014-01-12' },
        { head: '汪宝', village: '营尔村', since: '2014-01-17' },
        { head: '杜明军', village: '光辉村', since: '2014-01-27' },
      ]);
    expect(q('select name, rank from cadres where unit_id = (select id from units where name = ?) order by id', '区司法局'))
      .toEqual([{ name: '彭飞兰', rank: 'leader' }, { name: '熊英娟', rank: 'general' }]);
    expect(s.warnings.map((w) => w.code)).toContain('unit_created');
    expect(q("select kind from units where name = '区司法局'")).toEqual([{ kind: 'district' }]);
  });

  it('reads a GBK CSV and a UTF-8 CSV with BOM alike, without mojibake', async () => {
    const text = `序号,日期,联系单位,村,事项类别,事项内容,数量,计量单位\r\n1,2014.5.21,区文广局,光辉村,宣传,发放政策宣传资料,95,份\r\n`;
    const gbk = encodeGbk(text);
    const utf8bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace('1,2014.5.21', '2,2014.5.22').replace('95', '5'))]);
    const r = await run([{ name: 'a.csv', bytes: gbk }, { name: 'b.csv', bytes: utf8bom }]);
    expect(r.files.map((f) => f.encoding)).toEqual(['GB18030', 'UTF-8']);
    expect(r.files.map((f) => f.sheets[0].sheet)).toEqual([null, null]);
    expect(q('select category, content, quantity_centi from work_items order by quantity_centi')).toEqual([
      { category: '宣传', content: '发放政策宣传资料', quantity_centi: 500 },
      { category: '宣传', content: '发放政策宣传资料', quantity_centi: 9500 },
    ]);
  });

  it('refuses the bad rows with reasons, imports the rest: ID as a number, bad date, future date, unknown village and group', async () => {
    const rows = [
      ['序号', '村', '村民小组', '户主姓名', '身份证号码', '户类型'],
      [1, '营尔村', '一组', '甲', 620902196502087000, '贫困户'],
      [2, '营尔村', '九组', '乙', ID1, '贫困户'],
      [3, '月亮村', '一组', '丙', ID2, '贫困户'],
      [4, '营尔村', '一组', '丁', ID3.slice(0, 17) + (ID3[17] === '1' ? '2' : '1'), '贫困户'],
      [5, '营尔村', '一组', '戊', '620902650208714', '贫困户'],
    ];
    const s = only(await run([{ name: 'h.xlsx', bytes: xlsxBytes([{ name: 'S', rows }]) }]));
    expect(s.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, '身份证号码', 'id_number_cell'], [3, '村民小组', 'unknown_group'], [4, '村', 'unknown_village'], [5, '身份证号码', 'id_checksum'],
    ]);
    expect(s.errors[0].message).toContain('文本');
    expect(s.added).toBe(1);
    // The 15-digit number of row 6 is upgraded to 18 digits.
    expect(q<{ id_number: string }>('select id_number from households')[0].id_number).toMatch(/^62090219650208714[\dX]$/);
  });

  it('reads marks (√ ✓ 是 1) and refuses a visit dated in the future', async () => {
    await run([{ name: 'roster.xlsx', bytes: xlsxBytes([{ name: 'S', rows: [
      ['序号', '联系单位', '姓名', '干部级别', '村', '户主姓名', '身份证号码', '户类型', '结对日期'],
      [1, '区统计局', '曹娟飞', '科级以上领导干部', '东沟村', '罗英秀', ID1, '贫困户', '2014-01-06'],
    ] }]) }]);
    const s = only(await run([{ name: 'visits.xlsx', bytes: xlsxBytes([{ name: '走访', rows: [
      ['序号', '走访日期', '联系单位', '干部姓名', '村', '户主姓名', '户情', '经济状况', '发展愿望', '存在困难', '就医就学'],
      [1, '2014-03-08', '区统计局', '曹娟飞', '东沟村', '罗英秀', '√', '✓', '是', 1, null],
      [2, `${new Date().getFullYear() + 1}-01-01`, '区统计局', '曹娟飞', '东沟村', '罗英秀', '√', null, null, null, null],
    ] }]) }]));
    expect(s.kind).toBe('T3');
    expect(s.errors.map((e) => [e.row, e.column, e.code])).toEqual([[3, '走访日期', 'future_date']]);
    expect(q('select know_family, know_economy, know_wishes, know_difficulties, know_health_school from visits'))
      .toEqual([{ know_family: 1, know_economy: 1, know_wishes: 1, know_difficulties: 1, know_health_school: 0 }]);
  });

  it('a T3–T6 row adds an unknown household as ordinary with a warning, and never changes a known one\'s category', async () => {
    await run([{ name: 'h.xlsx', bytes: xlsxBytes([{ name: 'S', rows: [
      ['村', '户主姓名', '身份证号码', '户类型'], ['营尔村', '石学', ID1, '特殊户'],
    ] }]) }]);
    const s = only(await run([{ name: 'aid.xlsx', bytes: xlsxBytes([{ name: '慰问', rows: [
      ['发放日期', '发放单位', '村', '户主姓名', '身份证号码', '物资名称', '数量', '计量单位', '折合金额(元)'],
      ['2014-01-25', '上坝镇机关', '营尔村', '石学', ID1, '现金', 300, '元', 300],
      ['2014-01-26', '上坝镇机关', '营尔村', '新户', ID2, '大米', 1, '袋', '85.5'],
    ] }]) }]));
    expect([s.kind, s.added]).toEqual(['T4', 2]);
    expect(s.warnings.map((w) => [w.row, w.code])).toEqual([[3, 'household_created']]);
    expect(q('select head, category from households order by id')).toEqual([{ head: '石学', category: 'special' }, { head: '新户', category: 'ordinary' }]);
    expect(q('select amount_fen from aid_deliveries order by id')).toEqual([{ amount_fen: 30000 }, { amount_fen: 8550 }]);
  });

  it('refuses the same household twice in one file with conflicting data, and warns on a sex that disagrees with the ID', async () => {
    const s = only(await run([{ name: 'h.xlsx', bytes: xlsxBytes([{ name: 'S', rows: [
      ['村', '户主姓名', '身份证号码', '性别', '家庭人口', '户类型'],
      ['营尔村', '孟珍发', ID1, '男', 2, '贫困户'],
      ['营尔村', '孟珍发', ID1, '女', 5, '贫困户'],
    ] }]) }]));
    expect(s.errors.map((e) => [e.row, e.column, e.code])).toEqual([[3, '家庭人口', 'conflict']]);
    expect(s.errors[0].message).toContain('第 2 行');
    expect(s.warnings.map((w) => [w.row, w.column, w.code])).toEqual([[2, '性别', 'sex_mismatch']]);
    expect(q('select sex, size from households')).toEqual([{ sex: '女', size: 2 }]);
  });

  it('puts a row that could be two households to the clerk instead of merging', async () => {
    const v = (t.ctx.ledger.sqlite.prepare("select id from villages where name = '营尔村'").get() as { id: number }).id;
    for (const head of ['张三', '张三']) t.ctx.ledger.sqlite.prepare("insert into households (village_id, head) values (?, ?)").run(v, head);
    const s = only(await run([{ name: 'v.xlsx', bytes: xlsxBytes([{ name: '走访记录', rows: [
      ['走访日期', '联系单位', '干部姓名', '村', '户主姓名', '身份证号码', '走访内容'],
      ['2014-03-08', '上坝镇机关', '任平兰', '营尔村', '张三', null, '了解情况'],
    ] }]) }]));
    expect(s.errors.map((e) => e.code)).toEqual(['ambiguous']);
    expect(s.errors[0].message).toContain('2 户');
    expect(q('select count(*) as n from visits')).toEqual([{ n: 0 }]);
  });

  it('lists the fields an import changes, and a re-import of an edited sheet updates only them', async () => {
    const sheet = (size: number) => [{ name: 'S', rows: [['村', '户主姓名', '身份证号码', '家庭人口', '户类型'], ['营尔村', '孟珍发', ID1, size, '贫困户']] }];
    await run([{ name: 'h.xlsx', bytes: xlsxBytes(sheet(2)) }]);
    const s = only(await run([{ name: 'h.xlsx', bytes: xlsxBytes(sheet(4)) }]));
    expect([s.added, s.updated, s.unchanged]).toEqual([0, 1, 0]);
    expect(s.preview[0].changed).toEqual(['家庭人口']);
    expect(q('select size from households')).toEqual([{ size: 4 }]);
  });

  it('skips hidden sheets unless asked, and refuses a workbook without any district sheet', async () => {
    const bytes = xlsxBytes([
      { name: '说明', rows: [['本表由区统计局填报'], ['联系人：张丽']] },
      { name: '隐藏', hidden: true, rows: [['村', '户主姓名', '身份证号码', '户类型'], ['营尔村', '孟珍发', ID1, '贫困户']] },
    ]);
    const r = await run([{ name: 'x.xlsx', bytes }]);
    expect(r.files[0].error).toMatch(/未能识别|没有可导入/);
    expect(r.files[0].sheets[1].skipped).toContain('隐藏');
    const withHidden = await run([{ name: 'x.xlsx', bytes }], false, { includeHidden: true });
    expect(only(withHidden).added).toBe(1);
  });

  it('reads the 1904 date system: the same serial is a date 1462 days later', async () => {
    const rows = [['日期', '联系单位', '事项类别', '事项内容', '数量'], [40000, '上坝镇机关', '宣传', '资料', 1]];
    const wb1904 = patchDate1904(xlsxBytes([{ name: 'S', rows }]));
    await run([{ name: 'a.xlsx', bytes: xlsxBytes([{ name: 'S', rows }]) }, { name: 'b.xlsx', bytes: wb1904 }]);
    expect(q('select date from work_items order by date')).toEqual([{ date: '2009-07-06' }, { date: '2013-07-07' }]);
  });
});

/** Marks an .xlsx as using the 1904 date system, as Excel for Mac used to save. */
function patchDate1904(bytes: Buffer): Buffer {
  const wb = XLSX.read(bytes);
  wb.Workbook = { ...(wb.Workbook ?? {}), WBProps: { ...(wb.Workbook?.WBProps ?? {}), date1904: true } };
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}
/** GBK bytes of a string, via the code page tables SheetJS ships. */
function encodeGbk(s: string): Uint8Array {
  return new Uint8Array((cptable as unknown as { utils: { encode(cp: number, s: string): number[] } }).utils.encode(936, s));
}

describe('column mapping the clerk corrects', () => {
  it('is used for the import and remembered for the unit\'s next sheet', async () => {
    const sheet = (head: string) => [{ name: 'S', rows: [
      ['填报单位（盖章）：区文广局'],
      ['村', '户主姓名', '身份证号码', '户类型', '人均收入（元/年）'],
      ['营尔村', head, ID1, '贫困户', 2546],
    ] }];
    const first = await run([{ name: '区文广局-帮扶户.xlsx', bytes: xlsxBytes(sheet('孟珍发')) }], true);
    const col = only(first).columns.find((c) => c.header === '人均收入（元/年）')!;
    expect(col.key).toBeNull();
    const choices = [{ file: '区文广局-帮扶户.xlsx', sheet: 'S', columns: { [String(col.index)]: 'income' } }];
    await run([{ name: '区文广局-帮扶户.xlsx', bytes: xlsxBytes(sheet('孟珍发')) }], false, { choices });
    expect(q('select income_fen from households')).toEqual([{ income_fen: 254600 }]);
    const next = only(await run([{ name: '区文广局-帮扶户2.xlsx', bytes: xlsxBytes(sheet('孟珍发')) }], true));
    expect(next.columns.find((c) => c.header === '人均收入（元/年）')?.key).toBe('income');
  });
});

describe('two rows of one import on the same record', () => {
  it('refuses the second visit row of the same day, cadre and household when its contents differ, and keeps one identical repeat', async () => {
    const header = ['序号', '走访日期', '联系单位', '干部姓名', '村', '户主姓名', '身份证号码', '走访内容'];
    const rows = [
      header,
      [1, '2014-03-05', '区司法局', '彭飞兰', '营尔村', '孟珍发', ID1, '了解种植情况'],
      [2, '2014-03-05', '区司法局', '彭飞兰', '营尔村', '孟珍发', ID1, '了解种植情况'],
      [3, '2014-03-05', '区司法局', '彭飞兰', '营尔村', '孟珍发', ID1, '宣传政策'],
    ];
    const s = only(await run([{ name: '走访.xlsx', bytes: xlsxBytes([{ name: '走访记录', rows }]) }]));
    expect(s.kind).toBe('T3');
    expect([s.added, s.unchanged]).toEqual([1, 1]);
    expect(s.errors).toHaveLength(1);
    expect(s.errors[0].row).toBe(4);
    expect(s.errors[0].message).toContain('同一条走访记录');
    expect(q('select content from visits')).toEqual([{ content: '了解种植情况' }]);
  });
});

describe('an import whose every row is refused', () => {
  it('records a batch holding only its refused row (to send back), and writes nothing else, even when a row got as far as adding its unit', async () => {
    const rows = [
      ['序号', '发放日期', '发放单位', '村', '户主姓名', '身份证号码', '物资名称', '数量', '计量单位', '折合金额(元)'],
      [1, '2014-01-20', '区新单位', '火星村', '孟珍发', ID1, '大米', 1, '袋', 120],
    ];
    const r = await run([{ name: '慰问.xlsx', bytes: xlsxBytes([{ name: '慰问', rows }]) }]);
    expect(only(r).errors).toHaveLength(1);
    expect(r.batch).toBe(1);
    expect(q('select count(*) as n from audit_log where batch_id = 1')).toEqual([{ n: 0 }]);
    expect(q("select count(*) as n from units where name = '区新单位'")).toEqual([{ n: 0 }]);
    expect(q('select file, sheet, row, "column", unit from import_rejects')).toEqual([{ file: '慰问.xlsx', sheet: '慰问', row: 2, column: '村', unit: null }]);
    const { files } = await withDownloads(t).api.imports.exportRejects({ batchId: 1 });
    expect(files.map((f) => [f.fileName, f.rows])).toEqual([['退回清单-慰问-第1批.xlsx', 1]]);
  });
});

describe('a roster row whose ID number belongs to another family in the ledger', () => {
  it('is refused with both families named, and the ledger keeps the household as it was', async () => {
    const roster = (village: string, head: string) => xlsxBytes([{ name: '帮扶户', rows: [
      ['村', '户主姓名', '身份证号码', '户类型'], [village, head, ID1, '贫困户'],
    ] }]);
    expect(only(await run([{ name: 'a.xlsx', bytes: roster('新上村', '测试甲') }])).added).toBe(1);
    const s = only(await run([{ name: 'b.xlsx', bytes: roster('上红村', '别人乙') }]));
    expect(s.errors).toHaveLength(1);
    expect(s.errors[0].message).toContain('新上村 测试甲');
    expect(s.errors[0].message).toContain('上红村 别人乙');
    expect(q('select v.name as village, h.head from households h join villages v on v.id = h.village_id'))
      .toEqual([{ village: '新上村', head: '测试甲' }]);
  });
});

describe('a row refused after it added its household', () => {
  it('takes the household back with the row: a later row naming the same family adds it once, with its own plot', async () => {
    const rows = [
      ['村', '转出方(户主)', '身份证号码', '地块名称', '流转面积(亩)', '流转方式', '起始日期', '合同编号'],
      ['新上村', '孟珍发', ID1, '地块1', 2, '出租', '2014-03-01', 'SZ-1'],
      // 汪宝 is new to the ledger; the contract number is 孟珍发's, so the row is refused after 汪宝 was added.
      ['新上村', '汪宝', ID2, '地块1', 3, '出租', '2014-03-01', 'SZ-1'],
      ['新上村', '汪宝', ID2, '地块2', 4, '出租', '2014-03-01', 'SZ-2'],
    ];
    const s = only(await run([{ name: '流转.xlsx', bytes: xlsxBytes([{ name: '土地流转', rows }]) }]));
    expect(s.errors.map((e) => [e.row, e.column])).toEqual([[3, '合同编号']]);
    expect(s.added).toBe(2);
    expect(s.warnings.filter((w) => w.code === 'household_created').map((w) => w.row)).toEqual([2, 4]);
    expect(q('select h.head, p.contract_no from land_plots p join households h on h.id = p.household_id order by p.contract_no'))
      .toEqual([{ head: '孟珍发', contract_no: 'SZ-1' }, { head: '汪宝', contract_no: 'SZ-2' }]);
    expect(q("select count(*) as n from households where head = '汪宝'")).toEqual([{ n: 1 }]);
  });
});
