// The CLI and browser mode run the bundles in out/node (scripts/build-node.mjs). A fresh clone has none
// yet: they are built once here (esbuild, a few seconds) instead of failing with a missing module.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The URL of out/node/<name>.js, built first when it is missing. */
export function built(name) {
  const file = join(root, 'out', 'node', `${name}.js`);
  if (!existsSync(file)) {
    process.stderr.write('首次运行：正在构建命令行程序（npm run build 的一部分，约需几秒）…\n');
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'build-node.mjs')], { cwd: root, stdio: ['ignore', 2, 2] });
    if (r.status !== 0 || !existsSync(file)) {
      process.stderr.write('构建失败：请在项目目录运行 npm install，再运行 npm run build 后重试。\n');
      process.exit(1);
    }
  }
  return new URL(`file://${file}`).href;
}
