import type { CellClassParams, CellValueChangedEvent, ColDef, GetRowIdParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { App as AntApp, Input, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ledger } from '../client/ledger';
import { useLookups } from '../client/lookups';
import { useStatus } from '../client/status';
import { patchFor } from '../registers/patch';
import type { RegisterClient, RegisterDef, Row } from '../registers/types';
import { gridTheme, localeText } from './setup';

const PAGE = 5000;

/** One register in an editable grid; each edited cell is saved through the API at once. */
export function RegisterGrid({ def }: { def: RegisterDef }) {
  const { lookups, refresh } = useLookups();
  const { markSaving } = useStatus();
  const { message } = AntApp.useApp();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [total, setTotal] = useState(0);
  const [quick, setQuick] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const api = (ledger as unknown as Record<string, RegisterClient>)[def.area];
  const loadId = useRef(0);

  const load = useCallback(async () => {
    const me = ++loadId.current;
    const all: Row[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await api.list({ offset, limit: PAGE });
      if (me !== loadId.current) return;
      all.push(...page.rows);
      setTotal(page.total);
      if (all.length >= page.total || page.rows.length === 0) break;
    }
    setRows(all);
  }, [api]);

  useEffect(() => { setRows(null); setErrors({}); void load(); }, [load]);

  const errorKey = (id: number, col: string) => `${id}:${col}`;
  const columnDefs = useMemo<ColDef[]>(() => {
    if (!lookups) return [];
    const rowNumber: ColDef = {
      headerName: '序号', width: 70, editable: false, sortable: false, filter: false, pinned: 'left',
      valueGetter: (p) => (p.node?.rowIndex ?? 0) + 1, cellStyle: { color: '#6b7280' },
    };
    return [rowNumber, ...def.columns(lookups).map((c) => {
      const col = c.colId ?? c.field ?? '';
      return {
        ...c,
        cellClassRules: { 'cell-error': (p: CellClassParams) => Boolean(errors[errorKey(p.data?.id, col)]) },
        tooltipValueGetter: (p: { data?: Row }) => (p.data ? errors[errorKey(p.data.id, col)] : undefined),
      } satisfies ColDef;
    })];
  }, [def, lookups, errors]);

  const onCellValueChanged = useCallback(async (e: CellValueChangedEvent<Row>) => {
    if (!lookups || e.oldValue === e.newValue) return;
    const col = e.column.getColId();
    const row = e.data;
    const done = markSaving();
    try {
      const patch = def.toPatch ? def.toPatch(col, row, lookups) : patchFor(col, row, lookups);
      const res = await api.update({ id: row.id, patch });
      e.node.setData(res.row);
      setErrors((m) => { const n = { ...m }; delete n[errorKey(row.id, col)]; return n; });
      if (def.area === 'units' || def.area === 'cadres' || def.area === 'greenhouseZones') void refresh();
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      setErrors((m) => ({ ...m, [errorKey(row.id, col)]: msg }));
      message.error({ content: `第 ${(e.node.rowIndex ?? 0) + 1} 行“${e.colDef.headerName}”未保存：${msg}`, duration: 6 });
      try { e.node.setData(await api.get({ id: row.id })); } catch { /* the row is gone; the next load shows it */ }
    } finally {
      done();
    }
  }, [api, def, lookups, markSaving, message, refresh]);

  return (
    <div className="register">
      <Space className="register-toolbar" size="middle">
        <Typography.Title level={4} style={{ margin: 0 }}>{def.title}</Typography.Title>
        <Input.Search allowClear placeholder="查找（姓名、身份证号、村…）" style={{ width: 280 }}
          value={quick} onChange={(e) => setQuick(e.target.value)} aria-label="查找" />
        <Typography.Text type="secondary">{rows ? `共 ${total.toLocaleString('en-US')} 条` : '正在读取…'}</Typography.Text>
      </Space>
      <div className="register-grid" data-testid={`grid-${def.key}`}>
        <AgGridReact<Row>
          theme={gridTheme}
          localeText={localeText}
          rowData={rows ?? undefined}
          loading={rows === null}
          columnDefs={columnDefs}
          defaultColDef={{ editable: true, sortable: true, filter: true, resizable: true }}
          getRowId={(p: GetRowIdParams<Row>) => String(p.data.id)}
          quickFilterText={quick}
          singleClickEdit={false}
          stopEditingWhenCellsLoseFocus
          enterNavigatesVerticallyAfterEdit
          tooltipShowDelay={200}
          onCellValueChanged={onCellValueChanged}
        />
      </div>
    </div>
  );
}
