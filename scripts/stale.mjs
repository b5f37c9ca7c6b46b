// Whether a build is stale: the newest modification time under its sources, compared with the build's.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

/** True when `built` is missing or older than any file under `sources` (paths relative to `root`). */
export function isStale(root, built, sources) {
  const builtAt = join(root, built);
  if (!existsSync(builtAt)) return true;
  const present = sources.map((p) => join(root, p)).filter(existsSync);
  return Math.max(...present.map(newest)) >= statSync(builtAt).mtimeMs;
}
