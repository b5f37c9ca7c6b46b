import { join } from 'node:path';
import { ROOT } from '../helpers/run';
import { samplesLedger } from '../helpers/samples-ledger';
import { timedProcess } from './process';
import type { BenchRow } from './row';

/**
 * A CLI command as the README runs it (`node bin/ledger.mjs --db … report …`, built JavaScript), whole
 * process, beside `node -e` opening the same ledger with better-sqlite3 and reading one count.
 */
const FILE = 'samples.sqlite';

export const cliReport: BenchRow = {
  key: 'cli-report',
  work: '`ledger report` on the samples ledger, whole process (node bin/ledger.mjs)',
  floorLabel: '`node -e` opening the same ledger with better-sqlite3',
  target: '≤ 4×',
  maxRatio: 4,
  needsBuild: true,
  setup: async (dir) => { samplesLedger(dir, join(dir, FILE)); },
  measure: (dir) => timedProcess(process.execPath,
    [join(ROOT, 'bin', 'ledger.mjs'), '--db', join(dir, FILE), 'report', '--from', '2014-01-01', '--to', '2014-06-30', '--json'], { cwd: ROOT }),
  floor: (dir) => timedProcess(process.execPath, ['-e',
    `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(join(dir, FILE))}); db.prepare('select count(*) from households').get(); db.close();`],
  { cwd: ROOT }),
};
