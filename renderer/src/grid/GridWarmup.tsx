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
 * inert, no columns, rows or toolbar to be found on a page): AG Grid takes its stylesheets out of the page
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
      {drawing && <Space size="small">
        <Typography.Title level={4}>帮扶户</Typography.Title>
        <Input.Search allowClear placeholder="查找" style={{ width: 340 }} />
        <Tooltip title="撤销"><Button>撤销</Button></Tooltip>
        <Button danger>删除行</Button>
        <Button type="text">快捷键</Button>
      </Space>}
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
