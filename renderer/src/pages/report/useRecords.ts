import { useEffect, useState } from 'react';
import { ledger } from '../../client/ledger';

/** A figure the clerk opened: its path in the report API's output, the period it is of, and how the page named it. */
export type OpenFigure = { figure: string; from: string; to: string; label: string; value: string };

type Rows = Record<string, unknown>[];
export type RecordsState =
  | { state: 'loading' }
  | { state: 'ready'; rows: Rows; columns: { field: string; headerName: string }[]; total: number }
  | { state: 'missing'; message: string }
  | { state: 'error'; message: string };

/** What `reports.records` may answer: a list of rows, or rows with their columns and total. */
type Reply = Rows | { rows: Rows; columns?: ({ field: string; headerName?: string; title?: string } | string)[]; total?: number };

function columnsOf(rows: Rows, given?: Exclude<Reply, Rows>['columns']) {
  if (given?.length) return given.map((c) => (typeof c === 'string' ? { field: c, headerName: c } : { field: c.field, headerName: c.headerName ?? c.title ?? c.field }));
  const keys = [...new Set(rows.slice(0, 50).flatMap((r) => Object.keys(r)))].filter((k) => k !== 'id' && !k.endsWith('Id'));
  return keys.map((k) => ({ field: k, headerName: k }));
}

/**
 * The records behind one figure, from `reports.records` (the drill-down API). Until a ledger has that
 * method the drawer says so instead of failing.
 */
export function useRecords(open: OpenFigure | null): RecordsState {
  const [s, setS] = useState<RecordsState>({ state: 'loading' });
  useEffect(() => {
    if (!open) return;
    let live = true;
    setS({ state: 'loading' });
    const api = ledger.reports as unknown as { records: (i: { figure: string; from: string; to: string }) => Promise<Reply> };
    api.records({ figure: open.figure, from: open.from, to: open.to }).then((r) => {
      if (!live) return;
      const rows = Array.isArray(r) ? r : r.rows;
      setS({ state: 'ready', rows, columns: columnsOf(rows, Array.isArray(r) ? undefined : r.columns), total: Array.isArray(r) ? r.length : r.total ?? rows.length });
    }, (e: Error) => {
      if (!live) return;
      if (/reports\.records|没有.*方法|unknown method|no such method/i.test(e.message)) setS({ state: 'missing', message: '这一版台账还不能列出数字背后的记录（明细查询尚未提供）。' });
      else setS({ state: 'error', message: e.message });
    });
    return () => { live = false; };
  }, [open]);
  return s;
}
