import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ImportReport, Issue, SheetReport } from './types';

/** Warnings deflated together: about 90 KB of JSON, 5 KB once deflated. */
const PER_PIECE = 512;

/** A sheet's row warnings while its rows are applied: deflated a piece at a time, in order. */
type Log = { at: number; count: number; pieces: Uint8Array[]; pending: Issue[] };

const logs = new WeakMap<SheetReport, Log>();

/**
 * Keeps a row's warnings for the report. A district's file gives tens of thousands of them (25,000
 * at 100,000 plots, about 220 bytes each in the heap, growing with the file while every row's work
 * is in memory too); kept deflated they take a few percent of that, until `restoreWarnings` puts
 * them back in `report.warnings` once the writes are over. Warnings pushed straight to
 * `report.warnings` (the sheet's own, before and after its rows) keep their places around them.
 */
export function keepWarnings(report: SheetReport, issues: Issue[]): void {
  if (issues.length === 0) return;
  let log = logs.get(report);
  if (!log) logs.set(report, (log = { at: report.warnings.length, count: 0, pieces: [], pending: [] }));
  for (const i of issues) log.pending.push(i);
  log.count += issues.length;
  if (log.pending.length >= PER_PIECE) {
    const piece = deflateRawSync(JSON.stringify(log.pending), { level: 1 });
    // Copied to its own size: zlib's answer sits in a buffer of 16 KB or more.
    log.pieces.push(new Uint8Array(piece));
    log.pending = [];
  }
}

/** The sheet's warnings, kept ones included. */
export function warningCount(report: SheetReport): number {
  return report.warnings.length + (logs.get(report)?.count ?? 0);
}

/** Sheets whose kept warnings are not yet back in their array (nothing has read it since the import). */
const unread = new WeakMap<SheetReport, { given: Issue[]; log: Log }>();

function* inOrder(given: Issue[], log: Log): Generator<Issue> {
  for (let i = 0; i < log.at; i++) yield given[i];
  for (const p of log.pieces) yield* JSON.parse(inflateRawSync(p).toString('utf8')) as Issue[];
  yield* log.pending;
  for (let i = log.at; i < given.length; i++) yield given[i];
}

/**
 * Once the writes are over: every sheet's `warnings` holds its kept warnings again, where they were
 * given. They are inflated when `warnings` is first read (the window's report, a test), while
 * `eachWarning` goes through them a piece at a time without holding them all (the command line's
 * report of a district's file).
 */
export function restoreWarnings(report: ImportReport): ImportReport {
  for (const f of report.files) {
    for (const s of f.sheets) {
      const log = logs.get(s);
      if (!log) continue;
      logs.delete(s);
      unread.set(s, { given: s.warnings, log });
      const settle = (v: Issue[]) => {
        unread.delete(s);
        Object.defineProperty(s, 'warnings', { value: v, writable: true, enumerable: true, configurable: true });
        return v;
      };
      Object.defineProperty(s, 'warnings', {
        enumerable: true, configurable: true,
        get: () => settle([...inOrder(unread.get(s)!.given, log)]),
        set: settle,
      });
    }
  }
  return report;
}

/** A sheet's warnings in order, inflated a piece at a time when they are still kept. */
export function eachWarning(s: SheetReport): Iterable<Issue> {
  const u = unread.get(s);
  return u ? inOrder(u.given, u.log) : s.warnings;
}
