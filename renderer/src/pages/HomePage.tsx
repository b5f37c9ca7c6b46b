import { Button, Card, Col, Empty, Row, Space, Statistic, Typography, App as AntApp } from 'antd';
import { useEffect, useState } from 'react';
import { ledger } from '../client/ledger';
import { useLookups } from '../client/lookups';
import { useStatus } from '../client/status';

type Info = Awaited<ReturnType<typeof ledger.meta.info>>;

export function HomePage({ go }: { go: (to: string) => void }) {
  const [info, setInfo] = useState<Info | null>(null);
  const [loading, setLoading] = useState(false);
  const { refresh } = useLookups();
  const { changes, markSaving } = useStatus();
  const { message } = AntApp.useApp();
  useEffect(() => { void ledger.meta.info({}).then(setInfo); }, [changes]);

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
          ['帮扶户（户）', c.households, 'households'], ['其中贫困户', c.poor, 'households'], ['特殊户', c.special, 'households'],
          ['联户干部（人）', c.cadres, 'cadres'], ['联系单位（个）', c.units, 'units'],
        ].map(([label, value, to]) => (
          <Col key={label as string} span={4}>
            <Card hoverable onClick={() => go(`registers/${to as string}`)}>
              <Statistic title={label as string} value={value as number} />
            </Card>
          </Col>
        ))}
      </Row>
    </Space>
  );
}
