import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

/** Runs the CLI as the README says (`node bin/ledger.mjs …`, the built bundle), and returns what it printed. */
export function ledgerCli(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'ledger.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Starts `npm run web` (the same entry point, built) and resolves with the URL it prints on its first line. */
export function startWeb(db: string): Promise<{ url: string; stop(): Promise<void>; stderr(): string }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'web.mjs'), '--db', db], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  child.once('exit', (code, signal) => { stderr += `\n[exited: code ${code}, signal ${signal}]`; });
  return new Promise((ok, fail) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (url) => ok({
      url,
      stderr: () => stderr,
      stop: () => new Promise((done) => { child.once('exit', () => done()); child.kill('SIGTERM'); }),
    }));
    child.once('exit', (code) => fail(new Error(`web exited with ${code}: ${stderr}`)));
  });
}
