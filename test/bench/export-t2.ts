import { join } from 'node:path';
import { insertHouseholds } from '../helpers/bulk-households';
import { exampleContext } from '../helpers/ledger';
import { ROOT } from '../helpers/run';
import { timedProcess } from './process';
import type { BenchRow } from './row';

/**
 * T2 of 100,000 households: `ledger export T2 --out …` (built JavaScript, whole process, streaming to
 * the file), beside a bare ExcelJS streaming writer of the same rows, also a whole process
 * (test/bench/export-floor.mjs). Peak memory is each process's own, read from /proc while it runs.
 */
const FILE = 'export.sqlite';
const HOUSEHOLDS = Number(process.env.BENCH_EXPORT_HOUSEHOLDS ?? 100_000);

export const exportT2: BenchRow = {
  key: 'export-t2',
  work: `export T2, ${HOUSEHOLDS.toLocaleString('en-US')} households (\`ledger export\`, whole process)`,
  floorLabel: 'bare ExcelJS streaming writer of the same rows and cells (one plain SELECT), whole process',
  target: '≤ 1.5×, memory flat (< 300 MB)',
  maxRatio: 1.5,
  maxPeakMb: 300,
  needsBuild: true,
  setup: async (dir) => {
    const ctx = exampleContext(join(dir, FILE));
    insertHouseholds(ctx.ledger.sqlite, HOUSEHOLDS);
    ctx.ledger.close();
  },
  measure: (dir) => timedProcess(process.execPath,
    [join(ROOT, 'bin', 'ledger.mjs'), '--db', join(dir, FILE), 'export', 'T2', '--date', '2014-06-30', '--out', join(dir, 'ledger-T2.xlsx')],
    { cwd: ROOT, rows: HOUSEHOLDS }),
  floor: (dir) => timedProcess(process.execPath, [join(ROOT, 'test', 'bench', 'export-floor.mjs'), join(dir, FILE), join(dir, 'floor-T2.xlsx')],
    { cwd: ROOT, rows: HOUSEHOLDS }),
};
