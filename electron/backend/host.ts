import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ProgressEvent } from '../api/define';
import type { HeldFile } from '../api/file-handles';
import { newCallId, type Backend } from './backend';
import type { FromWorker, HostServices, Reply, ServiceName, ToWorker, WorkerStart } from './protocol';

const here = import.meta.url;

/**
 * The worker's code. From TypeScript source (tests, `tsx`) it is worker.ts loaded after registering
 * tsx's loader in the worker (a worker's `--import` does not apply to its own entry on Node 20); built, it is
 * backend-worker.js, its own entry beside the bundle that starts it (electron.vite.config.ts for the
 * desktop app, out/node for CLI and browser mode).
 */
function spawn(data: WorkerStart): Worker {
  if (here.endsWith('.ts')) {
    const tsx = pathToFileURL(join(dirname(createRequire(here).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
    const entry = new URL('./worker.ts', here).href;
    // register(), not tsImport(): tsImport tags every module URL with a namespace, and the code below
    // (electron/io/read/read.ts) tells source from built by its own URL ending in .ts.
    const boot = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(entry)}); })`;
    return new Worker(boot, { eval: true, workerData: data });
  }
  return new Worker(new URL('./backend-worker.js', here), { workerData: data });
}

export type BackendOptions = Omit<WorkerStart, 'services'> & {
  services?: HostServices;
  /** Lines the backend wants told (a slow integrity check, a failed timed backup). */
  log?: (message: string) => void;
  /** The worker ended without being stopped: every call in flight has failed with `message`. */
  onCrash?: (message: string) => void;
};

type Waiting = { done: (reply: Reply) => void; progress?: (e: ProgressEvent) => void };

const failure = (message: string): Reply => ({ error: { message, problems: [] } });

/**
 * Starts the backend in a worker thread and resolves once the ledger is open there (in recovery mode
 * if its file could not be opened); rejects with the reason when it cannot be held at all (another
 * program has it open).
 */
export function startBackend(o: BackendOptions): Promise<Backend> {
  const services = o.services ?? {};
  const worker = spawn({ file: o.file, what: o.what, openOptions: o.openOptions, services: Object.keys(services) as ServiceName[] });
  const waiting = new Map<string, Waiting>();
  let dead: string | null = null;
  let stopping = false;
  // Ids of hold/resolve start with '#', which no call id may (CALL_ID): the two never meet.
  let seq = 0;
  const send = (m: ToWorker) => { if (!dead) worker.postMessage(m); };

  const request = (m: ToWorker & { id: string }, w: Omit<Waiting, 'done'> = {}): Promise<Reply> => {
    if (dead) return Promise.resolve(failure(dead));
    if (waiting.has(m.id)) return Promise.resolve(failure(`调用编号 ${m.id} 已在使用中，请重试`));
    return new Promise((done) => {
      waiting.set(m.id, { ...w, done });
      send(m);
    });
  };
  const valueOf = (r: Reply): unknown => {
    if ('error' in r) throw new Error(r.error.message);
    return 'json' in r ? (JSON.parse(r.json) as { result: unknown }).result : r.result;
  };

  return new Promise<Backend>((ready, refuse) => {
    let lastError = '';
    let started = false;
    worker.on('error', (e) => { lastError = e.message; });
    worker.on('exit', (code) => {
      dead = stopping ? '台账后台已停止' : `台账后台意外退出（${lastError || `代码 ${code}`}），正在进行的操作未完成；请关闭后重新打开程序`;
      for (const w of waiting.values()) w.done(failure(dead));
      waiting.clear();
      if (!started) refuse(new Error(lastError || `台账后台未能启动（代码 ${code}）`));
      else if (!stopping) o.onCrash?.(dead);
    });
    worker.on('message', (m: FromWorker) => {
      switch (m.type) {
        case 'ready': {
          started = true;
          const backend: Backend = {
            file: m.file,
            problem: m.problem,
            call: (name, input, c) => {
              const id = c.callId ?? newCallId();
              if (c.signal?.aborted) return Promise.resolve(failure('已取消：台账未作任何改动'));
              c.signal?.addEventListener('abort', () => send({ type: 'cancel', id }), { once: true });
              return request({ type: 'call', id, name, input, transport: c.transport }, { progress: c.onProgress });
            },
            cancel: (id) => send({ type: 'cancel', id }),
            hold: async (path, name, temporary) => valueOf(await request({ type: 'hold', id: `#h${++seq}`, path, name, temporary })) as string,
            resolve: async (handle) => valueOf(await request({ type: 'resolve', id: `#r${++seq}`, handle })) as HeldFile | null,
            drop: (handle) => send({ type: 'drop', handle }),
            stop: () => new Promise<void>((done) => {
              if (dead) { done(); return; }
              stopping = true;
              worker.once('exit', () => done());
              send({ type: 'stop' });
            }),
          };
          ready(backend);
          return;
        }
        case 'failed':
          // Said before the worker exits: the exit handler then refuses with it.
          lastError = m.message;
          return;
        case 'log':
          o.log?.(m.message);
          return;
        case 'progress':
          waiting.get(m.id)?.progress?.(m.event);
          return;
        case 'reply': {
          const w = waiting.get(m.id);
          waiting.delete(m.id);
          w?.done(m.reply);
          return;
        }
        case 'ask': {
          const service = services[m.service];
          if (!service) { send({ type: 'answer', id: m.id, failed: `此处不能${m.service === 'print' ? '打印' : '生成 PDF'}` }); return; }
          service(m.html).then(
            (value) => send({ type: 'answer', id: m.id, value }),
            (e: unknown) => send({ type: 'answer', id: m.id, failed: e instanceof Error ? e.message : String(e) }),
          );
          return;
        }
        case 'stopped':
          return;
      }
    });
  });
}
