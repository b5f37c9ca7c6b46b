import { benchGrid } from './grid';
import { benchImport } from './import';

/** `npm run bench`: speed figures (printed, never asserted; machines are shared). */
const only = process.argv[2];
const benches: [string, () => Promise<void>][] = [
  ['import', () => benchImport()],
  ['grid', () => benchGrid()],
];
for (const [name, run] of benches) {
  if (only && only !== name) continue;
  console.log(`— ${name} —`);
  await run();
}
