import { Alert, Empty, Spin, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../../../electron/api/history/entry';
import { ledger } from '../client/ledger';
import { when } from './when';

/** One change line: "户主姓名：李四 → 李思", or for a new record "户主姓名 李四". */
export function ChangeLines({ entry }: { entry: HistoryEntry }) {
  if (!entry.changes.length) return entry.text ? <div>{entry.text}</div> : null;
  return (
    <div>
      {entry.changes.map((c, i) => (
        <div key={i}>{entry.action === '新增' ? `${c.field} ${c.after}` : `${c.field}：${c.before} → ${c.after}`}</div>
      ))}
    </div>
  );
}

/** 历史: a record's writes, newest first, in the clerk's words (register grids and 户档案). */
export function HistoryPanel({ area, id, showRecord = false }: { area: string; id: number; showRecord?: boolean }) {
  const [rows, setRows] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setRows(null);
    ledger.audit.history({ area, id }).then((r) => setRows(r.rows), (e: Error) => setError(e.message));
  }, [area, id]);
  if (error) return <Alert type="error" message={error} />;
  if (!rows) return <Spin />;
  if (!rows.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有修改记录" />;
  return (
    <>
    {showRecord && rows[0].record && <Typography.Title level={5} style={{ marginTop: 0 }}>{rows[0].record}</Typography.Title>}
    <Timeline data-testid="record-history" items={rows.map((e) => ({
      key: e.id,
      color: e.action === '删除' || e.action === '彻底删除' ? 'red' : e.action === '恢复' ? 'green' : 'blue',
      children: (
        <div>
          <Typography.Text strong>{when(e.at)} {e.action}</Typography.Text>
          <Typography.Text type="secondary"> · {e.source}</Typography.Text>
          <ChangeLines entry={e} />
        </div>
      ),
    }))} />
    </>
  );
}
