import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, UsageError } from './args';
import { startBackend } from './backend/host';
import { startWebServer } from './web';

const here = dirname(fileURLToPath(import.meta.url));
// electron/ under tsx, out/node/ when built (scripts/build-node.mjs): both sit below the project root.
const root = join(here, ...(here.endsWith(join('out', 'node')) ? ['..', '..'] : ['..']));
const staticDir = join(root, 'out', 'renderer');

async function main() {
  const { values } = parse(process.argv.slice(2), { db: { type: 'string' }, port: { type: 'string' } });
  if (!values.db) throw new UsageError('用法：npm run web -- --db 台账文件.sqlite [--port 端口]');
  const port = values.port ? Number(values.port) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`端口“${values.port}”无效`);
  if (!existsSync(join(staticDir, 'index.html'))) {
    process.stderr.write('首次运行：正在构建界面（electron-vite build）…\n');
    const r = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
    if (r.status !== 0) throw new Error('界面构建失败');
  }
  const log = (m: string) => process.stderr.write(`${m}\n`);
  // The ledger lives in a worker thread; this thread only serves HTTP, so it answers while an import runs.
  const backend = await startBackend({
    file: String(values.db), what: '浏览器模式', openOptions: {}, log,
    // The server stays up: every call, now and later, answers the crash's message in the page.
    onCrash: log,
  });
  const server = await startWebServer(backend, { port, staticDir });
  process.stdout.write(`${server.url}\n`);
  process.stderr.write(`双联台账浏览器模式：台账 ${backend.file}，仅本机 127.0.0.1 可访问。按 Ctrl+C 退出。\n`);
  if (backend.problem) log('台账无法打开：页面只提供从备份恢复。');
  const stop = () => { void server.close().then(() => backend.stop()).then(() => process.exit(0)); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(e instanceof UsageError ? 2 : 1);
});
