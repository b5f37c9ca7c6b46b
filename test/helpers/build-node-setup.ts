import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Vitest's global setup: the CLI and browser mode run from out/node (test/helpers/run.ts), so they are
 * rebuilt once before the tests whenever a source changed since the last build (`npm test` has just
 * built them; a single `npx vitest run …` after an edit must not test yesterday's bundle).
 */
export default function setup(): void {
  const root = join(import.meta.dirname, '..', '..');
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build-node.mjs'), '--if-stale'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('scripts/build-node.mjs failed');
}
