import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run';

// electron-builder's own configuration loader, schema check and file matcher: what `npm run dist` applies.
const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig: (dir: string, path: string | null, fromOptions: null) => Promise<Record<string, any>>;
  validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
};
type Stat = { isDirectory(): boolean; moduleFullFilePath?: string };
type Matcher = { from: string; to: string; createFilter(): (file: string, stat: Stat) => boolean };
const { getFileMatchers, getMainFileMatchers } = require('app-builder-lib/out/fileMatcher') as {
  getFileMatchers: (config: unknown, name: string, dest: string, o: unknown) => Matcher[] | null;
  getMainFileMatchers: (appDir: string, dest: string, macro: (s: string) => string, options: unknown, packager: unknown, outDir: string, electronCompile: boolean) => Matcher[];
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const matchers = (config: unknown, name: string, from: string) =>
  getFileMatchers(config, name, join(from, 'dest'), { macroExpander: (s: string) => s, customBuildOptions: config, globalOutDir: join(from, 'dist'), defaultSrc: from }) ?? [];

/** The app's file filter as electron-builder builds it: the `files` globs plus its own default exclusions. */
function appFilter(config: Record<string, any>): (file: string, stat: Stat) => boolean {
  const packager = { info: { projectDir: ROOT, buildResourcesDir: 'build', config, isPrepackedAppAsar: false, debugLogger: { isEnabled: false } } };
  return getMainFileMatchers(ROOT, join(temp, 'app'), (s) => s, config, packager, join(ROOT, 'dist'), false)[0].createFilter();
}

/** Every file of the project that the app's filter copies into the app (dependencies are collected apart). */
function packaged(config: Record<string, any>, dir: string): string[] {
  const filter = appFilter(config);
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (d === dir && (name === 'node_modules' || name === '.git')) continue;
      const st = statSync(p);
      if (!filter(p, st)) continue;
      if (st.isDirectory()) walk(p); else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

const temp = mkdtempSync(join(tmpdir(), 'ledger-builder-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the installer configuration (electron-builder.yml)', () => {
  it('passes electron-builder\'s own schema check, with the Windows and Linux targets the issue asks for', async () => {
    const config = await getConfig(ROOT, null, null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ perMachine: false, installerLanguages: ['zh_CN'], createDesktopShortcut: 'always', createStartMenuShortcut: true, deleteAppDataOnUninstall: false });
    expect(config.linux.target.map((t: { target: string }) => t.target)).toEqual(['AppImage', 'deb']);
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, perUser: true } }, new DebugLogger(false))).rejects.toThrow(/configuration\.nsis/);
  });

  it('packages the built app and the migrations, and nothing from tests or sources', async () => {
    expect(existsSync(join(ROOT, 'out', 'main', 'index.js')), 'run `npm run build` first').toBe(true);
    const files = packaged(await getConfig(ROOT, null, null), ROOT);
    for (const f of ['package.json', 'out/main/index.js', 'out/main/parse-worker.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'db/migrations/0000_init.sql', 'db/migrations/meta/_journal.json']) {
      expect(files).toContain(f);
    }
    const leaked = files.filter((f) => /^(test|renderer\/src|electron|seeds|scripts|db\/schema|\.native|dist)\//.test(f) || /\.(ts|tsx|map)$/.test(f) || /\.sqlite/.test(f));
    expect(leaked).toEqual([]);
  });

  it('ships better-sqlite3\'s Electron build from .native as resources/native, and leaves its Node build out', async () => {
    const config = await getConfig(ROOT, null, null);
    // A stand-in project: .native as scripts/electron-native.mjs leaves it, with a build tree it leaves behind on failure.
    const native = join(temp, '.native', 'electron-45.5.0');
    mkdirSync(join(native, 'build-tree'), { recursive: true });
    writeFileSync(join(native, 'better_sqlite3.node'), 'x');
    writeFileSync(join(native, 'build-tree', 'better_sqlite3.node'), 'x');
    const [m] = matchers(config, 'extraResources', temp);
    expect(relative(temp, m.from)).toBe('.native');
    expect(m.to.endsWith(`${sep}native`) || m.to === 'native').toBe(true);
    const filter = m.createFilter();
    const dirStat = { isDirectory: () => true };
    const fileStat = { isDirectory: () => false };
    expect(filter(native, dirStat)).toBe(true);
    expect(filter(join(native, 'better_sqlite3.node'), fileStat)).toBe(true);
    expect(filter(join(native, 'build-tree', 'better_sqlite3.node'), fileStat)).toBe(false);

    // Dependencies' files are matched by their place in the app (node_modules/<name>/…), as the collector gives them.
    const f = appFilter(config);
    const dep = (p: string) => f(join(ROOT, p), { isDirectory: () => false, moduleFullFilePath: p });
    expect(dep('node_modules/better-sqlite3/lib/database.js')).toBe(true);
    expect(dep('node_modules/drizzle-orm/index.js')).toBe(true);
    expect(dep('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(false);
    expect(dep('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c')).toBe(false);
  });
});
