import { Alert, Button, Card, Descriptions, Drawer, Empty, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import type { HouseholdFile } from '../../../electron/api/household-file';
import { ledger } from '../client/ledger';
import { HistoryPanel } from '../safety/HistoryPanel';
import { CATEGORY_LABEL, count, mu, RANK_LABEL, yuan } from '../format';

/**
 * A table of the file. `fit`: fixed column widths and long text wrapped, so the table is as wide as the
 * drawer (and an A4 page) however long the visit notes; otherwise as wide as its content, scrolling.
 */
function Section<T extends object>({ title, rows, columns, footer, fit }: { title: string; rows: T[]; columns: ColumnsType<T>; footer?: string; fit?: boolean }) {
  return (
    <Card size="small" title={`${title}（${rows.length}）`} data-testid={`file-${title}`} className="file-section">
      {rows.length ? <Table<T> size="small" pagination={false} rowKey="id" dataSource={rows} columns={columns}
        footer={footer ? () => footer : undefined} tableLayout={fit ? 'fixed' : undefined} scroll={fit ? undefined : { x: 'max-content' }} />
        : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无" />}
    </Card>
  );
}

/** 户档案: a household's facts, pairings (ended ones too), visits, aid, land, greenhouses and its history, on one screen. */
export function HouseholdFileDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const [file, setFile] = useState<HouseholdFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setFile(null);
    ledger.households.file({ id }).then(setFile, (e: Error) => setError(e.message));
  }, [id]);
  const h = file?.household as Record<string, unknown> | undefined;
  const aidTotal = file?.aid.reduce((s, a) => s + a.amountFen, 0) ?? 0;
  const landTotal = file?.land.reduce((s, l) => s + l.areaCentimu, 0) ?? 0;
  return (
    <Drawer open onClose={onClose} width="min(1100px, 92vw)" title={h ? `户档案 · ${h.villageName as string}${(h.groupName as string) ?? ''} ${h.head as string}` : '户档案'}
      destroyOnHidden data-testid="household-file" rootClassName="household-file-root"
      extra={<Button onClick={() => window.print()} disabled={!file}>打印（A4）</Button>}>
      {error && <Alert type="error" message={error} />}
      {file && h && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {h.deletedAt ? <Alert type="warning" message={`这一户已于 ${String(h.deletedAt).slice(0, 10)} 删除`} /> : null}
          <Descriptions size="small" bordered column={4} items={[
            ['户主姓名', h.head], ['身份证号码', h.idNumber], ['性别', h.sex], ['民族', h.nation],
            ['村', h.villageName], ['村民小组', h.groupName], ['家庭人口', count(h.size as number | null)], ['劳动力', count(h.labour as number | null)],
            ['户类型', CATEGORY_LABEL[h.category as string]], ['贫困户属性', h.povertyAttr], ['主要致贫原因', h.povertyCause],
            ['年人均纯收入', h.incomeFen === null ? '' : `${yuan(h.incomeFen as number)} 元`], ['联系电话', h.phone], ['备注', h.note],
          ].map(([label, v]) => ({ key: label as string, label: label as string, children: (v as string | null) ?? '' }))} />
          <Section title="结对干部" rows={file.pairings} columns={[
            { title: '联户干部', dataIndex: 'cadreName' }, { title: '干部级别', dataIndex: 'cadreRank', render: (v: string) => RANK_LABEL[v] },
            { title: '联系单位', dataIndex: 'unitName' }, { title: '联系电话', dataIndex: 'phone' },
            { title: '结对日期', dataIndex: 'since' }, { title: '结束日期', dataIndex: 'until' },
            { title: '状态', dataIndex: 'until', key: 'state', render: (v: string | null) => (v ? <Tag>已结束</Tag> : <Tag color="blue">结对中</Tag>) },
            { title: '备注', dataIndex: 'note' },
          ]} />
          <Section title="走访记录" rows={file.visits} fit columns={[
            { title: '走访日期', dataIndex: 'date', width: '11%' }, { title: '干部', dataIndex: 'cadreName', width: '8%' },
            { title: '联系单位', dataIndex: 'unitName', width: '10%' }, { title: '知晓 / 关心', dataIndex: 'marks', width: '13%' },
            { title: '走访内容', dataIndex: 'content' }, { title: '群众诉求', dataIndex: 'request', width: '12%' },
            { title: '帮办实事', dataIndex: 'thingDone', width: '12%' }, { title: '办理结果', dataIndex: 'result', width: '8%' },
          ]} />
          <Section title="慰问及帮扶物资" rows={file.aid} footer={`合计 ${yuan(aidTotal)} 元`} columns={[
            { title: '发放日期', dataIndex: 'date', width: 110 }, { title: '发放单位', dataIndex: 'unitName' }, { title: '物资名称', dataIndex: 'item' },
            { title: '数量', dataIndex: 'quantityCenti', render: (v: number | null, r) => (v === null ? '' : `${v / 100} ${r.measure ?? ''}`) },
            { title: '折合金额(元)', dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) }, { title: '经手人', dataIndex: 'handler' },
          ]} />
          <Section title="土地流转" rows={file.land} footer={`合计 ${mu(landTotal)} 亩`} columns={[
            { title: '地块名称', dataIndex: 'plotName' }, { title: '流转面积(亩)', dataIndex: 'areaCentimu', align: 'right', render: (v: number) => mu(v) },
            { title: '流转方式', dataIndex: 'mode' }, { title: '转入方', dataIndex: 'transferee' }, { title: '起始日期', dataIndex: 'start' },
            { title: '终止日期', dataIndex: 'end' }, { title: '合同编号', dataIndex: 'contractNo' }, { title: '示范点', dataIndex: 'demoSite' },
          ]} />
          <Section title="设施农业" rows={file.greenhouses} columns={[
            { title: '小区名称', dataIndex: 'zoneName' }, { title: '棚型', dataIndex: 'type' }, { title: '座数', dataIndex: 'count' },
            { title: '占地面积(亩)', dataIndex: 'areaCentimu', align: 'right', render: (v: number) => mu(v) }, { title: '建设日期', dataIndex: 'builtOn' },
            { title: '补助资金(元)', dataIndex: 'subsidyFen', align: 'right', render: (v: number | null) => yuan(v) }, { title: '建设进度', dataIndex: 'progress' },
          ]} />
          <Card size="small" title="历史" data-testid="file-audit">
            <HistoryPanel area="households" id={id} />
          </Card>
        </Space>
      )}
    </Drawer>
  );
}
