import type { BenchRow } from './row';
import { exportT2 } from './export-t2';
import { gridAll, gridColdAll, gridColdFirst, gridFirst } from './grid';
import { report } from './report';
import { cliReport } from './cli';
import { sheetsAll, sheetsUnit } from './sheets';
import { importBig, importCli, importCommit, importRollbackPlan, importUndo } from './import';

/**
 * Every row of `npm run bench`, in the order the table prints them. Each engineer registers a row
 * here with one line; the row itself lives in test/bench/<key>.ts.
 */
export const rows: BenchRow[] = [
  report,
  cliReport,
  sheetsUnit,
  sheetsAll,
  gridFirst,
  gridAll,
  gridColdFirst,
  gridColdAll,
  importCli, importCommit, importRollbackPlan, importUndo, importBig,
  exportT2,
];
