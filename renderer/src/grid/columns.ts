import type { ColDef, ValueGetterParams, ValueSetterParams } from 'ag-grid-community';
import { plainScaled } from '../../../electron/values/numbers';
import { mu, yuan } from '../format';

type Row = Record<string, unknown>;

/**
 * A money or area column kept in integer 分 / hundredths of a 亩: shown as 2,710.00, edited as the
 * plain decimal, and sent back as the text typed so the ledger parses it exactly.
 */
export function scaledColumn(field: string, headerName: string, kind: 'money' | 'area', extra: ColDef = {}): ColDef {
  return {
    colId: field, headerName, type: 'rightAligned', width: 120,
    valueGetter: (p: ValueGetterParams) => {
      const v = p.data?.[field];
      return typeof v === 'number' ? plainScaled(v) : (v as string | null) ?? null;
    },
    valueFormatter: (p) => {
      const v = p.data?.[field];
      return typeof v === 'number' ? (kind === 'money' ? yuan(v) : mu(v)) : String(p.value ?? '');
    },
    valueSetter: (p: ValueSetterParams) => { (p.data as Row)[field] = p.newValue === '' ? null : p.newValue; return true; },
    comparator: (a, b) => Number(a ?? -1) - Number(b ?? -1),
    ...extra,
  };
}

/** A column whose stored codes (poor, leader …) show as Chinese words, edited from a list. */
export function codeColumn(field: string, headerName: string, labels: Record<string, string>, extra: ColDef = {}): ColDef {
  return {
    field, headerName, width: 110,
    valueFormatter: (p) => labels[p.value as string] ?? (p.value as string) ?? '',
    cellEditor: 'agSelectCellEditor',
    cellEditorParams: { values: Object.keys(labels), formatValue: (v: string) => labels[v] ?? v },
    filterValueGetter: (p) => labels[p.data?.[field] as string] ?? '',
    ...extra,
  };
}

/** A column edited by choosing one of a fixed list of words (FORMATS.md enums). */
export function listColumn(field: string, headerName: string, values: readonly string[], extra: ColDef = {}): ColDef {
  return { field, headerName, width: 110, cellEditor: 'agSelectCellEditor', cellEditorParams: { values: ['', ...values] }, ...extra };
}
