import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ImportReport, Issue, SheetReport } from './types';

/** Warnings deflated together: a few dozen KB of JSON, a few KB once deflated. */
const PER_PIECE = 256;

/** A sheet's row warnings while its rows are applied: deflated a piece at a time, in order. */
type Log = { at: number; count: number; pieces: Buffer[]; pending: Issue[] };

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
    log.pieces.push(deflateRawSync(JSON.stringify(log.pending), { level: 1 }));
    log.pending = [];
  }
}

/** The sheet's warnings, kept ones included. */
export function warningCount(report: SheetReport): number {
  return report.warnings.length + (logs.get(report)?.count ?? 0);
}

/** Puts every sheet's kept warnings back in its `warnings`, where they were given. */
export function restoreWarnings(report: ImportReport): ImportReport {
  for (const f of report.files) {
    for (const s of f.sheets) {
      const log = logs.get(s);
      if (!log) continue;
      logs.delete(s);
      const kept: Issue[] = [];
      for (const p of log.pieces) for (const i of JSON.parse(inflateRawSync(p).toString('utf8')) as Issue[]) kept.push(i);
      for (const i of log.pending) kept.push(i);
      s.warnings = [...s.warnings.slice(0, log.at), ...kept, ...s.warnings.slice(log.at)];
    }
  }
  return report;
}
