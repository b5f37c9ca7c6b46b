/**
 * `npm run bench [key]`: every row of issue 11's table, each measure and its floor run three times in
 * fresh child processes, printed as medians beside each other with the ratio, rows per second and peak
 * memory. Figures, never pass/fail: the machine is shared, so a noisy run says so by its spread.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { BenchRow, Sample } from './row';
import { rows } from './rows';

const ROOT = join(import.meta.dirname, '..', '..');
const CHILD = join(import.meta.dirname, 'child.ts');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** One measurement that takes longer than this is stopped and the row reported as failed. */
const CHILD_TIMEOUT_MS = 10 * 60_000;

const only = process.argv[2];
const chosen = rows.filter((r) => !only || r.key === only || r.key.startsWith(`${only}-`));
if (chosen.length === 0) {
  console.error(`没有名为“${only}”的基准项；可选：${rows.map((r) => r.key).join(', ')}`);
  process.exit(2);
}

function machine(): string {
  const os = /PRETTY_NAME="([^"]+)"/.exec(safeRead('/etc/os-release'))?.[1] ?? `Linux ${release()}`;
  return `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, Node ${process.versions.node}, ${os}`;
}
function safeRead(file: string): string {
  try { return readFileSync(file, 'utf8'); } catch { return ''; }
}

/** Runs one step of a row in a fresh process and returns its sample. */
function child(row: BenchRow, what: 'setup' | 'measure' | 'floor', dir: string): Promise<Sample> {
  return new Promise((ok, fail) => {
    const p = spawn(process.execPath, ['--import', 'tsx', CHILD, row.key, what, dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    p.stdout.on('data', (d) => { out += d; });
    p.stderr.on('data', (d) => { err += d; });
    const timer = setTimeout(() => p.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    p.once('exit', (code, signal) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith('BENCH '));
      if (code === 0 && line) ok(JSON.parse(line.slice(6)) as Sample);
      else fail(new Error(`${row.key} ${what}: exit ${code ?? signal}\n${err.trim().split('\n').slice(-15).join('\n')}`));
    });
  });
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const fmtMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');

type Result = { row: BenchRow; now?: Sample[]; floor?: Sample[]; error?: string };

async function runRow(row: BenchRow, root: string, prepared: Set<string>): Promise<Result> {
  const dir = join(root, row.setupKey ?? row.key);
  mkdirSync(dir, { recursive: true });
  const res: Result = { row, now: [], floor: row.floor ? [] : undefined };
  try {
    if (row.setup && !prepared.has(dir)) {
      const t = performance.now();
      await child(row, 'setup', dir);
      prepared.add(dir);
      console.log(`  ${row.key}: set up in ${fmtMs(performance.now() - t)}`);
    }
    // Alternate measure and floor, so a noisy moment spreads over both.
    for (let i = 0; i < RUNS; i++) {
      const n = await child(row, 'measure', dir);
      res.now!.push(n);
      let line = `  ${row.key} run ${i + 1}: now ${fmtMs(n.ms)}`;
      if (row.floor) {
        const f = await child(row, 'floor', dir);
        res.floor!.push(f);
        line += `, floor ${fmtMs(f.ms)}`;
      }
      console.log(line);
    }
  } catch (e) {
    res.error = (e as Error).message;
    console.log(`  ${row.key}: failed — ${res.error}`);
  }
  return res;
}

function tableRow(r: Result): string[] {
  const { row } = r;
  if (r.error || !r.now?.length) return [row.work, '失败', '', '', row.target, 'no', '', ''];
  const now = median(r.now.map((s) => s.ms));
  const floor = r.floor?.length ? median(r.floor.map((s) => s.ms)) : undefined;
  const ratio = floor ? now / floor : undefined;
  const rowsDone = median(r.now.map((s) => s.rows ?? 0));
  const peak = median(r.now.map((s) => s.peakMb ?? 0));
  const floorPeak = r.floor?.length ? median(r.floor.map((s) => s.peakMb ?? 0)) : undefined;
  const checks: boolean[] = [];
  if (row.maxRatio !== undefined && ratio !== undefined) checks.push(ratio <= row.maxRatio);
  if (row.maxMs !== undefined) checks.push(now < row.maxMs);
  if (row.maxPeakMb !== undefined) checks.push(peak < row.maxPeakMb);
  return [
    row.work,
    fmtMs(now),
    floor !== undefined ? `${fmtMs(floor)} (${row.floorLabel})` : '—',
    ratio !== undefined ? `${ratio.toFixed(2)}×` : '—',
    row.target,
    checks.length ? (checks.every(Boolean) ? 'yes' : 'no') : '—',
    rowsDone ? fmtInt(rowsDone / (now / 1000)) : '—',
    `${fmtInt(peak)}${floorPeak !== undefined ? ` (floor ${fmtInt(floorPeak)})` : ''}`,
  ];
}

const HEAD = ['work', 'now (median)', 'floor (median)', 'ratio', 'target', 'met?', 'rows/s', 'peak MB'];

const needsBuild = chosen.some((r) => r.needsBuild);
if (needsBuild && !process.env.BENCH_NO_BUILD) {
  console.log('building (npm run build)…');
  const b = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (b.status !== 0) throw new Error('npm run build failed');
}

const root = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
const started = performance.now();
const results: Result[] = [];
const prepared = new Set<string>();
try {
  for (const row of chosen) {
    console.log(`— ${row.key}: ${row.work}`);
    const result = await runRow(row, root, prepared);
    results.push(result);
    // The row's line at once too, so a run stopped part way still leaves the rows it finished.
    console.log(`  = | ${tableRow(result).join(' | ')} |`);
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}

console.log(`\nMedians of ${RUNS} runs, each in a fresh process; ${machine()}; whole run ${fmtMs(performance.now() - started)}.\n`);
console.log(`| ${HEAD.join(' | ')} |`);
console.log(`|${HEAD.map(() => '---').join('|')}|`);
for (const r of results) console.log(`| ${tableRow(r).join(' | ')} |`);
if (results.some((r) => r.error)) process.exitCode = 1;
