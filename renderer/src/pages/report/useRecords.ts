import { useEffect, useState } from 'react';
import { ledger } from '../../client/ledger';

/** A figure the clerk opened: its path in the report API's output, the period it is of, and how the page named it. */
export type OpenFigure = { figure: string; from: string; to: string; label: string; value: string };

type Column = { key: string; title: string; type: 'text' | 'int' | 'money' | 'area' | 'number' | 'date' };
type Row = Record<string, string | number | null>;
/** What `reports.records` answers (electron/rules/records.ts): the rows, their columns, and for a sum, the column summed. */
type Reply = { label: string; columns: Column[]; rows: Row[]; sumOf?: string; value: string | number };

export type GridColumn = { field: string; headerName: string; type?: 'numericColumn'; valueFormatter?: (p: { value: unknown }) => string };
export type RecordsState =
  | { state: 'loading' }
  | { state: 'ready'; label: string; rows: Row[]; columns: GridColumn[]; total: number; sum?: { title: string; value: string } }
  | { state: 'missing'; message: string }
  | { state: 'error'; message: string };

/** Money and areas come in the ledger's hundredths (分, 0.01 亩), quantities in hundredths too. */
const hundredths = (v: unknown) => (typeof v === 'number' ? (v / 100).toFixed(2) : String(v ?? ''));
const quantity = (v: unknown) => (typeof v === 'number' ? String(v / 100) : String(v ?? ''));

function gridColumn(c: Column): GridColumn {
  const base = { field: c.key, headerName: c.title };
  if (c.type === 'money' || c.type === 'area') return { ...base, type: 'numericColumn', valueFormatter: (p) => hundredths(p.value) };
  if (c.type === 'number') return { ...base, type: 'numericColumn', valueFormatter: (p) => quantity(p.value) };
  if (c.type === 'int') return { ...base, type: 'numericColumn' };
  return base;
}

/** True when the ledger has no `reports.records` (an older version): the drawer says so instead of failing. */
export const isMissingMethod = (e: Error) => /没有这个操作：reports\.records/.test(e.message);

/** The records behind one figure, from `reports.records` (the drill-down API). */
export function useRecords(open: OpenFigure | null): RecordsState {
  const [s, setS] = useState<RecordsState>({ state: 'loading' });
  useEffect(() => {
    if (!open) return;
    let live = true;
    setS({ state: 'loading' });
    const api = ledger.reports as unknown as { records: (i: { figure: string; from: string; to: string }) => Promise<Reply> };
    api.records({ figure: open.figure, from: open.from, to: open.to }).then((r) => {
      if (!live) return;
      const sumCol = r.sumOf ? r.columns.find((c) => c.key === r.sumOf) : undefined;
      setS({
        state: 'ready', label: r.label, rows: r.rows, columns: r.columns.map(gridColumn), total: r.rows.length,
        sum: sumCol ? { title: sumCol.title, value: String(r.value) } : undefined,
      });
    }, (e: Error) => {
      if (!live) return;
      setS(isMissingMethod(e) ? { state: 'missing', message: '这一版台账还不能列出数字背后的记录（明细查询尚未提供）。' } : { state: 'error', message: e.message });
    });
    return () => { live = false; };
  }, [open]);
  return s;
}
