import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LIMITS } from './limits';

/**
 * glibc (Linux) serves a buffer of 128 KB or more with a mapping of its own, given back when it is
 * freed, until the first such buffer is freed: from then on it raises that threshold to the freed
 * size, and every later MB of inflated XML came from its heap, freed there but kept by the process
 * (the reading process of a 100,000-plot import held 30–40 MB of it at a time, 128 MB at its peak;
 * 112–120 with the threshold fixed). Ignored by other C libraries and systems.
 */
const LINUX_MALLOC = { MALLOC_MMAP_THRESHOLD_: String(128 * 1024) };

/** The reading process's own command line: its heap caps, and its memory cap (MB) as its argument. */
export function forkReader(script: string, rssMb: number, execArgv: string[] = []): ChildProcess {
  return fork(script, [String(rssMb)], {
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    execArgv: [`--max-old-space-size=${LIMITS.workerHeapMb}`, `--max-semi-space-size=${LIMITS.workerYoungMb}`, '--expose-gc', ...execArgv],
    env: { ...process.env, ...LINUX_MALLOC },
  });
}

type Early = { child: ChildProcess; ready: boolean; gone: boolean; stop: () => void };
let early: Early | null = null;

/**
 * Starts the built reading process before the command line loads the rest of the program
 * (bin/ledger.mjs, for `import`): it boots while the importing side loads its modules and opens the
 * ledger, instead of after. Until a WorkbookReader takes it over it does not keep this process alive,
 * and it ends with this process (its channel closes; the reader exits on `disconnect`).
 */
export function startEarlyReader(): void {
  if (early) return;
  const child = forkReader(fileURLToPath(new URL('./parse-worker.js', import.meta.url)), LIMITS.readerRssMb);
  const e: Early = { child, ready: false, gone: false, stop: () => {} };
  // Its "ready" may come before anyone listens: noted here, so the taker need not wait for it again.
  const onMessage = (m: { ready?: boolean }) => { if (m?.ready) e.ready = true; };
  const onGone = () => { e.gone = true; };
  child.on('message', onMessage);
  child.once('exit', onGone);
  child.once('error', onGone);
  const kill = () => child.kill();
  process.once('exit', kill);
  e.stop = () => {
    child.off('message', onMessage);
    child.off('exit', onGone);
    child.off('error', onGone);
    process.off('exit', kill);
  };
  child.unref();
  child.channel?.unref();
  early = e;
}

/**
 * The early reading process, for a reader with the default memory cap: taken once, and only while it
 * is alive (a reader that died meanwhile is left; the taker starts its own). `ready`: it has said so.
 */
export function takeEarlyReader(rssMb: number): { child: ChildProcess; ready: boolean } | null {
  const e = early;
  if (!e || rssMb !== LIMITS.readerRssMb) return null;
  early = null;
  e.stop();
  if (e.gone || e.child.exitCode !== null || e.child.signalCode !== null || !e.child.connected) {
    e.child.kill();
    return null;
  }
  e.child.ref();
  e.child.channel?.ref();
  return { child: e.child, ready: e.ready };
}
