import type { Ctx } from '../../api/define';
import { LedgerError } from '../../api/define';
import type { Period } from '../in-force';
import { orphanPairings, quotas, unpaired } from './pairing-checks';
import { aidWithoutAmount, duplicateHouseholds, landOverlaps, landTooLarge } from './record-checks';
import type { Check, CheckRow } from './types';
import { householdVisits, unitVillageVisits, visitsWithoutKnowns } from './visit-checks';

/** 核查: the checks the district applies, in the order the page lists them. */
export const CHECKS: Check[] = [
  unpaired, orphanPairings, quotas, householdVisits, unitVillageVisits, visitsWithoutKnowns, aidWithoutAmount, duplicateHouseholds, landTooLarge, landOverlaps,
];

export type CheckSummary = { key: string; title: string; rule: string; count: number };
export type CheckResult = Omit<Check, 'run'> & { rows: CheckRow[] };

export function findCheck(key: string): Check {
  const c = CHECKS.find((x) => x.key === key);
  if (!c) throw new LedgerError(`没有“${key}”这一项核查`, [{ field: 'check', message: '没有这一项核查' }]);
  return c;
}

export function runCheck(ctx: Ctx, key: string, period: Period): CheckResult {
  const { run, ...c } = findCheck(key);
  return { ...c, rows: run(ctx, period) };
}

export function listChecks(ctx: Ctx, period: Period): CheckSummary[] {
  return CHECKS.map((c) => ({ key: c.key, title: c.title, rule: c.rule, count: c.run(ctx, period).length }));
}
