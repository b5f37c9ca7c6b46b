import { Alert, Card, Col, Descriptions, Row, Spin, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { HalfYearReport } from '../../../electron/api/reports';
import { ledger } from '../client/ledger';
import { useStatus } from '../client/status';

/** "2014-H1" → 2014-01-01 … 2014-06-30. */
export function periodRange(period: string): { from: string; to: string; label: string } {
  const [y, h] = period.split('-');
  return h === 'H1'
    ? { from: `${y}-01-01`, to: `${y}-06-30`, label: `${y}年上半年` }
    : { from: `${y}-07-01`, to: `${y}-12-31`, label: `${y}年下半年` };
}

const n = (v: number) => v.toLocaleString('en-US');
const dec = (s: string) => Number(s).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 半年报告: the figures the district's half-year report asks for, counted straight from the ledger. */
export function ReportPage({ period }: { period: string }) {
  const { from, to, label } = periodRange(period);
  const [r, setR] = useState<HalfYearReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { changes } = useStatus();
  useEffect(() => {
    setR(null);
    ledger.reports.halfYear({ from, to }).then(setR, (e: Error) => setError(e.message));
  }, [from, to, changes]);

  if (error) return <Alert type="error" showIcon message={error} />;
  if (!r) return <Spin />;
  const d = r.pairing.district, t = r.pairing.township;
  return (
    <div className="report">
      <Typography.Title level={4} style={{ marginTop: 0 }}>{label}双联工作数字（{from} 至 {to}）</Typography.Title>
      <Card title="联村联户" size="small">
        <Table size="small" pagination={false} rowKey="who" bordered
          columns={[
            { title: '', dataIndex: 'who' }, { title: '单位', dataIndex: 'units' }, { title: '联户干部', dataIndex: 'cadres' },
            { title: '其中科级以上领导干部', dataIndex: 'leaders' }, { title: '一般干部', dataIndex: 'general' },
            { title: '联系贫困户', dataIndex: 'poor' }, { title: '联系特殊户', dataIndex: 'special' },
          ]}
          dataSource={[
            { who: '区直机关事业单位', units: n(d.units), cadres: n(d.cadres), leaders: n(d.leaders), general: n(d.general), poor: n(d.poorHouseholds), special: n(d.specialHouseholds) },
            { who: '镇机关', units: '—', cadres: n(t.cadres), leaders: n(t.leaders), general: n(t.general), poor: n(t.poorHouseholds), special: n(t.specialHouseholds) },
          ]} />
      </Card>
      <Row gutter={12} style={{ marginTop: 12 }}>
        <Col span={12}>
          <Card title="走访与慰问" size="small">
            <Descriptions column={1} size="small" items={[
              { label: '入户走访', children: `${n(r.visits.count)} 次` },
              { label: '慰问发放', children: `${n(r.aid.deliveries)} 次，${n(r.aid.households)} 户` },
              { label: '折合金额', children: `${dec(r.aid.totalYuan)} 元（其中现金 ${dec(r.aid.cashYuan)} 元）` },
            ]} />
          </Card>
        </Col>
        <Col span={12}>
          <Card title="土地流转与设施农业" size="small">
            <Descriptions column={1} size="small" items={[
              { label: '累计流转', children: `${dec(r.land.cumulativeMu)} 亩（${n(r.land.plotsInForce)} 块）` },
              { label: '本期新增', children: `${dec(r.land.newMu)} 亩（${n(r.land.newPlots)} 块）` },
              ...r.land.demoSites.map((s) => ({ label: s.name, children: `${s.village} ${dec(s.mu)} 亩` })),
              { label: '设施农业', children: `${n(r.greenhouses.zones)} 个小区，${n(r.greenhouses.count)} 座，${dec(r.greenhouses.areaMu)} 亩` },
            ]} />
          </Card>
        </Col>
      </Row>
      <Row gutter={12} style={{ marginTop: 12 }}>
        <Col span={12}>
          <Card title="工作事项" size="small">
            <Table size="small" pagination={false} rowKey={(w) => `${w.category}/${w.measure}`}
              columns={[{ title: '事项类别', dataIndex: 'category' }, { title: '数量', dataIndex: 'quantity', align: 'right', render: (v: number) => n(v) }, { title: '计量单位', dataIndex: 'measure' }]}
              dataSource={r.work} />
          </Card>
        </Col>
        <Col span={12}>
          <Card title="帮扶户" size="small">
            <Descriptions column={1} size="small" items={[
              { label: '登记户数', children: `${n(r.households.total)} 户` },
              { label: '贫困户', children: `${n(r.households.poor)} 户` },
              { label: '特殊户', children: `${n(r.households.special)} 户` },
              { label: '一般农户', children: `${n(r.households.ordinary)} 户` },
            ]} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
