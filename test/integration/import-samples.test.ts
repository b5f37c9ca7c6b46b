import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

describe('the sample files, imported in one batch into an empty ledger', () => {
  const db = join(dir, 'samples.sqlite');
  let first: ReturnType<typeof importAll>;
  beforeAll(() => {
    expect(ledgerCli(['--db', db, 'init']).code).toBe(0);
    first = importAll(db, SAMPLES);
  }, 180_000);

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

  it('a second import of the same files adds and updates nothing; its batch holds only the refused rows', () => {
    const again = importAll(db, SAMPLES);
    expect(again.code).toBe(0);
    expect(again.report.batch).toBe(2);
    const sheets = again.report.files.flatMap((f) => f.sheets);
    expect(sheets.reduce((s, x) => s + x.added + x.updated, 0)).toBe(0);
    expect(byPlace(refused(again.report))).toEqual(byPlace(expectedErrors));
    expect(report(db)).toEqual(expected);
  }, 180_000);
});

describe('a dry run of the samples', () => {
  it('shows the same refused rows and writes nothing', () => {
    const db = join(dir, 'dry.sqlite');
    expect(ledgerCli(['--db', db, 'init']).code).toBe(0);
    const { code, report: r } = importAll(db, SAMPLES, '--dry-run');
    expect(code).toBe(0);
    expect(r.batch).toBeNull();
    expect(byPlace(refused(r))).toEqual(byPlace(expectedErrors));
    expect(r.files.flatMap((f) => f.sheets).reduce((s, x) => s + x.added, 0)).toBeGreaterThan(290);
    expect(report(db).households.total).toBe(0);
  }, 180_000);
});
