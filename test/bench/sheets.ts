import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ledgerCli, ROOT } from '../helpers/run';
import { timedProcess } from './process';
import type { BenchRow } from './row';

/**
 * 入户走访记录表 as PDF, whole CLI process as the README runs it: the demo ledger's whole township
 * (`sheets --all`: 409 households paired today, one page each) and one unit (上坝镇机关, 78 pages),
 * beside bare Chromium printing the very HTML the CLI makes (`sheets … --html`) to PDF.
 */
const FILE = 'demo.sqlite';
const CASES = [
  { key: 'sheets-all', work: 'visit sheets, whole township (`sheets --all`, 409 pages), whole process', choose: ['--all'] },
  { key: 'sheets-unit', work: 'visit sheets, one unit (78 pages), whole process', choose: ['--unit', '上坝镇机关'] },
];

const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);
const html = (dir: string, key: string) => join(dir, `${key}.html`);

async function setup(dir: string): Promise<void> {
  const db = join(dir, FILE);
  for (const args of [['init', '--example', '上坝镇'], ['demo'], ...CASES.map((c) => ['sheets', ...c.choose, '--html', '--out', html(dir, c.key)])]) {
    const r = ledgerCli(['--db', db, ...args]);
    if (r.code !== 0) throw new Error(r.stderr);
  }
}

export const [sheetsAll, sheetsUnit]: BenchRow[] = CASES.map(({ key, work, choose }) => ({
  key,
  work,
  floorLabel: 'bare Chromium printing the same HTML to PDF, whole process',
  target: '≤ 1.3×',
  maxRatio: 1.3,
  needsBuild: true,
  setupKey: 'sheets',
  setup,
  measure: async (dir) => {
    const pdf = join(dir, `${key}.pdf`);
    const s = await timedProcess(process.execPath, [join(ROOT, 'bin', 'ledger.mjs'), '--db', join(dir, FILE), 'sheets', ...choose, '--out', pdf], { cwd: ROOT });
    return { ...s, rows: pages(pdf) };
  },
  floor: async (dir) => {
    const pdf = join(dir, `${key}-floor.pdf`);
    const s = await timedProcess(process.execPath, [join(ROOT, 'test', 'bench', 'print-html.mjs'), html(dir, key), pdf], { cwd: ROOT });
    return { ...s, rows: pages(pdf) };
  },
}));
