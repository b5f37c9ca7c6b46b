import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './run';

function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

/**
 * Browser-mode tests serve the built renderer (out/renderer). A single `npx vitest run test/e2e/…` after
 * an edit must not test yesterday's page: 撤销's confirmation was once seen spinning on screen from a
 * stale bundle long after the source had been mended. So it is rebuilt first when a source is newer.
 */
export function ensureRendererBuilt(): void {
  const built = join(ROOT, 'out', 'renderer', 'index.html');
  const sources = ['renderer', 'electron', 'electron.vite.config.ts', 'package.json'].map((p) => join(ROOT, p)).filter(existsSync);
  if (existsSync(built) && Math.max(...sources.map(newest)) < statSync(built).mtimeMs) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('electron-vite build failed: the page under test would be an old one');
}
