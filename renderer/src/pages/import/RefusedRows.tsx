import { App as AntApp, Button, Descriptions, Empty, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { RejectRow } from '../../../../electron/api/imports';
import { ledger, saveDownload } from '../../client/ledger';

/** 导出退回清单: one workbook per unit, downloaded one after the other. */
export function ExportRejectsButton({ batchId, disabled }: { batchId: number; disabled?: boolean }) {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const { files } = await ledger.imports.exportRejects({ batchId });
      // One after the other: the desktop asks where to save each; the browser downloads each.
      for (const f of files) if (f.download) await saveDownload({ download: f.download, fileName: f.fileName });
      message.success(`已导出退回清单 ${files.length} 个：${files.map((f) => `${f.unit}（${f.rows} 行）`).join('、')}`);
    } catch (e) {
      message.error((e as Error).message);
    } finally { setBusy(false); }
  };
  return <Button disabled={disabled} loading={busy} onClick={() => void run()}>导出退回清单</Button>;
}

/**
 * The rows a batch refused, kept with it: file, sheet, row, column and reason, and each row's cells
 * as the unit wrote them (expand a row). Used by the import summary and by 导入记录.
 */
export function RefusedRows({ batchId, withExport = true }: { batchId: number; withExport?: boolean }) {
  const [rows, setRows] = useState<RejectRow[] | null>(null);
  const { message } = AntApp.useApp();
  useEffect(() => {
    ledger.imports.rejects({ batchId }).then((r) => setRows(r.rows), (e: Error) => message.error(e.message));
  }, [batchId, message]);
  if (rows && rows.length === 0) return <Empty description="这一批没有被拒绝的行" />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Typography.Text>被拒绝的行 {rows?.length ?? '…'} 行，可按单位导出退回清单，请报送单位改正后重新报送。点一行查看该行各格的内容。</Typography.Text>
        {withExport && <ExportRejectsButton batchId={batchId} disabled={!rows?.length} />}
      </Space>
      <Table<RejectRow> className="import-refused" size="small" rowKey="id" loading={!rows} dataSource={rows ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        expandable={{
          expandRowByClick: true,
          expandedRowRender: (r) => (
            <Descriptions size="small" bordered column={4} items={r.cells.filter((c) => c.header).map((c, i) => ({
              key: i, label: c.header, children: <span className={c.header === r.column ? 'import-reason-error' : ''}>{c.text ?? ''}</span>,
            }))} />
          ),
        }}
        columns={[
          { title: '单位', dataIndex: 'unit', width: 110, render: (u: string | null) => u ?? '—' },
          { title: '文件', dataIndex: 'file', width: 200, ellipsis: true },
          { title: '工作表', dataIndex: 'sheet', width: 100, render: (s: string | null) => s ?? '（CSV）' },
          { title: '行', dataIndex: 'row', width: 60 },
          { title: '列', dataIndex: 'column', width: 100, render: (c: string | null) => c ?? '—' },
          { title: '退回原因', dataIndex: 'reason', render: (r: string) => <Typography.Text type="danger">{r}</Typography.Text> },
        ]} />
    </Space>
  );
}
