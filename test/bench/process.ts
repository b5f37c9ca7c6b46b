import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Sample } from './row';

/** The process's peak resident memory so far (Linux's VmHWM), in MB; 0 where /proc is not there. */
function peakMb(pid: number): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Runs a whole process and times it from spawn to exit, as a person at the prompt waits for it; its
 * peak memory is read from /proc while it runs. Fails with its stderr when it exits non-zero.
 */
export function timedProcess(cmd: string, args: string[], opts: { cwd: string; rows?: number }): Promise<Sample> {
  return new Promise((ok, fail) => {
    const t = performance.now();
    const p = spawn(cmd, args, { cwd: opts.cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    let peak = 0;
    p.stderr.on('data', (d) => { err += d; });
    const poll = setInterval(() => { peak = Math.max(peak, peakMb(p.pid!)); }, 10);
    p.once('exit', (code) => {
      const ms = performance.now() - t;
      clearInterval(poll);
      if (code === 0) ok({ ms, rows: opts.rows, peakMb: peak || undefined });
      else fail(new Error(`${cmd} ${args.join(' ')}: exit ${code}\n${err.slice(-2000)}`));
    });
  });
}
