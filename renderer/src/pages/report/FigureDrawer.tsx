import { FileExcelOutlined } from '@ant-design/icons';
import { AgGridReact } from 'ag-grid-react';
import { Alert, App as AntApp, Button, Drawer, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { ledger, saveDownload } from '../../client/ledger';
import { gridTheme, localeText } from '../../grid/setup';
import { useRecords, type OpenFigure } from './useRecords';

/** The records behind one figure of the report, in a grid: its count (or the sum of its column) is the figure. */
export function FigureDrawer({ open, onClose }: { open: OpenFigure | null; onClose: () => void }) {
  const s = useRecords(open);
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    if (!open) return;
    setBusy(true);
    try {
      const r = await ledger.reports.recordsXlsx({ figure: open.figure, from: open.from, to: open.to });
      if (r.download) await saveDownload({ download: r.download, fileName: r.fileName });
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer open={open !== null} onClose={onClose} size="70%" destroyOnHidden
      title={open ? `${open.label}：${open.value}（${open.from} 至 ${open.to}）` : ''}>
      {s.state === 'loading' && <Spin />}
      {s.state === 'missing' && <Alert type="info" showIcon message={s.message} />}
      {s.state === 'error' && <Alert type="error" showIcon message={s.message} />}
      {s.state === 'ready' && (
        <div className="report-drawer">
          <Space>
            <Typography.Text className="report-drawer-count">共 {s.total.toLocaleString('en-US')} 条记录{s.sum ? `，${s.sum.title}合计 ${s.sum.value}` : ''}</Typography.Text>
            <Button size="small" icon={<FileExcelOutlined />} loading={busy} onClick={() => void download()}>导出 Excel</Button>
          </Space>
          <div className="report-drawer-grid">
            <AgGridReact theme={gridTheme} localeText={localeText} rowData={s.rows} columnDefs={s.columns}
              defaultColDef={{ sortable: true, filter: true, resizable: true }} overlayNoRowsTemplate="没有记录" />
          </div>
        </div>
      )}
    </Drawer>
  );
}
