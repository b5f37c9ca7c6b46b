import { AgGridReact } from 'ag-grid-react';
import { Alert, Drawer, Spin, Typography } from 'antd';
import { gridTheme, localeText } from '../../grid/setup';
import { useRecords, type OpenFigure } from './useRecords';

/** The records behind one figure of the report, in a grid; its count is the figure. */
export function FigureDrawer({ open, onClose }: { open: OpenFigure | null; onClose: () => void }) {
  const s = useRecords(open);
  return (
    <Drawer open={open !== null} onClose={onClose} size="70%" destroyOnHidden
      title={open ? `${open.label}：${open.value}（${open.from} 至 ${open.to}）` : ''}>
      {s.state === 'loading' && <Spin />}
      {s.state === 'missing' && <Alert type="info" showIcon message={s.message} />}
      {s.state === 'error' && <Alert type="error" showIcon message={s.message} />}
      {s.state === 'ready' && (
        <div className="report-drawer">
          <Typography.Text>共 {s.total.toLocaleString('en-US')} 条记录</Typography.Text>
          <div className="report-drawer-grid">
            <AgGridReact theme={gridTheme} localeText={localeText} rowData={s.rows} columnDefs={s.columns}
              defaultColDef={{ sortable: true, filter: true, resizable: true }} overlayNoRowsTemplate="没有记录" />
          </div>
        </div>
      )}
    </Drawer>
  );
}
