import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerCli, ROOT } from '../helpers/run';

const SAMPLES = join(ROOT, '..', 'shared', 'formats', 'samples');
const expected = JSON.parse(readFileSync(join(SAMPLES, 'expected.json'), 'utf8'));
const expectedErrors = JSON.parse(readFileSync(join(SAMPLES, 'errors.json'), 'utf8')) as { file: string; sheet: string; row: number; column: string; kind: string }[];
const dir = mkdtempSync(join(tmpdir(), 'ledger-samples-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The importer's reasons, read as errors.json's kinds. */
function kindOf(message: string): string {
  if (/校验位/.test(message)) return 'id_checksum';
  if (/不是可识别的日期/.test(message)) return 'bad_date';
  if (/必须填写/.test(message)) return 'missing_required';
  if (/早于/.test(message)) return 'end_before_start';
  return `other: ${message}`;
}

type CliReport = { batch: number | null; files: { file: string; error?: string; sheets: { sheet: string | null; kind: string | null; rows: number; added: number; updated: number; unchanged: number; errors: { row: number; column: string; message: string }[]; warnings: unknown[] }[] }[] };
const refused = (r: CliReport) => r.files.flatMap((f) => f.sheets.flatMap((s) => s.errors.map((e) => ({ file: f.file, sheet: s.sheet, row: e.row, column: e.column, kind: kindOf(e.message) }))));
const sortKey = (e: { file: string; row: number }) => `${e.file}:${String(e.row).padStart(6, '0')}`;
const byPlace = <T extends { file: string; row: number }>(xs: T[]) => [...xs].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));

const sampleFiles = () => readdirSync(SAMPLES).filter((f) => !/\.(md|json)$/.test(f));
function importAll(db: string, folder: string, ...extra: string[]) {
  const r = ledgerCli(['--db', db, 'import', ...sampleFiles().map((f) => join(folder, f)), '--json', ...extra]);
  expect(r.stderr).toBe('');
  return { code: r.code, report: JSON.parse(r.stdout) as CliReport };
}
const report = (db: string) => JSON.parse(ledgerCli(['--db', db, 'report', '--from', '2014-01-01', '--to', '2014-06-30', '--json']).stdout);

// The shipped 帮扶户基本信息表.xlsx contradicts errors.json: its row 26 names a head (错行丁某), yet errors.json
// (and expected.json's 134 households) say that row's 户主姓名 is empty. The sample's own 合计 row (133 people,
// 50 labourers) leaves that row out, so the file, not the spec, is off. These tests import the sample as the spec
// describes it — D26 emptied — and one test below pins down what the shipped file gives.
const patched = join(dir, 'patched');
beforeAll(() => {
  mkdirSync(patched);
  for (const f of sampleFiles()) copyFileSync(join(SAMPLES, f), join(patched, f));
  const wb = XLSX.read(readFileSync(join(SAMPLES, '帮扶户基本信息表.xlsx')));
  const ws = wb.Sheets['帮扶户'];
  expect(ws.D26.v).toBe('错行丁某');
  delete ws.D26;
  writeFileSync(join(patched, '帮扶户基本信息表.xlsx'), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
});

describe('the sample files, imported in one batch into an empty ledger', () => {
  const db = join(dir, 'samples.sqlite');
  let first: ReturnType<typeof importAll>;
  beforeAll(() => {
    expect(ledgerCli(['--db', db, 'init']).code).toBe(0);
    first = importAll(db, patched);
  });

  it('reads every file (exit 0) as one batch', () => {
    expect(first.code).toBe(0);
    expect(first.report.batch).toBe(1);
    expect(first.report.files.map((f) => f.error)).toEqual(sampleFiles().map(() => undefined));
  });

  it('refuses exactly the rows of errors.json: file, sheet, row, column and kind', () => {
    expect(byPlace(refused(first.report))).toEqual(byPlace(expectedErrors));
  });

  it('gives the half-year report of expected.json', () => {
    expect(report(db)).toEqual(expected);
  });

  it('a second import of the same files adds and updates nothing', () => {
    const again = importAll(db, patched);
    expect(again.code).toBe(0);
    expect(again.report.batch).toBeNull();
    const sheets = again.report.files.flatMap((f) => f.sheets);
    expect(sheets.reduce((s, x) => s + x.added + x.updated, 0)).toBe(0);
    expect(byPlace(refused(again.report))).toEqual(byPlace(expectedErrors));
    expect(report(db)).toEqual(expected);
  });
});

describe('the samples as shipped', () => {
  it('import row 26 of 帮扶户基本信息表 (it has a head), so one more poor household than expected.json counts', () => {
    const db = join(dir, 'shipped.sqlite');
    const { code, report: r } = importAll(db, SAMPLES);
    expect(code).toBe(0);
    expect(byPlace(refused(r))).toEqual(byPlace(expectedErrors.filter((e) => e.file !== '帮扶户基本信息表.xlsx')));
    const rep = report(db);
    expect(rep.households).toEqual({ ...expected.households, total: 135, poor: 40 });
    expect({ ...rep, households: expected.households }).toEqual(expected);
  });

  it('a dry run shows the same and writes nothing', () => {
    const db = join(dir, 'dry.sqlite');
    const { code, report: r } = importAll(db, patched, '--dry-run');
    expect(code).toBe(0);
    expect(r.batch).toBeNull();
    expect(r.files.flatMap((f) => f.sheets).reduce((s, x) => s + x.added, 0)).toBeGreaterThan(290);
    expect(report(db).households.total).toBe(0);
  });
});
