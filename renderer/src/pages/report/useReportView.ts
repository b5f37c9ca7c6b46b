import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReportView } from '../../../../electron/api/report-doc';
import { ledger } from '../../client/ledger';
import { useStatus } from '../../client/status';

/** The report of [from, to] from the ledger, loaded again when the ledger changes or the clerk saves text. */
export function useReportView(from: string, to: string) {
  const [view, setView] = useState<ReportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { changes } = useStatus();
  const asked = useRef(0);
  const load = useCallback(() => {
    setError(null);
    // Only the newest question's answer is shown: an older period's report arriving late must not replace it.
    const n = ++asked.current;
    return ledger.reportDoc.get({ from, to }).then(
      (v) => { if (n === asked.current) setView(v as ReportView); },
      (e: Error) => { if (n === asked.current) setError(e.message); });
  }, [from, to]);
  useEffect(() => { setView(null); void load(); }, [load, changes]);
  return { view, error, reload: load };
}
