import { join } from 'node:path';
import { reports } from '../../electron/api/reports';
import Database from 'better-sqlite3';
import type { Ctx } from '../../electron/api/define';
import { fillBigLedger } from '../helpers/big-ledger';
import { exampleContext } from '../helpers/ledger';
import type { BenchRow, Sample } from './row';
import { floorFigures } from './report-floor';

/**
 * The half-year report's figures (reports.halfYear) over a ledger of 1,000,000 visits and aid rows,
 * beside one hand-written SQL statement giving the same figures. Each run opens the ledger in a fresh
 * process and times the first call, as the report page's first look at a period does.
 */
const FILE = 'report.sqlite';
const PERIOD = { from: '2014-01-01', to: '2014-06-30' };
const RECORDS = Number(process.env.BENCH_REPORT_RECORDS ?? 1_000_000);

/**
 * Opens the ledger bare (the app's open runs a full integrity_check, half a minute on this file and
 * not part of the report) and times one call.
 */
function timed(dir: string, work: (ctx: Ctx) => unknown): Sample {
  const sqlite = new Database(join(dir, FILE));
  try {
    const ctx = { ledger: { sqlite } } as unknown as Ctx;
    const t = performance.now();
    work(ctx);
    return { ms: performance.now() - t, rows: RECORDS };
  } finally {
    sqlite.close();
  }
}

export const report: BenchRow = {
  key: 'report',
  work: `half-year report figures over ${RECORDS.toLocaleString('en-US')} visits and aid rows`,
  floorLabel: 'one hand-written SQL aggregate of the same figures',
  target: '≤ 1.2×, < 200 ms',
  maxRatio: 1.2,
  maxMs: 200,
  setup: async (dir) => {
    const ctx = exampleContext(join(dir, FILE));
    fillBigLedger(ctx.ledger.sqlite, { households: 30_000, records: RECORDS });
    ctx.ledger.close();
  },
  measure: async (dir) => timed(dir, (ctx) => reports.halfYear.handler(ctx, PERIOD)),
  floor: async (dir) => timed(dir, (ctx) => floorFigures(ctx.ledger.sqlite, PERIOD.from, PERIOD.to)),
};
