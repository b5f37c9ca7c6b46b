import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Drawer, Space, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { CheckRecords } from './CheckRecords';
import { useCheckList, useCheckRecords } from './useChecks';
import './checks.css';

/** "2014-H1" → 2014-01-01 … 2014-06-30, as the header's 统计期间 names it. */
function range(period: string): { from: string; to: string; label: string } {
  const [y, h] = period.split('-');
  return h === 'H2' ? { from: `${y}-07-01`, to: `${y}-12-31`, label: `${y}年下半年` } : { from: `${y}-01-01`, to: `${y}-06-30`, label: `${y}年上半年` };
}

/** 核查: each of the district's checks as a rule and a count; a count opens its records, which print. */
export function ChecksPage({ period }: { period: string }) {
  const { from, to, label } = range(period);
  const { list, error } = useCheckList(from, to);
  const [open, setOpen] = useState<string | null>(null);
  const records = useCheckRecords(open, from, to);
  const title = list?.find((c) => c.key === open)?.title;

  if (error) return <Alert type="error" showIcon message={error} />;
  return (
    <div className="checks-page">
      <Space className="checks-head" align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>核查（{label}，{from} 至 {to}）</Typography.Title>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!list}>打印</Button>
      </Space>
      {!list ? <Spin /> : (
        <Table size="small" bordered rowKey="key" pagination={false} dataSource={list}
          columns={[
            { title: '核查项', dataIndex: 'title', width: 200 },
            { title: '规则', dataIndex: 'rule' },
            {
              title: '条数', dataIndex: 'count', width: 90, align: 'right',
              render: (n: number, c) => (
                <Button type="link" size="small" onClick={() => setOpen(c.key)} aria-label={`${c.title} ${n} 条`} disabled={n === 0}>
                  <Badge count={n} showZero overflowCount={99999} color={n ? '#d46b08' : '#52c41a'} />
                </Button>
              ),
            },
          ]} />
      )}
      <Drawer open={open !== null} onClose={() => setOpen(null)} width="80%" title={title ? `${title}（${from} 至 ${to}）` : ''}
        rootClassName="checks-drawer"
        extra={<Button icon={<PrinterOutlined />} onClick={() => window.print()}>打印</Button>}>
        {open && <CheckRecords {...records} />}
      </Drawer>
    </div>
  );
}
