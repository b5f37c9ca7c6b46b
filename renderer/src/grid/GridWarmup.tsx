import type { ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { Button, Input, Space, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ChecklistFilter, RangeFilter } from './filters';
import { gridTheme, localeText } from './setup';

type Sample = { id: number; a: string; b: number };
const ROWS: Sample[] = [{ id: 1, a: '甲', b: 1 }, { id: 2, a: '乙', b: 2 }];
const NONE: ColDef<Sample>[] = [];
const NO_ROWS: Sample[] = [];
const getRowId = (p: { data: Sample }) => String(p.data.id);
const COLUMNS: ColDef<Sample>[] = [
  { field: 'a', headerName: '甲', filter: ChecklistFilter, floatingFilter: true, pinned: 'left' },
  { field: 'b', headerName: '乙', filter: RangeFilter, filterParams: { kind: 'number' }, floatingFilter: true },
];

/**
 * A grid the clerk never sees, drawn once while the window is idle after it opens: the first grid of a
 * session pays for AG Grid's theme stylesheet, its services and the toolbar's Ant Design styles (about
 * 0.3 s), and a register opened afterwards no longer does. Once drawn, an empty grid stays (off-screen,
 * inert, no columns, rows or words to be found on a page): AG Grid takes its stylesheets out of the page
 * when the last grid goes, and the register would put them in again.
 */
export function GridWarmup() {
  const [phase, setPhase] = useState<'waiting' | 'drawing' | 'kept'>('waiting');
  useEffect(() => {
    if (phase !== 'waiting') return;
    const idle = window.requestIdleCallback ?? ((f: () => void) => window.setTimeout(f, 50));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const id = idle(() => setPhase('drawing'), { timeout: 300 });
    return () => cancel(id);
  }, [phase]);
  if (phase === 'waiting') return null;
  const drawing = phase === 'drawing';
  return (
    <div className="grid-warmup" aria-hidden inert>
      {/* Kept too, without a word in it: Ant Design drops a component's styles with the last of its kind
          on the page, and the register's toolbar would have them worked out again as it opens. */}
      <Space size="small">
        <Typography.Title level={4}>{drawing ? '帮扶户' : null}</Typography.Title>
        <Input.Search allowClear placeholder={drawing ? '查找' : undefined} style={{ width: 340 }} tabIndex={-1} />
        <Tooltip title={drawing ? '撤销' : undefined}><Button tabIndex={-1}>{drawing ? '撤销' : null}</Button></Tooltip>
        <Button danger tabIndex={-1}>{drawing ? '删除行' : null}</Button>
        <Button type="text" tabIndex={-1}>{drawing ? '快捷键' : null}</Button>
      </Space>
      <div style={{ height: 200 }}>
        <AgGridReact<Sample>
          theme={gridTheme}
          localeText={localeText}
          columnDefs={drawing ? COLUMNS : NONE}
          rowData={drawing ? ROWS : NO_ROWS}
          suppressNoRowsOverlay
          getRowId={getRowId}
          onFirstDataRendered={() => requestAnimationFrame(() => setPhase('kept'))}
        />
      </div>
    </div>
  );
}
