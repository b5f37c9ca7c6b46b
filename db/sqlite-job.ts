import fs from 'node:fs';
import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

/** What a check reads from a database file without changing it. */
export type FileFacts = {
  /** integrity_check's lines: ['ok'] when whole; null when the check was not asked for. */
  integrity: string[] | null;
  tables: string[];
  /** drizzle's migration log: how many applied and the newest one's timestamp. */
  applied: { count: number; lastCreatedAt: number | null };
  households: number | null;
};

export type Job =
  /** `full`: with integrity_check. */
  | { kind: 'check'; file: string; full: boolean }
  /** SQLite's backup API from `source` into `temp`, checked and fsynced, then renamed to `final` if given. */
  | { kind: 'copy'; source: string; temp: string; final?: string };

export type JobResult = { ok: true; facts: FileFacts } | { ok: false; code: string; message: string; facts?: FileFacts };

type FactsDb = { pragma(s: string): unknown; prepare(s: string): { all(): unknown[]; get(): unknown } };

/** What a check reads, as one function: called in this thread for small files, and sent as text to the worker. */
function readFacts(db: FactsDb, full: boolean): FileFacts {
  const integrity = full ? (db.pragma('integrity_check(20)') as Record<string, unknown>[]).map((r) => String(Object.values(r)[0])) : null;
  const tables = (db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name);
  let applied: FileFacts['applied'] = { count: 0, lastCreatedAt: null };
  if (tables.includes('__drizzle_migrations')) {
    const r = db.prepare('select count(*) as n, max(created_at) as last from __drizzle_migrations').get() as { n: number; last: unknown };
    applied = { count: r.n, lastCreatedAt: r.last == null ? null : Number(r.last) };
  }
  const households = tables.includes('households')
    ? (db.prepare('select count(*) as n from households where deleted_at is null').get() as { n: number }).n : null;
  return { integrity, tables, applied, households };
}

// Plain CommonJS run in a worker thread: no TypeScript helpers survive being sent as text.
const WORKER = String.raw`
const { workerData } = require('node:worker_threads');
const { job, port, signal, modulePath, nativeBinding } = workerData;
const flag = new Int32Array(signal);
function done(result) {
  port.postMessage(result);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
  port.close();
}
async function run() {
  const fs = require('node:fs');
  const path = require('node:path');
  const Database = require(modulePath);
  const opt = nativeBinding ? { nativeBinding } : {};
  const facts = ${String(readFacts)};
  const fsyncFile = (file) => { const fd = fs.openSync(file, 'r+'); try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); } };
  const fsyncDir = (dir) => {
    if (process.platform === 'win32') return;
    const fd = fs.openSync(dir, 'r'); try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
  };
  if (job.kind === 'check') {
    const db = new Database(job.file, { fileMustExist: true, ...opt });
    try { db.pragma('busy_timeout = 5000'); return { ok: true, facts: facts(db, job.full) }; } finally { db.close(); }
  }
  // What a killed run left under this temporary name, a hot journal included, must not meet the new copy.
  for (const side of ['', '-journal', '-wal', '-shm']) fs.rmSync(job.temp + side, { force: true });
  const src = new Database(job.source, { fileMustExist: true, ...opt });
  try {
    src.pragma('busy_timeout = 5000');
    const want = src.prepare('select count(*) as n from sqlite_master').get().n;
    // better-sqlite3 ends a backup whose first step found the source busy as if it were done, removing
    // the new file: such a copy is missing or short, and is taken again.
    for (let attempt = 1; ; attempt++) {
      await src.backup(job.temp);
      let got = -1;
      if (fs.existsSync(job.temp)) {
        const c = new Database(job.temp, { readonly: true, ...opt });
        try { got = c.prepare('select count(*) as n from sqlite_master').get().n; } finally { c.close(); }
      }
      if (got === want) break;
      fs.rmSync(job.temp, { force: true });
      if (attempt === 50) throw Object.assign(new Error('台账一直被占用，备份未能完成'), { code: 'SQLITE_BUSY' });
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally { src.close(); }
  let f;
  const dst = new Database(job.temp, opt);
  try { dst.pragma('journal_mode = DELETE'); f = facts(dst, true); } finally { dst.close(); }
  if (f.integrity.length !== 1 || f.integrity[0] !== 'ok') {
    fs.rmSync(job.temp, { force: true });
    return { ok: false, code: 'integrity', message: f.integrity.slice(0, 3).join('；'), facts: f };
  }
  fsyncFile(job.temp);
  if (job.final) { fs.renameSync(job.temp, job.final); fsyncDir(path.dirname(job.final)); }
  return { ok: true, facts: f };
}
run().then(done, (e) => done({ ok: false, code: String((e && e.code) || 'error'), message: String((e && e.message) || e) }));
`;

const modulePath = createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * Files up to this size are checked in the calling thread: starting a worker thread and loading the
 * native module in it costs more than checking them (every CLI command opens its ledger this way), and
 * their check ends well inside the second after which `onSlow` would speak.
 */
const CHECK_HERE_BYTES = 16 * 2 ** 20;

function checkHere(file: string, full: boolean, nativeBinding: string | undefined): JobResult {
  try {
    const Database = createRequire(import.meta.url)(modulePath) as new (f: string, o: object) => FactsDb & { close(): void };
    const db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      db.pragma('busy_timeout = 5000');
      return { ok: true, facts: readFacts(db, full) };
    } finally {
      db.close();
    }
  } catch (e) {
    const err = e as { code?: unknown; message?: unknown };
    return { ok: false, code: String(err?.code || 'error'), message: String(err?.message || e) };
  }
}
const LIMIT_MS = 30 * 60_000;

/**
 * Runs one database job in a worker thread and waits for it. Waiting synchronously lets the open path
 * (which every caller expects to be synchronous) use the backup API, which better-sqlite3 offers only
 * as a promise; the wait wakes each second so a slow job can say so (`onSlow`).
 */
export function runJob(job: Job, opts: { nativeBinding?: string; onSlow?: () => void } = {}): JobResult {
  if (job.kind === 'check' && (fs.statSync(job.file, { throwIfNoEntry: false })?.size ?? Infinity) <= CHECK_HERE_BYTES) {
    return checkHere(job.file, job.full, opts.nativeBinding);
  }
  return startJob(job, opts).wait();
}

/** A job running in its worker thread: `wait` blocks until it ends and gives its result (the same one each time). */
export type RunningJob = { wait: () => JobResult };

/**
 * Starts one database job in a worker thread and returns at once: the caller works on meanwhile (an
 * import writes its rows while the backup before it copies) and waits for the result when it needs it.
 */
export function startJob(job: Job, opts: { nativeBinding?: string; onSlow?: () => void } = {}): RunningJob {
  const signal = new SharedArrayBuffer(4);
  const flag = new Int32Array(signal);
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER, {
    eval: true, workerData: { job, port: port2, signal, modulePath, nativeBinding: opts.nativeBinding }, transferList: [port2],
  });
  worker.unref();
  let result: JobResult | undefined;
  let ended = false;
  return {
    wait: () => {
      if (result) return result;
      // A wait that threw (too long) closed the channel: the job's answer can no longer come.
      if (ended) throw new Error('数据库后台任务已中止');
      ended = true;
      let waited = 0;
      try {
        while (Atomics.wait(flag, 0, 0, 1000) === 'timed-out') {
          waited += 1000;
          if (waited === 1000) opts.onSlow?.();
          if (waited >= LIMIT_MS) throw new Error('数据库后台任务超过 30 分钟仍未完成');
        }
        const reply = receiveMessageOnPort(port1);
        if (!reply) throw new Error('数据库后台任务没有返回结果');
        return (result = reply.message as JobResult);
      } finally {
        port1.close();
        void worker.terminate();
      }
    },
  };
}
