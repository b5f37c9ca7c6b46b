import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { APPLY } from '../../electron/io/import/kinds';
import { importFiles, type ImportFile } from '../../electron/io/import/run';
import type { ImportReport, SheetReport } from '../../electron/io/import/types';
import { downloaded, withDownloads } from '../helpers/downloads';
import { tempLedger, type TestLedger } from '../helpers/ledger';
import { ledgerCli } from '../helpers/run';
import { gbkCsv, idNumber, xlsBytes, xlsxBytes } from '../helpers/sheets';

let t: TestLedger;
beforeEach(() => { t = tempLedger(); });
afterEach(() => { vi.restoreAllMocks(); t.close(); });

const run = (files: ImportFile[], dryRun = false, extra: object = {}) => importFiles(t.ctx.ledger.sqlite, files, { dryRun, ...extra });
const sheetsOf = (r: ImportReport): SheetReport[] => r.files.flatMap((f) => f.sheets).filter((s) => s.kind);
const only = (r: ImportReport): SheetReport => { const s = sheetsOf(r); expect(s).toHaveLength(1); return s[0]; };
const q = <T = Record<string, unknown>>(sql: string, ...p: unknown[]) => t.ctx.ledger.sqlite.prepare(sql).all(...p) as T[];
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

const ID1 = idNumber('19650208', 714);
const ID2 = idNumber('19570701', 181);
const ID3 = idNumber('19680525', 655);
const T2_HEAD = ['序号', '村', '户主姓名', '身份证号码', '户类型', '主要致贫原因', '备注'];
const T2_TITLE = ['填报单位（盖章）：区文广局'];

describe('words that are not listed values', () => {
  const t2 = (cat: string, cause = '因病') => xlsxBytes([{ name: '帮扶户', rows: [T2_TITLE, T2_HEAD, [1, '营尔村', '孟珍发', ID1, cat, cause, null]] }]);

  it('are never taken by their first characters: 贫困户（已脱贫）, 特困户, 因病因残 are asked about, and without an answer the row is refused', async () => {
    const rows = [T2_TITLE, T2_HEAD,
      [1, '营尔村', '孟珍发', ID1, '贫困户（已脱贫）', '因病', null],
      [2, '营尔村', '汪宝', ID2, '特困户', '因病', null],
      [3, '营尔村', '李四', ID3, '贫困户', '因病因残', null]];
    const s = only(await run([{ name: '区文广局-帮扶户.xlsx', bytes: xlsxBytes([{ name: '帮扶户', rows }]) }]));
    expect([s.added, s.errors.length]).toEqual([0, 3]);
    expect(s.unlisted.map((u) => [u.header, u.original, u.suggestion, u.rows])).toEqual([
      ['户类型', '贫困户（已脱贫）', '贫困户', [3]],
      ['户类型', '特困户', '特殊户', [4]],
      ['主要致贫原因', '因病因残', '因病', [5]],
    ]);
    expect(s.errors[0].message).toContain('“贫困户（已脱贫）”不是可选的值，可能是“贫困户”');
    expect(q('select count(*) as n from households')).toEqual([{ n: 0 }]);
  });

  it('exact words, the national codes and the clerk\'s answer pass; the answer shows both texts and is remembered for the unit', async () => {
    expect(only(await run([{ name: '区文广局-帮扶户.xlsx', bytes: t2('贫困户', '01') }], true)).errors).toEqual([]);
    const values = [{ unit: '区文广局', key: 'category', original: '贫困户（已脱贫）', value: '贫困户' }];
    const s = only(await run([{ name: '区文广局-帮扶户.xlsx', bytes: t2('贫困户（已脱贫）') }], false, { values }));
    expect(s.added).toBe(1);
    expect(s.warnings.map((w) => w.message)).toContain('户类型“贫困户（已脱贫）”按您的确认记为“贫困户”');
    expect(q('select category from households')).toEqual([{ category: 'poor' }]);
    // The next sheet of the same unit needs no answer; another unit's does.
    expect(only(await run([{ name: '区文广局-帮扶户2.xlsx', bytes: t2('贫困户（已脱贫）') }], true)).errors).toEqual([]);
    const other = xlsxBytes([{ name: '帮扶户', rows: [['填报单位（盖章）：区统计局'], T2_HEAD, [1, '营尔村', '孟珍发', ID1, '贫困户（已脱贫）', '因病', null]] }]);
    expect(only(await run([{ name: 'x.xlsx', bytes: other }], true)).errors).toHaveLength(1);
  });

  it('the clerk may correct a suggestion to another listed value', async () => {
    const values = [{ unit: '区文广局', key: 'category', original: '特困户', value: '贫困户' }];
    only(await run([{ name: 'a.xlsx', bytes: t2('特困户') }], false, { values }));
    expect(q('select category from households')).toEqual([{ category: 'poor' }]);
  });

  it('what the clerk taught is written with the batch, and 撤销 takes it back', async () => {
    const values = [{ unit: '区文广局', key: 'category', original: '贫困户（已脱贫）', value: '贫困户' }];
    const r = await run([{ name: 'a.xlsx', bytes: t2('贫困户（已脱贫）') }], false, { values });
    expect(q('select unit, what, field, word, value from import_learned')).toEqual([{ unit: '区文广局', what: 'value', field: 'category', word: '贫困户(已脱贫)', value: '贫困户' }]);
    await t.api.imports.rollback({ batchId: r.batch! });
    expect(q('select * from import_learned')).toEqual([]);
    expect(only(await run([{ name: 'a.xlsx', bytes: t2('贫困户（已脱贫）') }], true)).errors).toHaveLength(1);
  });

  it('a dry run with answers remembers nothing', async () => {
    const values = [{ unit: '区文广局', key: 'category', original: '特困户', value: '特殊户' }];
    expect(only(await run([{ name: 'a.xlsx', bytes: t2('特困户') }], true, { values })).errors).toEqual([]);
    expect(q('select * from import_learned')).toEqual([]);
  });
});

describe('the same cell on neighbouring rows', () => {
  it('is read for each row: each row gets its own note and its own refusal, and a good cell counts on every row', async () => {
    const ID4 = idNumber('19720311', 412);
    const note = '\u202E自愿申报';
    const rows = [T2_TITLE, T2_HEAD,
      [1, '营尔村', '孟珍发', ID1, '贫困户', '因病', note],
      [2, '营尔村', '汪宝', ID2, '贫困户', '因病', note],
      [3, '营尔村', '李四', ID3, '贫困户（已脱贫）', '因病', null],
      [4, '营尔村', '张五', ID4, '贫困户（已脱贫）', '因病', null]];
    const s = only(await run([{ name: '区文广局-帮扶户.xlsx', bytes: xlsxBytes([{ name: '帮扶户', rows }]) }]));
    expect([s.added, s.errors.map((e) => e.row)]).toEqual([2, [5, 6]]);
    expect(s.unlisted.map((u) => [u.original, u.rows])).toEqual([['贫困户（已脱贫）', [5, 6]]]);
    expect(s.warnings.filter((w) => w.code === 'invisible_removed').map((w) => w.row)).toEqual([3, 4]);
    expect(q('select head, category, note from households order by id')).toEqual([
      { head: '孟珍发', category: 'poor', note: '自愿申报' }, { head: '汪宝', category: 'poor', note: '自愿申报' },
    ]);
  });
});

describe('lengths: the import takes what an edit takes', () => {
  it('refuses a 10,000-character 户主姓名 and a 100,000-character 备注, naming the limit; a record it stores saves again from the grid', async () => {
    // A CSV: an Excel cell holds at most 32,767 characters.
    const rows = [T2_HEAD,
      [1, '营尔村', '孟'.repeat(10000), ID1, '贫困户', '因病', null],
      [2, '营尔村', '汪宝', ID2, '贫困户', '因病', '备'.repeat(100000)],
      [3, '营尔村', '李'.repeat(50), ID3, '贫困户', '因病', '备'.repeat(500)]];
    const s = only(await run([{ name: '帮扶户.csv', bytes: gbkCsv(rows) }]));
    expect(s.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, '户主姓名', '户主姓名有 10000 个字，最多 50 个字；请删减后再导入'],
      [3, '备注', '备注有 100000 个字，最多 500 个字；请删减后再导入'],
    ]);
    const [h] = (await t.api.households.list({})).rows;
    await expect(t.api.households.update({ id: h.id, patch: { size: 3 } })).resolves.toBeTruthy();
    await expect(t.api.households.update({ id: h.id, patch: { head: '李'.repeat(51) } })).rejects.toThrow();
  });

  it('strips control characters and bidi overrides with a warning, and no message carries an escape sequence', async () => {
    const rows = [T2_HEAD, [1, '营尔村', '孟\u202E珍发', ID1, '贫困户', '\u001b[31m因病', '备注\u0007']];
    const s = only(await run([{ name: 'a.xlsx', bytes: xlsxBytes([{ name: 'S', rows }]) }]));
    expect(s.added).toBe(1);
    expect(q('select head, poverty_cause as c, note from households')).toEqual([{ head: '孟珍发', c: '因病', note: '备注' }]);
    expect(s.warnings.filter((w) => w.code === 'invisible_removed').map((w) => w.column)).toEqual(['户主姓名', '主要致贫原因', '备注']);
    const bad = [T2_HEAD, [1, '营尔村', '汪宝', ID2, '\u202E\u001b[2J穷户', '因病', null]];
    const e = only(await run([{ name: 'b.xlsx', bytes: xlsxBytes([{ name: 'S', rows: bad }]) }]));
    expect(e.errors).toHaveLength(1);
    expect(e.errors[0].message).toContain('“穷户”');
    expect(JSON.stringify([e.errors, e.preview])).not.toMatch(/\\u001b|\\u202e|\u001b|\u202e/i);
  });
});

describe('only validation and matching refuse a row; any other error stops the whole batch', () => {
  it('a bug in applying a row aborts the import with its own message and writes nothing', async () => {
    vi.spyOn(APPLY, 'T2').mockImplementation(() => { throw new TypeError('boom: a bug'); });
    const rows = [T2_HEAD, [1, '营尔村', '孟珍发', ID1, '贫困户', '因病', null]];
    await expect(run([{ name: 'a.xlsx', bytes: xlsxBytes([{ name: 'S', rows }]) }])).rejects.toThrow('boom: a bug');
    expect(q('select count(*) as n from import_batches')).toEqual([{ n: 0 }]);
    expect(q('select count(*) as n from households')).toEqual([{ n: 0 }]);
  });

  it('a ledger locked by another writer (SQLITE_BUSY) aborts with that error, not as refused rows', async () => {
    t.ctx.ledger.sqlite.pragma('busy_timeout = 50');
    const other = new Database(t.file);
    other.exec('begin immediate');
    try {
      const rows = [T2_HEAD, [1, '营尔村', '孟珍发', ID1, '贫困户', '因病', null]];
      await expect(run([{ name: 'a.xlsx', bytes: xlsxBytes([{ name: 'S', rows }]) }])).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    } finally { other.exec('rollback'); other.close(); }
    expect(q('select count(*) as n from households')).toEqual([{ n: 0 }]);
  });

  it('a rollback that fails for another reason than a later record says so, with the real error', async () => {
    const rows = [T2_HEAD, [1, '营尔村', '孟珍发', ID1, '贫困户', '因病', null]];
    const r = await run([{ name: 'a.xlsx', bytes: xlsxBytes([{ name: 'S', rows }]) }]);
    t.ctx.ledger.sqlite.exec("create trigger no_delete before delete on households begin select raise(abort, 'trigger says no'); end");
    // The plan reads references (it no longer tries the undo); the rollback itself meets the error and says it as it is.
    expect((await t.api.imports.rollbackPlan({ batchId: r.batch! })).blockers).toEqual([]);
    await expect(t.api.imports.rollback({ batchId: r.batch! })).rejects.toThrow('trigger says no');
    expect((await t.api.imports.batches({})).rows[0].rolledBackAt).toBeNull();
    expect(q('select head from households')).toEqual([{ head: '孟珍发' }]);
  });
});

describe('blank 五个知晓/五个关心 cells', () => {
  const visit = (mark: string | null) => xlsxBytes([{ name: '走访', rows: [
    ['序号', '走访日期', '联系单位', '干部姓名', '村', '户主姓名', '身份证号码', '户情', '经济状况'],
    [1, '2014-03-05', '区司法局', '彭飞兰', '营尔村', '孟珍发', ID1, '√', mark],
  ] }]);

  it('never clear a stored √; × clears it; the preview states the rule', async () => {
    await run([{ name: 'a.xlsx', bytes: visit('√') }]);
    const again = only(await run([{ name: 'a.xlsx', bytes: visit(null) }]));
    expect(again.notices.join()).toContain('空白格不改变台账中已有的 √');
    expect([again.unchanged, again.updated]).toEqual([1, 0]);
    expect(q('select know_family as f, know_economy as e from visits')).toEqual([{ f: 1, e: 1 }]);
    expect(only(await run([{ name: 'a.xlsx', bytes: visit('×') }])).updated).toBe(1);
    expect(q('select know_economy as e from visits')).toEqual([{ e: 0 }]);
  });
});

describe('refused rows stay with their batch and go back to their units', () => {
  const t3Head = ['序号', '走访日期', '联系单位', '干部姓名', '村', '户主姓名', '身份证号码', '走访内容'];

  it('from xlsx, xls and GBK csv: 导入记录 lists each with file, sheet, row, column, reason and cells; the 退回清单 has one workbook a unit', async () => {
    const files = [
      { name: '区统计局-走访.xlsx', base64: b64(xlsxBytes([{ name: '走访记录', rows: [['填报单位（盖章）：区统计局'], t3Head,
        [1, '2014-03-05', '区统计局', '王芳', '营尔村', '孟珍发', ID1, '了解情况'],
        [2, '2014-13-45', '区统计局', '王芳', '营尔村', '汪宝', ID2, '送春联']] }])) },
      { name: '区司法局-走访.xls', base64: b64(xlsBytes('走访', [['填报单位（盖章）：区司法局'], t3Head,
        [1, '2014-03-06', '区司法局', '彭飞兰', '火星村', '李四', ID3, '宣传政策']])) },
      { name: '区文广局-帮扶户.csv', base64: b64(gbkCsv([['序号', '村', '户主姓名', '身份证号码', '户类型'], [1, '营尔村', '', ID3, '贫困户']])) },
    ];
    const r = await t.api.imports.commit({ files });
    expect(r.totals.errors).toBe(3);
    const { rows } = await t.api.imports.rejects({ batchId: r.batch! });
    // Households (T2) are applied before visits (T3), so the CSV's row comes first.
    expect(rows.map((x) => [x.file, x.sheet, x.row, x.column, x.unit])).toEqual([
      ['区文广局-帮扶户.csv', null, 2, '户主姓名', '区文广局'],
      ['区统计局-走访.xlsx', '走访记录', 4, '走访日期', '区统计局'],
      ['区司法局-走访.xls', '走访', 3, '村', '区司法局'],
    ]);
    expect(rows[2].reason).toContain('火星村');
    expect(rows[1].cells.find((c) => c.key === 'date')?.text).toBe('2014-13-45');
    expect((await t.api.imports.batches({})).rows[0].refused).toBe(3);

    const { files: out } = await withDownloads(t).api.imports.exportRejects({ batchId: r.batch! });
    expect(out.map((f) => [f.unit, f.rows])).toEqual([['区文广局', 1], ['区统计局', 1], ['区司法局', 1]]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(downloaded(t, out[1]) as never);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['序号', '走访日期', '联系单位']);
    expect(header.slice(-2)).toEqual(['原表位置', '退回原因']);
    const row = (ws.getRow(5).values as unknown[]).slice(1);
    expect(row[1]).toBe('2014-13-45');
    expect(row[5]).toBe('汪宝');
    expect(String(row[row.length - 1])).toContain('走访日期');
    expect(row[row.length - 2]).toBe('区统计局-走访.xlsx · 走访记录 · 第 4 行');
    expect(String(ws.getCell(2, 1).value)).toContain('区统计局');
  });

  it('a 退回清单 the unit mends and sends back imports (the two extra columns are ignored)', async () => {
    const r = await t.api.imports.commit({ files: [{ name: '区统计局-走访.xlsx', base64: b64(xlsxBytes([{ name: '走访记录', rows: [['填报单位（盖章）：区统计局'], t3Head,
      [1, '2014-13-45', '区统计局', '王芳', '营尔村', '汪宝', ID2, '送春联']] }])) }] });
    const [back] = (await withDownloads(t).api.imports.exportRejects({ batchId: r.batch! })).files;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(downloaded(t, back) as never);
    wb.worksheets[0].getCell(5, 2).value = '2014-03-15';
    const mended = Buffer.from(await wb.xlsx.writeBuffer());
    const s = only(await run([{ name: back.fileName, bytes: mended }]));
    expect([s.kind, s.added, s.errors]).toEqual(['T3', 1, []]);
    expect(q('select date from visits')).toEqual([{ date: '2014-03-15' }]);
  });

  it('CLI: ledger import … --rejects DIR writes the 退回清单 files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rejects-'));
    try {
      const file = join(dir, '区统计局-走访.xlsx');
      writeFileSync(file, xlsxBytes([{ name: '走访记录', rows: [['填报单位（盖章）：区统计局'], t3Head, [1, '2014-13-45', '区统计局', '王芳', '营尔村', '汪宝', ID2, 'x']] }]));
      const db = join(dir, 'l.sqlite');
      const r = ledgerCli(['--db', db, 'import', file, '--rejects', join(dir, 'out')]);
      expect(r.code).toBe(0);
      expect(readdirSync(join(dir, 'out'))).toEqual(['退回清单-区统计局-第1批.xlsx']);
      expect(r.stderr).toContain('1 行');
      expect(readFileSync(join(dir, 'out', '退回清单-区统计局-第1批.xlsx')).length).toBeGreaterThan(1000);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });
});

describe('files that are not tables', () => {
  it('a 0-byte file, a .docx, an image and an unknown extension are each refused by name; the other file imports', async () => {
    const good = xlsxBytes([{ name: 'S', rows: [T2_HEAD, [1, '营尔村', '孟珍发', ID1, '贫困户', '因病', null]] }]);
    const r = await t.api.imports.commit({ files: [
      { name: '空.xlsx', base64: '' },
      { name: '报告.docx', base64: b64(Buffer.from('PK\u0003\u0004 not really')) },
      { name: '照片.jpg', base64: b64(Buffer.from([0xff, 0xd8, 0xff, 0xe0])) },
      { name: '数据.abc', base64: b64(Buffer.from('a,b')) },
      { name: '帮扶户.xlsx', base64: b64(good) },
    ] });
    expect(r.files.map((f) => [f.file, f.error ?? null])).toEqual([
      ['空.xlsx', '文件是空的（0 字节），请让报送单位重新发送'],
      ['报告.docx', expect.stringContaining('“报告.docx”是文字文档（Word/WPS 文字），不是表格')],
      ['照片.jpg', expect.stringContaining('“照片.jpg”是图片，不是表格')],
      ['数据.abc', expect.stringContaining('扩展名 .abc 不是可导入的表格类型')],
      ['帮扶户.xlsx', null],
    ]);
    expect(r.batch).toBe(1);
    expect(q('select head from households')).toEqual([{ head: '孟珍发' }]);
  });
});

describe('联村关系 derived from what a unit\'s rows show', () => {
  const T1 = ['序号', '联系单位', '姓名', '干部级别', '村', '户主姓名', '身份证号码', '户类型', '结对日期'];
  const T3 = ['序号', '走访日期', '联系单位', '干部姓名', '村', '户主姓名', '身份证号码'];
  const T7 = ['序号', '日期', '联系单位', '村', '事项类别', '事项内容', '数量', '计量单位'];
  const links = () => q('select u.name as unit, v.name as village, l.since from unit_villages l join units u on u.id = l.unit_id join villages v on v.id = l.village_id where l.deleted_at is null order by u.name, v.name');

  it('adds each unit–village link once, dated from the earliest row, shows it in the preview as 新增联村, and 撤销 removes it', async () => {
    const book = xlsxBytes([
      { name: '花名册', rows: [T1, [1, '区教育局', '王芳', '一般干部', '营尔村', '孟珍发', ID1, '贫困户', '2014-02-01']] },
      { name: '走访', rows: [T3, [1, '2014-01-15', '区教育局', '王芳', '营尔村', '孟珍发', ID1]] },
      { name: '事项', rows: [T7, [1, '2014-03-01', '区教育局', '新上村', '宣传', '发放学习资料', 100, '册'], [2, '2014-03-02', '区教育局', null, '宣传', '全镇宣传', 1, '期']] },
    ]);
    const dry = await run([{ name: '区教育局.xlsx', bytes: book }], true);
    expect(dry.links).toEqual([{ unit: '区教育局', village: '营尔村', since: '2014-01-15' }, { unit: '区教育局', village: '新上村', since: '2014-03-01' }]);
    expect(links()).toEqual([]);
    const r = await run([{ name: '区教育局.xlsx', bytes: book }]);
    expect(links()).toEqual([{ unit: '区教育局', village: '新上村', since: '2014-03-01' }, { unit: '区教育局', village: '营尔村', since: '2014-01-15' }]);
    // Importing again adds no link; the clerk may edit one in the register.
    expect((await run([{ name: '区教育局.xlsx', bytes: book }], true)).links).toEqual([]);
    const { rows } = await t.api.unitVillages.list({});
    await t.api.unitVillages.update({ id: rows[0].id, patch: { note: '镇里确认' } });
    await t.api.unitVillages.update({ id: rows[0].id, patch: { note: null } });
    await t.api.imports.rollback({ batchId: r.batch! });
    expect(links()).toEqual([]);
  });

  it('a later row from a unit already linked since then changes nothing; an earlier one moves the start back', async () => {
    const t3 = (date: string) => xlsxBytes([{ name: '走访', rows: [T3, [1, date, '区教育局', '王芳', '营尔村', '孟珍发', ID1]] }]);
    await run([{ name: 'a.xlsx', bytes: t3('2014-03-01') }]);
    expect((await run([{ name: 'b.xlsx', bytes: t3('2014-04-01') }])).links).toEqual([]);
    await run([{ name: 'c.xlsx', bytes: t3('2014-01-10') }]);
    expect(links()).toEqual([{ unit: '区教育局', village: '营尔村', since: '2014-01-10' }]);
  });
});
