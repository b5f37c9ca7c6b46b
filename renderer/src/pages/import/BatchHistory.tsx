import { App as AntApp, Button, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { BatchRow } from '../../../../electron/api/imports';
import { ledger } from '../../client/ledger';
import { Stopped, useLongCall } from '../../client/useLongCall';
import { WorkProgress } from '../../client/WorkProgress';
import { useLookups } from '../../client/lookups';
import { useStatus } from '../../client/status';
import { ExportRejectsButton, RefusedRows } from './RefusedRows';

type Totals = { added: number; updated: number; unchanged: number; errors: number };
const totalsOf = (b: BatchRow) => (b.summary as { totals?: Totals } | null)?.totals;

/** 导入记录: every batch, with 撤销 after a confirmation that says what and how many. */
export function BatchHistory({ refreshKey }: { refreshKey: number }) {
  const [rows, setRows] = useState<BatchRow[] | null>(null);
  const { modal, message } = AntApp.useApp();
  const { markSaving } = useStatus();
  const { refresh } = useLookups();
  const long = useLongCall();
  const load = useCallback(async () => setRows((await ledger.imports.batches({})).rows), []);
  useEffect(() => { void load(); }, [load, refreshKey]);

  const undo = async (b: BatchRow) => {
    let plan;
    try {
      plan = await long.run(`正在核对撤销第 ${b.id} 批会影响的记录…`, (l) => l.imports.rollbackPlan({ batchId: b.id }));
    } catch (e) {
      if (e instanceof Stopped) message.info('已取消');
      else message.error((e as Error).message);
      return;
    }
    if (plan.blockers.length) {
      modal.error({ title: `无法撤销第 ${b.id} 批导入`, content: <ul>{plan.blockers.map((x, i) => <li key={i}>{x}</li>)}</ul> });
      return;
    }
    const what = [
      ...plan.remove.map((r) => `删除本批新增的${r.label} ${r.count} 条`),
      ...plan.restore.map((r) => `把本批修改过的${r.label} ${r.count} 条恢复原样`),
    ];
    modal.confirm({
      title: `撤销第 ${b.id} 批导入？`,
      content: <><p>{plan.files.join('、')}</p><ul>{what.map((w) => <li key={w}>{w}</li>)}</ul></>,
      okText: '撤销', okButtonProps: { danger: true }, cancelText: '取消',
      // The dialog closes at once: the rollback's progress and 取消 show above the list while it runs.
      onOk: () => { void (async () => {
        const done = markSaving();
        let saved = false;
        try {
          const r = await long.run(`正在撤销第 ${b.id} 批导入…`, (l) => l.imports.rollback({ batchId: b.id }));
          saved = true;
          message.success(`已撤销第 ${b.id} 批导入：删除 ${r.removed} 条，恢复 ${r.restored} 条`);
          await refresh();
          await load();
        } catch (e) {
          if (e instanceof Stopped) message.info(e.message);
          else message.error((e as Error).message);
        } finally { done(saved); } // a cancelled or refused rollback changed nothing: not 已保存
      })(); },
    });
  };

  return (<>
    <WorkProgress progress={long.progress} onCancel={long.cancel} cancelling={long.cancelling} />
    <Table<BatchRow> className="import-history" size="small" rowKey="id" loading={!rows} dataSource={rows ?? []} pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: '还没有导入过' }}
      columns={[
        { title: '批次', dataIndex: 'id', width: 64 },
        { title: '时间', dataIndex: 'at', width: 150, render: (v: string) => new Date(v).toLocaleString('zh-CN', { hour12: false }) },
        { title: '单位', dataIndex: 'unit', width: 200, ellipsis: true },
        { title: '文件', dataIndex: 'files', render: (f: BatchRow['files']) => <Typography.Text ellipsis title={f.map((x) => x.name).join('\n')}>{f.map((x) => x.name).join('、')}</Typography.Text> },
        { title: '新增（行）', width: 90, render: (_, b) => totalsOf(b)?.added ?? '—' },
        { title: '更新（行）', width: 90, render: (_, b) => totalsOf(b)?.updated ?? '—' },
        { title: '拒绝（行）', width: 90, render: (_, b) => (b.refused ? <Typography.Text type="danger">{b.refused}</Typography.Text> : 0) },
        { title: '状态', width: 90, render: (_, b) => (b.rolledBackAt ? <Tag>已撤销</Tag> : <Tag color="green">已导入</Tag>) },
        { title: '', width: 200, render: (_, b) => (
          <Space size="small">
            {b.refused > 0 && <ExportRejectsButton batchId={b.id} />}
            {/* One rollback at a time: a second would take the bar from the first. */}
            {!b.rolledBackAt && <Button size="small" danger disabled={Boolean(long.progress)} onClick={() => void undo(b)}>撤销</Button>}
          </Space>) },
      ]}
      expandable={{ rowExpandable: (b) => b.refused > 0, expandedRowRender: (b) => <RefusedRows batchId={b.id} withExport={false} /> }} />
  </>);
}
