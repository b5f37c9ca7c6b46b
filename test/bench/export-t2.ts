import { join } from 'node:path';
import { callMethod } from '../../electron/api/dispatch';
import { openContext } from '../../electron/context';
import { insertHouseholds } from '../helpers/bulk-households';
import { exampleContext } from '../helpers/ledger';
import { floorExportT2 } from './export-floor';
import type { BenchRow } from './row';

/**
 * T2 of 100,000 households, the ledger's export streamed to a file (exports.sheet with `out`, as the
 * CLI calls it), beside a bare ExcelJS streaming writer of the same rows. Peak memory is the child
 * process's own (the harness runs each in a fresh one).
 */
const FILE = 'export.sqlite';
const HOUSEHOLDS = Number(process.env.BENCH_EXPORT_HOUSEHOLDS ?? 100_000);

export const exportT2: BenchRow = {
  key: 'export-t2',
  work: `export T2, ${HOUSEHOLDS.toLocaleString('en-US')} households`,
  floorLabel: 'ExcelJS streaming writer of the same rows (one plain SELECT, same cells and styles)',
  target: '≤ 1.5×, memory flat (< 300 MB)',
  maxRatio: 1.5,
  maxPeakMb: 300,
  setup: async (dir) => {
    const ctx = exampleContext(join(dir, FILE));
    insertHouseholds(ctx.ledger.sqlite, HOUSEHOLDS);
    ctx.ledger.close();
  },
  measure: async (dir) => {
    const ctx = openContext(join(dir, FILE));
    try {
      const t = performance.now();
      const r = (await callMethod(ctx, 'exports.sheet', { sheet: 'T2', reportDate: '2014-06-30', out: join(dir, 'ledger-T2.xlsx') })) as { rows: number };
      return { ms: performance.now() - t, rows: r.rows };
    } finally {
      ctx.ledger.close();
    }
  },
  floor: (dir) => floorExportT2(join(dir, FILE), join(dir, 'floor-T2.xlsx')),
};
