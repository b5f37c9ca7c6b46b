/**
 * One measurement in its own process: `node --import tsx test/bench/child.ts <key> setup|measure|floor <dir>`.
 * Prints one line `BENCH {json}` with the sample and this process's peak RSS, so a run's memory is its own.
 */
import type { Sample } from './row';
import { rows } from './rows';

const [key, what, dir] = process.argv.slice(2);
const row = rows.find((r) => r.key === key);
if (!row) throw new Error(`no bench row "${key}"`);
const run = what === 'setup' ? async (): Promise<Sample> => { await row.setup?.(dir); return { ms: 0 }; } : what === 'floor' ? () => row.floor!(dir) : () => row.measure(dir);
const sample = await run();
const ownPeakMb = process.resourceUsage().maxRSS / 1024;
console.log(`BENCH ${JSON.stringify({ ...sample, peakMb: sample.peakMb ?? ownPeakMb })}`);
// Rows may leave handles (a browser's pipes) that would keep the child alive for nothing.
process.exit(0);
