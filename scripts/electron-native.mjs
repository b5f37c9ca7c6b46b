// Builds better-sqlite3 a second time, for Electron's ABI, into .native/electron-<version>/ so that
// node_modules keeps the build for Node (tests, CLI) and the app loads this one via `nativeBinding`.
// Needs the network on first run (prebuilt binary, or Electron's headers to compile), like Electron itself.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const target = join(root, '.native', `electron-${electronVersion}`);
const out = join(target, 'better_sqlite3.node');
if (existsSync(out)) process.exit(0);

const src = dirname(require.resolve('better-sqlite3/package.json'));
const work = join(target, 'build-tree');
rmSync(work, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
cpSync(src, work, { recursive: true, filter: (p) => !p.includes(`${'/'}build${'/'}`) });
console.error(`为 Electron ${electronVersion} 准备 better-sqlite3 …`);
const run = (script, args) => execFileSync(process.execPath, [script, ...args], { cwd: work, stdio: 'inherit' });
try {
  run(require.resolve('prebuild-install/bin.js'), ['--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`, `--platform=${process.platform}`]);
} catch {
  console.error('没有现成的预编译文件，改为从源码编译（需要 C++ 编译工具）…');
  // npm hands its own node-gyp to scripts it runs.
  run(process.env.npm_config_node_gyp ?? require.resolve('node-gyp/bin/node-gyp.js'), ['rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', `--arch=${process.arch}`]);
}
cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), out);
rmSync(work, { recursive: true, force: true });
console.error(`已生成 ${out}`);
