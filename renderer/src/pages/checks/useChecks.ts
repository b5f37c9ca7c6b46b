import { useEffect, useState } from 'react';
import type { CheckResult, CheckSummary } from '../../../../electron/rules/checks';
import { ledger } from '../../client/ledger';
import { useStatus } from '../../client/status';

/** The checks' counts over the period, refreshed after every change to the ledger. */
export function useCheckList(from: string, to: string) {
  const [list, setList] = useState<CheckSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { changes } = useStatus();
  useEffect(() => {
    setList(null);
    setError(null);
    ledger.checks.list({ from, to }).then(setList, (e: Error) => setError(e.message));
  }, [from, to, changes]);
  return { list, error };
}

/** The records one check found, loaded when the check is opened. */
export function useCheckRecords(check: string | null, from: string, to: string) {
  const [result, setResult] = useState<CheckResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setResult(null);
    setError(null);
    if (check) ledger.checks.records({ check, from, to }).then(setResult, (e: Error) => setError(e.message));
  }, [check, from, to]);
  return { result, error };
}
