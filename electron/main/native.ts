import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 is built for Node's ABI in node_modules (tests, CLI). The app loads a second build for
 * Electron's ABI, made by scripts/electron-native.mjs; a packaged app ships it beside the code.
 */
export function electronNativeBinding(appRoot: string): string | undefined {
  const candidates = [
    join(appRoot, '.native', `electron-${process.versions.electron}`, 'better_sqlite3.node'),
    // The installer's copy (electron-builder.yml, extraResources).
    join(process.resourcesPath ?? appRoot, 'native', `electron-${process.versions.electron}`, 'better_sqlite3.node'),
    join(process.resourcesPath ?? appRoot, 'native', 'better_sqlite3.node'),
  ];
  return candidates.find((p) => existsSync(p));
}
