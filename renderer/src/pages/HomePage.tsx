import { Button, Card, Col, Empty, List, Row, Space, Statistic, Tag, Typography, App as AntApp } from 'antd';
import type { BatchRow } from '../../../electron/api/imports';
import { useEffect, useState } from 'react';
import { ledger } from '../client/ledger';
import { useLookups } from '../client/lookups';
import { useStatus } from '../client/status';

export type Info = Awaited<ReturnType<typeof ledger.meta.info>>;

/** 首页: the ledger's counts (the shell's own `meta.info`, passed down) and the latest imports. */
export function HomePage({ go, info }: { go: (to: string) => void; info: Info | null }) {
  const [batches, setBatches] = useState<BatchRow[]>([]);
  const [loading, setLoading] = useState(false);
  const { refresh } = useLookups();
  const { changes, markSaving } = useStatus();
  const { message } = AntApp.useApp();
  useEffect(() => {
    void ledger.imports.batches({ limit: 5 }).then((b) => setBatches(b.rows));
  }, [changes]);

  if (!info) return null;
  const c = info.counts;
  if (c.households === 0) {
    return (
      <Card style={{ maxWidth: 720, margin: '48px auto' }}>
        <Empty description={<Typography.Text>台账还是空的。可以从各单位报送的报表开始，或先载入演示数据看看。</Typography.Text>}>
          <Space size="large">
            <Button type="primary" size="large" onClick={() => go('import')}>导入各单位报表</Button>
            <Button size="large" loading={loading} onClick={async () => {
              setLoading(true);
              const done = markSaving();
              try {
                const n = await ledger.meta.loadDemo({});
                message.success(`已载入演示数据：帮扶户 ${n.households} 户，联户干部 ${n.cadres} 人`);
                await refresh();
              } catch (e) {
                message.error((e as Error).message);
              } finally { done(); setLoading(false); }
            }}>载入演示数据</Button>
          </Space>
        </Empty>
      </Card>
    );
  }
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>{info.township?.name ?? ''}双联工作概况</Typography.Title>
      <Row gutter={16}>
        {[
          ['登记户数（户）', c.households, 'households'], ['其中贫困户', c.poor, 'households'], ['特殊户', c.special, 'households'],
          ['联户干部（人）', c.cadres, 'cadres'], ['联系单位（个）', c.units, 'units'],
        ].map(([label, value, to]) => (
          <Col key={label as string} span={4}>
            <Card hoverable onClick={() => go(`registers/${to as string}`)}>
              <Statistic title={label as string} value={value as number} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card title="最近导入" size="small" style={{ maxWidth: 960 }}
        extra={<Space><Button size="small" onClick={() => go('import')}>导入各单位报表</Button><Button size="small" onClick={() => go('export')}>导出与打印</Button></Space>}>
        <List size="small" dataSource={batches} locale={{ emptyText: '还没有导入过报表' }}
          renderItem={(b) => (
            <List.Item>
              <Space size="middle" wrap>
                <Typography.Text strong>第 {b.id} 批</Typography.Text>
                <Typography.Text type="secondary">{new Date(b.at).toLocaleString('zh-CN', { hour12: false })}</Typography.Text>
                {b.unit && <span>{b.unit}</span>}
                <span>{b.files.map((f) => f.name).join('、')}</span>
                <span>{batchCounts(b)}</span>
                {b.rolledBackAt && <Tag>已撤销</Tag>}
              </Space>
            </List.Item>
          )} />
      </Card>
    </Space>
  );
}

/** The same counts as the import preview and summary: rows of the units' sheets. */
function batchCounts(b: { summary: unknown; refused?: number }): string {
  const t = (b.summary as { totals?: { added: number; updated: number; errors: number } } | null)?.totals;
  if (!t) return '';
  const n = (x: number) => x.toLocaleString('en-US');
  return `表中新增 ${n(t.added)} 行、更新 ${n(t.updated)} 行${b.refused ? `、拒绝 ${n(b.refused)} 行` : ''}`;
}
