import { createReadStream, realpathSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.ico': 'image/x-icon',
};

/**
 * The file a URL path names inside the build folder: 'none' when nothing is there (the page's own routes),
 * null when something is there that must not be served. Only regular files whose real path (links
 * resolved) lies inside the folder: a symlink in out/renderer must not lead to the rest of the disk.
 */
export function staticFile(realRoot: string, urlPath: string): string | 'none' | null {
  const file = normalize(join(realRoot, urlPath));
  if (file === realRoot) return 'none';
  if (!file.startsWith(realRoot + sep)) return null;
  let real: string;
  try {
    real = realpathSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return 'none';
    throw e;
  }
  if (real === realRoot) return 'none';
  if (!real.startsWith(realRoot + sep)) return null;
  const stat = statSync(real);
  if (stat.isDirectory()) return 'none';
  return stat.isFile() ? real : null;
}

export function serveFile(res: ServerResponse, file: string, headers: Record<string, string | string[]>): void {
  const html = extname(file) === '.html';
  res.writeHead(200, {
    ...headers,
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    'cache-control': html ? 'no-store' : 'max-age=3600',
  });
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}
