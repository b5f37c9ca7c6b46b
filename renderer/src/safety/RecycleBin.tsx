import { App as AntApp, Button, Empty, Space, Table, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { RecycleItem } from '../../../electron/api/recycle';
import { ledger } from '../client/ledger';
import { useStatus } from '../client/status';
import { when } from './when';

/** 回收站: what was deleted, when and how, with 恢复 (the whole set) and, past the backups' reach, 彻底删除. */
export function RecycleBin() {
  const { message, modal } = AntApp.useApp();
  const { markSaving } = useStatus();
  const [data, setData] = useState<{ rows: RecycleItem[]; total: number } | null>(null);
  const load = useCallback(() => { void ledger.recycle.list({ limit: 1000 }).then(setData); }, []);
  useEffect(load, [load]);

  const restore = async (item: RecycleItem) => {
    const done = markSaving();
    try {
      const r = await ledger.recycle.restore({ id: item.id });
      message.success(`已恢复${item.register}“${item.record}”${item.with ? `及一并删除的 ${item.with}` : ''}（共 ${r.restored} 条）`);
    } catch (e) {
      message.error((e as Error).message, 8);
    } finally { done(); load(); }
  };
  const purge = (item: RecycleItem) => modal.confirm({
    title: `彻底删除${item.register}“${item.record}”？`,
    content: `${item.with ? `连同 ${item.with}，` : ''}从台账中永久移除，操作记录中也不再保留其内容。此操作无法撤销，备份中也已没有这些记录。`,
    okText: '彻底删除', okButtonProps: { danger: true }, cancelText: '取消',
    onOk: async () => {
      try {
        await ledger.recycle.purge({ id: item.id });
        message.success('已彻底删除');
      } catch (e) { message.error((e as Error).message, 8); }
      load();
    },
  });

  return (
    <div data-testid="recycle-bin">
      <Typography.Paragraph type="secondary" style={{ margin: '0 0 8px' }}>
        删除的记录都在这里，恢复时一并删除的结对、走访等也一起回来。删除超过 12 个月（备份已不再保存）的记录才能彻底删除。
      </Typography.Paragraph>
      <Table<RecycleItem> size="small" rowKey="id" loading={!data} dataSource={data?.rows ?? []} pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (n) => `共 ${n} 项` }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="回收站是空的" /> }}
        expandable={{
          rowExpandable: (r) => r.members.length > 0,
          expandedRowRender: (r) => <ul style={{ margin: 0 }}>{r.members.map((m, i) => <li key={i}>{m.register}：{m.record}</li>)}</ul>,
        }}
        columns={[
          { title: '删除时间', dataIndex: 'at', width: 170, render: (v: string) => when(v) },
          { title: '登记簿', dataIndex: 'register', width: 90 },
          { title: '记录', dataIndex: 'record' },
          { title: '一并删除', dataIndex: 'with' },
          { title: '删除方式', dataIndex: 'by', width: 120 },
          { title: '操作', key: 'ops', width: 190, render: (_v, r) => (
            <Space>
              <Button size="small" type="primary" onClick={() => void restore(r)}>恢复</Button>
              {r.purgeable ? <Button size="small" danger onClick={() => purge(r)}>彻底删除</Button>
                : <Tooltip title="删除未满 12 个月，备份中仍有这些记录，只能恢复"><Button size="small" disabled>彻底删除</Button></Tooltip>}
            </Space>
          ) },
        ]} />
    </div>
  );
}
