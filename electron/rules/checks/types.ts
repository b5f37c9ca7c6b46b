import type { Ctx } from '../../api/define';
import type { Period } from '../in-force';
import type { RecordColumn } from '../records';

export type CheckRow = Record<string, string | number | null>;

/** One check the district applies: its rule in Chinese, the columns of its findings, and how to find them. */
export type Check = {
  key: string;
  title: string;
  /** The rule as the clerk reads it (and as the printout states it). */
  rule: string;
  columns: RecordColumn[];
  run: (ctx: Ctx, period: Period) => CheckRow[];
};

export const text = (key: string, title: string): RecordColumn => ({ key, title, type: 'text' });
export const int = (key: string, title: string): RecordColumn => ({ key, title, type: 'int' });

/** Days of the period that have passed (up to today): the pace of a yearly quota counts only those. */
export function daysSoFar(period: Period, today: string): number {
  const end = period.to < today ? period.to : today;
  if (end < period.from) return 0;
  return Math.round((Date.parse(end) - Date.parse(period.from)) / 86400000) + 1;
}

/** A yearly quota pro rata: 4 a year over 181 days is 2 (rounded to the nearest whole visit). */
export const proRata = (perYear: number, days: number) => Math.round((perYear * days) / 365);
