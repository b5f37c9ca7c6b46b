import type { ColDef, ICellEditorParams, ValueFormatterParams } from 'ag-grid-community';
import type { Lookups } from '../../../electron/api/meta';
import { plainScaled } from '../../../electron/values/numbers';
import { count as fmtCount, mu, yuan } from '../format';
import type { ColMeta } from './cells';
import { CountEditor, DateEditor, IdEditor, PickerEditor, ScaledEditor, TextEditor } from './editors';

type Row = Record<string, unknown>;
const meta = (m: ColMeta) => ({ context: m });

/**
 * Column builders for the register grids. Each column says (in `context`) which API field it writes
 * and how text becomes a value, so typing, pasting and filling down all go through one parser.
 */
export const col = {
  ro: (field: string, headerName: string, extra: ColDef = {}): ColDef => ({ field, headerName, editable: false, ...meta({ kind: 'readonly' }), ...extra }),

  text: (field: string, headerName: string, width = 120, opts: { required?: boolean; person?: boolean } = {}, extra: ColDef = {}): ColDef =>
    ({ field, headerName, width, cellEditor: TextEditor, ...meta({ kind: 'text', field, ...opts }), ...extra }),

  count: (field: string, headerName: string, width = 90): ColDef => ({
    field, headerName, width, type: 'rightAligned', cellEditor: CountEditor, filter: 'agNumberColumnFilter',
    valueFormatter: (p) => fmtCount(p.value as number | null), ...meta({ kind: 'count', field }),
  }),

  /** Money (元) or area (亩) kept in integers of 0.01: shown 2,710.00, edited as typed, sent as typed. */
  scaled: (field: string, headerName: string, unit: '元' | '亩' | '', width = 120, opts: { noSum?: boolean } = {}): ColDef => ({
    colId: field, field, headerName, width, type: 'rightAligned',
    valueFormatter: (p: ValueFormatterParams) => {
      const v = p.value;
      if (typeof v !== 'number') return '';
      return unit === '元' ? yuan(v) : unit === '亩' ? mu(v) : trimZeros(plainScaled(v));
    },
    cellEditor: ScaledEditor, cellEditorParams: { unit },
    // The editor starts from the plain decimal (2710.00), not the integer the row holds.
    filter: 'agNumberColumnFilter', filterValueGetter: (p) => (typeof p.data?.[field] === 'number' ? (p.data[field] as number) / 100 : null),
    ...meta({ kind: 'scaled', field, unit, noSum: opts.noSum }),
  }),

  date: (field: string, headerName: string, opts: { event?: boolean; required?: boolean } = {}): ColDef => ({
    field, headerName, width: 110, cellEditor: DateEditor, cellEditorParams: { event: opts.event }, ...meta({ kind: 'date', field, ...opts }),
  }),

  id: (field = 'idNumber', headerName = '身份证号码'): ColDef => ({
    field, headerName, width: 180, cellEditor: IdEditor, cellClass: 'mono', ...meta({ kind: 'id', field }),
  }),

  list: (field: string, headerName: string, values: readonly string[], opts: { required?: boolean; width?: number } = {}): ColDef => ({
    field, headerName, width: opts.width ?? 110, cellEditor: 'agSelectCellEditor',
    cellEditorParams: { values: opts.required ? [...values] : ['', ...values] }, ...meta({ kind: 'list', field, values, required: opts.required }),
  }),

  /** Stored codes (poor, leader …) shown and chosen as Chinese words. */
  code: (field: string, headerName: string, labels: Record<string, string>, width = 110): ColDef => ({
    field, headerName, width,
    valueFormatter: (p) => labels[p.value as string] ?? (p.value as string) ?? '',
    cellEditor: 'agSelectCellEditor',
    cellEditorParams: { values: Object.keys(labels), formatValue: (v: string) => labels[v] ?? v },
    filterValueGetter: (p) => labels[p.data?.[field] as string] ?? '',
    ...meta({ kind: 'code', field, labels }),
  }),

  mark: (field: string, headerName: string): ColDef => ({
    field, headerName, width: 80, cellDataType: 'boolean', cellStyle: { textAlign: 'center' },
    valueGetter: (p) => Boolean(p.data?.[field]), ...meta({ kind: 'mark', field }),
  }),

  village: (lk: Lookups, opts: { required?: boolean } = {}): ColDef => ({
    field: 'villageName', colId: 'villageName', headerName: '村', width: 90, cellEditor: 'agSelectCellEditor',
    cellEditorParams: { values: [...(opts.required === false ? [''] : []), ...lk.villages.map((v) => v.name)] },
    ...meta({ kind: 'village', field: 'villageId', required: opts.required }),
  }),

  group: (lk: Lookups): ColDef => ({
    field: 'groupName', colId: 'groupName', headerName: '村民小组', width: 90, cellEditor: 'agSelectCellEditor',
    cellEditorParams: (p: ICellEditorParams<Row>) => ({
      values: ['', ...(lk.villages.find((v) => v.id === p.data?.villageId)?.groups.map((g) => g.name) ?? [])],
    }),
    ...meta({ kind: 'group', field: 'groupId' }),
  }),

  unit: (lk: Lookups, headerName = '联系单位'): ColDef => ({
    field: 'unitName', colId: 'unitName', headerName, width: 130, cellEditor: 'agSelectCellEditor',
    cellEditorParams: { values: lk.units.map((u) => u.name) }, ...meta({ kind: 'unit', field: 'unitId' }),
  }),

  zone: (lk: Lookups): ColDef => ({
    field: 'zoneName', colId: 'zoneName', headerName: '小区名称', width: 170, cellEditor: 'agSelectCellEditor',
    cellEditorParams: { values: lk.zones.map((z) => z.name) }, ...meta({ kind: 'zone', field: 'zoneId' }),
  }),

  cadre: (lookups: () => Lookups | null, headerName = '联户干部'): ColDef => ({
    field: 'cadreName', colId: 'cadreName', headerName, width: 100, cellEditor: PickerEditor, cellEditorPopup: true,
    cellEditorParams: { source: 'cadre', lookups }, ...meta({ kind: 'cadre', field: 'cadreId' }),
  }),

  household: (lookups: () => Lookups | null, headerName = '户主姓名'): ColDef => ({
    field: 'householdHead', colId: 'householdHead', headerName, width: 100, cellEditor: PickerEditor, cellEditorPopup: true,
    cellEditorParams: { source: 'household', lookups }, ...meta({ kind: 'household', field: 'householdId' }),
  }),
};

function trimZeros(s: string): string {
  return s.replace(/\.?0+$/, '') || '0';
}
