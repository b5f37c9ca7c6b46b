import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { Cancelled, type ProgressEvent } from '../../electron/api/define';
import { importFiles } from '../../electron/io/import/run';
import { WorkbookReader } from '../../electron/io/read/read';
import { zipDirectory, zipEntryText } from '../../electron/io/read/zip';
import { VILLAGES, groupName } from '../../seeds/base';
import { dumpLedger } from '../helpers/dump';
import { tempLedger, type TestLedger } from '../helpers/ledger';
import { idNumber, xlsxBytes } from '../helpers/sheets';

/**
 * A 土地流转台账 big enough to be read as a stream (its sheet inflates past 4 MB), as units fill it in:
 * the 村 merged down over each household's four plots, a household's third plot row left wholly blank
 * (the merge still gives it a 村), a bad date now and then, a 小计 and a blank row between households,
 * the header repeated half-way, 合计 and a footer at the end.
 */
function landAsUnitsFill(households: number): { bytes: Buffer; plots: number } {
  const rows: unknown[][] = [['肃州区上坝镇双联行动土地流转台账'], ['填报单位（盖章）：上坝镇机关    填报人：张丽'],
    ['序号', '村', '村民小组', '转出方(户主)', '身份证号码', '地块名称', '流转面积(亩)', '流转方式', '转入方', '起始日期', '终止日期', '流转价格(元/亩·年)', '合同编号', '流转用途', '备注']];
  const merges: string[] = [];
  let plots = 0;
  for (let h = 0; h < households; h++) {
    const v = VILLAGES[h % VILLAGES.length];
    const id = idNumber(new Date(Date.UTC(1940, 0, 1) + h * 86400000).toISOString().slice(0, 10).replace(/-/g, ''), 100 + (h % 800));
    merges.push(`B${rows.length + 1}:B${rows.length + 4}`);
    for (let p = 0; p < 4; p++) {
      const i = plots++;
      if (h % 50 === 7 && p === 2) { rows.push([]); continue; }
      const start = i % 613 === 5 ? '2014-13-45' : `${2010 + (i % 12)}-03-01`;
      rows.push([i + 1, p === 0 ? v.name : null, groupName(1 + (h % v.groups)), `户主${h + 1}`, id, `地块${p + 1}`, 1 + (i % 50) / 10, '出租',
        `转入方${i % 97}`, start, `${2022 + (i % 5)}-02-28`, 300 + (i % 200), `SZ-${String(i + 1).padStart(6, '0')}`, '种植', `备注${i % 31}`]);
    }
    if (h % 400 === 399) rows.push(['小计']);
    if (h % 300 === 150) rows.push([]);
    if (h === Math.floor(households / 2)) rows.push(rows[2]);
  }
  rows.push(['合计'], ['单位负责人：王建国', null, '填表人：张丽']);
  return { bytes: xlsxBytes([{ name: '土地流转', rows, merges }], { excel: true }), plots };
}

const ledgers: TestLedger[] = [];
afterEach(() => { for (const l of ledgers.splice(0)) l.close(); });
const fresh = () => { const l = tempLedger(); ledgers.push(l); return l; };

/** Imports with a reader that says whether the file was streamed (handed over as read) or came whole. */
async function imported(t: TestLedger, bytes: Buffer, opts: { dryRun?: boolean; whole?: boolean; progress?: (e: ProgressEvent) => void; signal?: AbortSignal } = {}) {
  const reader = new WorkbookReader();
  let streamed = false;
  const given = opts.whole
    ? { read: reader.read.bind(reader), close: reader.close.bind(reader) } as unknown as WorkbookReader
    : Object.assign(reader, { readStreaming: async (...a: Parameters<WorkbookReader['readStreaming']>) => {
      const r = await WorkbookReader.prototype.readStreaming.apply(reader, a);
      streamed = r === null;
      return r;
    } });
  try {
    const report = await importFiles(t.ctx.ledger.sqlite, [{ name: '上坝镇机关-土地流转台账.xlsx', bytes }], { dryRun: opts.dryRun ?? false, reader: { process: given, own: false }, progress: opts.progress, signal: opts.signal });
    return { report, streamed };
  } finally {
    await reader.close();
  }
}

describe('a big one-sheet xlsx written while it is read', () => {
  it('gives the report and the ledger of the same file read whole: merged 村, blank and 小计 rows, a repeated header, refused rows', async () => {
    const { bytes, plots } = landAsUnitsFill(2500);
    const a = fresh(), b = fresh();
    const events: ProgressEvent[] = [];
    const streamed = await imported(a, bytes, { progress: (e) => events.push(e) });
    const whole = await imported(b, bytes, { whole: true });
    expect(streamed.streamed).toBe(true);
    expect(whole.streamed).toBe(false);
    expect(streamed.report).toEqual(whole.report);
    // Checked by hand against the sheet: 10,000 plot rows, 50 of them blank but for the merged 村 (households
    // 7, 57, … 2457), 17 with 2014-13-45 (plots 5, 618, … 9813), each refused; the repeated header, 小计, blank
    // rows, 合计 and the footer are not records.
    const t = streamed.report.totals;
    expect([t.rows, t.added]).toEqual([10_000, 10_000 - 50 - 17]);
    const refused = streamed.report.files[0].sheets[0].errors.map((e) => e.row);
    expect(new Set(refused).size).toBe(50 + 17);
    expect(dumpLedger(a.file).replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T')).toBe(dumpLedger(b.file).replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T'));
    // The bar counts the rows as they are written, and gives their exact number once the file is read.
    const writing = events.filter((e) => e.step === '写入' && e.done > 0 && e.done < plots);
    expect(writing.length).toBeGreaterThan(10);
    expect(writing.some((e) => e.total === plots)).toBe(true);
    expect(events.at(-1)).toMatchObject({ done: plots, total: plots });
  });

  it('a second import of it changes nothing, and a preview of it writes nothing', async () => {
    const { bytes, plots } = landAsUnitsFill(2500);
    const t = fresh();
    await imported(t, bytes);
    const before = dumpLedger(t.file);
    const preview = await imported(t, bytes, { dryRun: true });
    expect(preview.streamed).toBe(true);
    expect(preview.report.totals).toMatchObject({ rows: plots, added: 0, updated: 0 });
    expect(dumpLedger(t.file)).toBe(before);
    const again = await imported(t, bytes);
    expect(again.report.totals).toMatchObject({ rows: plots, added: 0, updated: 0 });
    expect(again.report.batch).toBe(2);
    expect(t.ctx.ledger.sqlite.prepare("select count(*) as n from audit_log where batch_id = 2").get()).toEqual({ n: 0 });
  });
});

/**
 * The workbook with one more row just past the reader's 300,000-row limit, after all the others: the
 * reader finds the sheet too long only at its very end. The zip is written again with the changed sheet.
 */
function oneRowTooFar(bytes: Buffer): Buffer {
  const parts = zipDirectory(bytes).map((e) => ({ name: e.name, text: zipEntryText(bytes, e, 100 * 1024 * 1024) }));
  const sheet = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!;
  sheet.text = sheet.text.replace('</sheetData>', '<row r="300001"><c r="A300001"><v>1</v></c></row></sheetData>');
  const locals: Buffer[] = [], central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const text = Buffer.from(p.text), data = deflateRawSync(text), name = Buffer.from(p.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18); local.writeUInt32LE(text.length, 22); local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0); cd.writeUInt16LE(20, 4); cd.writeUInt16LE(20, 6); cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(data.length, 20); cd.writeUInt32LE(text.length, 24); cd.writeUInt16LE(name.length, 28); cd.writeUInt32LE(offset, 42);
    locals.push(local, name, data); central.push(cd, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(central), end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(parts.length, 8); end.writeUInt16LE(parts.length, 10); end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

describe('a streamed sheet that does not go through', () => {
  it('found unreadable after most of its rows were written: the file is refused as when read whole, and the ledger is as before', async () => {
    const bytes = oneRowTooFar(landAsUnitsFill(2500).bytes);
    const a = fresh(), b = fresh();
    const before = dumpLedger(a.file);
    const events: ProgressEvent[] = [];
    const streamed = await imported(a, bytes, { progress: (e) => events.push(e) });
    // It was writing rows when the reader refused the file.
    expect(events.some((e) => e.step === '写入' && e.done >= 5000)).toBe(true);
    expect(streamed.report.files[0].error).toContain('超过 300,000 行');
    expect(streamed.report.batch).toBeNull();
    expect(streamed.report).toEqual((await imported(b, bytes, { whole: true })).report);
    expect(dumpLedger(a.file)).toBe(before);
  });

  it('cancelled while it writes: nothing is written, and the same file imports afterwards', async () => {
    const { bytes } = landAsUnitsFill(2500);
    const t = fresh();
    const before = dumpLedger(t.file);
    const ac = new AbortController();
    const events: ProgressEvent[] = [];
    const run = imported(t, bytes, { signal: ac.signal, progress: (e) => { events.push(e); if (e.step === '写入' && e.done >= 2000) ac.abort(); } });
    await expect(run).rejects.toBeInstanceOf(Cancelled);
    expect(events.some((e) => e.step === '写入' && e.done === 2000)).toBe(true);
    expect(dumpLedger(t.file)).toBe(before);
    const again = await imported(t, bytes);
    expect(again.report.totals).toMatchObject({ rows: 10_000, added: 10_000 - 50 - 17 });
  });
});

describe('a big file given by its path (the command line, a file the person chose)', () => {
  it('is read from disk by the reading process: the same report, digest and size as the file sent whole; one refused part-way is refused the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-on-disk-'));
    try {
      const { bytes, plots } = landAsUnitsFill(2500);
      const files = { 'land.xlsx': bytes, 'bad.xlsx': oneRowTooFar(bytes) };
      const t = fresh();
      const before = dumpLedger(t.file);
      for (const [file, b] of Object.entries(files)) {
        writeFileSync(join(dir, file), b);
        const name = '上坝镇机关-土地流转台账.xlsx';
        const byPath = await t.api.imports.preview({ files: [{ name, path: join(dir, file) }] });
        expect(byPath).toEqual(await t.api.imports.preview({ files: [{ name, base64: b.toString('base64') }] }));
        expect(byPath.files[0]).toMatchObject({ sha256: createHash('sha256').update(b).digest('hex'), bytes: b.length });
        if (file === 'land.xlsx') expect(byPath.totals).toMatchObject({ rows: plots, added: 10_000 - 50 - 17 });
        else expect(byPath.files[0].error).toContain('超过 300,000 行');
      }
      expect(dumpLedger(t.file)).toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
