import { DatePicker, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../../../electron/api/history/entry';
import { ledger } from '../client/ledger';
import { ChangeLines } from './HistoryPanel';
import { when } from './when';

type Filter = { table?: string; source?: string; from?: string; to?: string };
type Options = Awaited<ReturnType<typeof ledger.audit.options>>;
const PAGE = 50;

/** 操作记录: every write in the clerk's words, filtered by register, source and date. */
export function AuditLog() {
  const [options, setOptions] = useState<Options | null>(null);
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ rows: HistoryEntry[]; total: number } | null>(null);
  useEffect(() => { void ledger.audit.options({}).then(setOptions); }, []);
  useEffect(() => {
    let live = true;
    setData(null);
    void ledger.audit.list({ ...filter, offset: (page - 1) * PAGE, limit: PAGE }).then((d) => { if (live) setData(d); });
    return () => { live = false; };
  }, [filter, page]);
  const change = (f: Filter) => { setPage(1); setFilter(f); };
  const onDates = (r: [Dayjs | null, Dayjs | null] | null) =>
    change({ ...filter, from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') });

  return (
    <div className="audit-log" data-testid="audit-log">
      <Space wrap style={{ marginBottom: 8 }}>
        <Select allowClear placeholder="全部登记簿" style={{ width: 150 }} aria-label="登记簿" value={filter.table}
          options={options?.registers} onChange={(v: string | undefined) => change({ ...filter, table: v })} />
        <Select allowClear placeholder="全部来源" style={{ width: 150 }} aria-label="来源" value={filter.source}
          options={options?.sources} onChange={(v: string | undefined) => change({ ...filter, source: v })} />
        <DatePicker.RangePicker aria-label="日期" onChange={(r) => onDates(r as [Dayjs | null, Dayjs | null] | null)} />
      </Space>
      <Table<HistoryEntry> size="small" rowKey="id" loading={!data} dataSource={data?.rows ?? []} scroll={{ y: 'calc(100vh - 300px)' }}
        pagination={{ current: page, pageSize: PAGE, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (n) => `共 ${n.toLocaleString('en-US')} 条` }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => when(v) },
          { title: '登记簿', dataIndex: 'register', width: 90 },
          { title: '记录', dataIndex: 'record', width: 220 },
          { title: '操作', dataIndex: 'action', width: 80 },
          { title: '来源', dataIndex: 'source', width: 110 },
          { title: '内容', key: 'changes', render: (_v, e) => <ChangeLines entry={e} /> },
        ]} />
    </div>
  );
}
