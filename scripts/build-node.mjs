// Bundles the Node entry points (CLI, browser mode, the parse worker, the backend worker) into out/node/,
// so `ledger` and `web` start from built JavaScript instead of compiling TypeScript at every start.
// `npm run build` runs it after electron-vite (browser mode serves out/renderer).
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { isStale } from './stale.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'out', 'node');

// name in out/node → source. The backend worker is added when its file exists (issue 11's worker change).
const entries = {
  cli: 'electron/cli.ts',
  web: 'electron/web-main.ts',
  'parse-worker': 'electron/io/read/worker.ts',
  'backend-worker': 'electron/backend/worker.ts',
  // Loaded by bin/ledger.mjs before the CLI itself, for `import` (electron/io/read/early.ts).
  'early-reader': 'electron/io/read/early.ts',
};

// `--if-stale` (the tests' global setup): build only when a source is newer than the last build.
const stamp = join(outdir, 'package.json');
if (process.argv.includes('--if-stale') && !isStale(root, relative(root, stamp), ['electron', 'db', 'seeds', 'package.json', 'scripts/build-node.mjs'])) {
  process.exit(0);
}

const entryPoints = Object.entries(entries)
  .filter(([, src]) => existsSync(join(root, src)))
  .map(([out, src]) => ({ out, in: join(root, src) }));

// Chunk names carry hashes: an old build's chunks would pile up beside the new ones.
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

// zod's `locales` namespace holds every language (a third of what the CLI loads at start); the app
// uses zh-CN (electron/api/define.ts) and zod itself en. The namespace keeps just those two.
const zodLocales = {
  name: 'zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/]/.test(args.importer) ? { path: join(dirname(args.importer), '..', 'locales', 'index.js'), namespace: 'zod-locales' } : undefined);
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: "export { default as zhCN } from './zh-CN.js';\nexport { default as en } from './en.js';\n",
      resolveDir: dirname(args.path),
    }));
  },
};

const result = await build({
  plugins: [zodLocales],
  absWorkingDir: root,
  entryPoints,
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.js' },
  // Chunks sit beside the entries: code that finds files relative to import.meta.url (parse-worker.js)
  // must see the same folder wherever esbuild puts it.
  chunkNames: '[name]-[hash]',
  // The native module is loaded from node_modules as it is; bundled CommonJS packages get `require`.
  // ExcelJS too: loaded only when a file is written, and Node warns (DEP0005, its zip library's
  // `Buffer()`) about code outside node_modules, which bundled code is.
  external: ['better-sqlite3', 'exceljs'],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  sourcemap: 'linked',
  legalComments: 'none',
  minify: process.env.BUILD_NODE_MINIFY !== '0',
  logLevel: 'warning',
  metafile: true,
});
// out/node holds ES modules whatever package.json says (it says "module" today).
writeFileSync(join(outdir, 'package.json'), '{ "type": "module" }\n');
if (process.env.BUILD_NODE_META) writeFileSync(process.env.BUILD_NODE_META, JSON.stringify(result.metafile));

// Every CLI command pays for what the CLI loads at start: heavy libraries belong behind import() where used.
const HEAVY = ['exceljs', 'docx', 'xlsx', 'echarts', 'pinyin-pro', 'playwright-core', 'csv-parse'];
const outputs = result.metafile.outputs;
const startup = (file, seen = new Set()) => {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const i of outputs[file]?.imports ?? []) if (i.kind === 'import-statement' && outputs[i.path]) startup(i.path, seen);
  return seen;
};
for (const entry of ['cli', 'web']) {
  const files = startup(relative(root, join(outdir, `${entry}.js`)).split(sep).join('/'));
  const heavy = new Set();
  for (const f of files) for (const input of Object.keys(outputs[f].inputs)) {
    const pkg = HEAVY.find((h) => input.includes(`node_modules/${h}/`));
    if (pkg) heavy.add(pkg);
  }
  if (heavy.size) console.warn(`build-node: out/node/${entry}.js loads ${[...heavy].join(', ')} at start; load them with import() where they are used`);
}
