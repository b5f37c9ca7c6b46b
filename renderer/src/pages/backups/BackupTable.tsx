import { Table } from 'antd';
import type { ReactNode } from 'react';
import type { BackupRow } from '../../../../electron/api/backups';
import { sizeText } from './useBackups';

/** The list of backups: time, why, size, households; `actions` adds the buttons of each row. */
export function BackupTable({ rows, actions, pageSize = 20 }: { rows: BackupRow[] | null; actions: (b: BackupRow) => ReactNode; pageSize?: number }) {
  return (
    <Table<BackupRow> size="small" rowKey="name" loading={!rows} dataSource={rows ?? []}
      pagination={{ pageSize, hideOnSinglePage: true }} locale={{ emptyText: '还没有备份' }}
      columns={[
        { title: '时间', dataIndex: 'time', width: 170 },
        { title: '原因', dataIndex: 'reason', width: 100 },
        { title: '大小', dataIndex: 'size', width: 90, align: 'right', render: (v: number) => sizeText(v) },
        { title: '帮扶户', dataIndex: 'households', width: 90, align: 'right', render: (v: number | null) => (v === null ? '无法读取' : `${v.toLocaleString('en-US')} 户`) },
        { title: '文件', dataIndex: 'name', ellipsis: true },
        { title: '', width: 190, render: (_, b) => actions(b) },
      ]} />
  );
}
