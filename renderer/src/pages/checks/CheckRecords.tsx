import { Alert, Spin, Table, Typography } from 'antd';
import type { CheckResult } from '../../../../electron/rules/checks';
import type { RecordColumn } from '../../../../electron/rules/records';

const hundredths = (v: number) => (v / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A value as the page shows it: money and areas with two decimals, counts whole. */
export function shown(c: RecordColumn, v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  if (c.type === 'money' || c.type === 'area') return hundredths(Number(v));
  if (c.type === 'number') return String(Number(v) / 100);
  return String(v);
}

/** The records a check found, under its rule: what the clerk opens, and what prints. */
export function CheckRecords({ result, error }: { result: CheckResult | null; error: string | null }) {
  if (error) return <Alert type="error" showIcon message={error} />;
  if (!result) return <Spin />;
  return (
    <div className="check-records">
      <Typography.Paragraph className="check-rule"><b>规则：</b>{result.rule}</Typography.Paragraph>
      <Table size="small" bordered rowKey={(r) => String(r.id)} pagination={result.rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        dataSource={result.rows}
        columns={[
          { title: '序号', key: '_seq', width: 56, render: (_v, _r, i) => i + 1 },
          ...result.columns.map((c) => ({
            title: c.title, dataIndex: c.key, key: c.key, align: (c.type === 'text' || c.type === 'date' ? 'left' : 'right') as 'left' | 'right',
            render: (v: unknown) => shown(c, v),
          })),
        ]}
        locale={{ emptyText: '没有需要处理的记录' }} />
    </div>
  );
}
