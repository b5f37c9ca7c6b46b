import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { isStale } from '../../scripts/stale.mjs';

/**
 * The e2e project's global setup. Browser-mode tests serve the built renderer (out/renderer), and a single
 * `npx vitest run test/e2e/…` after an edit must not test yesterday's page: 撤销's confirmation was once seen
 * spinning on screen from a stale bundle long after the source had been mended. So it is rebuilt first, once
 * for the whole run, when a source is newer than the build.
 */
export default function setup(): void {
  const root = join(import.meta.dirname, '..', '..');
  if (!isStale(root, 'out/renderer/index.html', ['renderer', 'electron', 'electron.vite.config.ts', 'package.json'])) return;
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('electron-vite build failed: the page under test would be an old one');
}
