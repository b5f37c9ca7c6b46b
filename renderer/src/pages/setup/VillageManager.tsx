import { Button, Card, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { splitGroups } from '../../../../electron/township/rows';
import type { TownshipView } from '../../../../electron/api/township';
import { ledger } from '../../client/ledger';
import { useVillages } from './useVillages';

type Village = TownshipView['villages'][number];

/** 设置 → 村和村民小组: rename, add and retire (撤销) villages and groups; a retired one keeps its records. */
export function VillageManager() {
  const { view, change } = useVillages();
  const [adding, setAdding] = useState({ name: '', code: '', groups: '' });
  const [newGroup, setNewGroup] = useState<Record<number, string>>({});
  if (!view) return null;

  const groupsCell = (v: Village) => (
    <Space size={[10, 4]} wrap>
      {v.groups.map((g) => (
        <span key={g.id} className={g.retiredAt ? 'group-chip retired' : 'group-chip'} title={`${g.households} 户`}>
          <Typography.Text delete={Boolean(g.retiredAt)} editable={g.retiredAt ? false : {
            tooltip: '改名', triggerType: ['icon'],
            onChange: (name) => { if (name.trim() && name !== g.name) void change(`已改名为“${name.trim()}”`, () => ledger.township.renameGroup({ id: g.id, name })); },
          }}>{g.name}</Typography.Text>
          <a onClick={() => void change(g.retiredAt ? `已恢复${g.name}` : `已撤销${v.name}${g.name}`, () => ledger.township.retireGroup({ id: g.id, retired: !g.retiredAt }))}>
            {g.retiredAt ? '恢复' : '撤销'}</a>
        </span>
      ))}
      {!v.retiredAt && (
        <Space.Compact size="small">
          <Input style={{ width: 80 }} placeholder="新小组" aria-label={`${v.name}新小组`} value={newGroup[v.id] ?? ''}
            onChange={(e) => setNewGroup((m) => ({ ...m, [v.id]: e.target.value }))} />
          <Button onClick={async () => {
            const name = (newGroup[v.id] ?? '').trim();
            if (name && await change(`已为${v.name}添加${name}`, () => ledger.township.addGroup({ villageId: v.id, name }))) setNewGroup((m) => ({ ...m, [v.id]: '' }));
          }}>添加</Button>
        </Space.Compact>
      )}
    </Space>
  );

  return (
    <Card title="村和村民小组" style={{ maxWidth: 1100 }} size="small"
      extra={<Typography.Text type="secondary">撤销的村或小组保留原有记录，只是不再用于新登记和导入</Typography.Text>}>
      <Table<Village> size="small" rowKey="id" pagination={false} dataSource={view.villages} rowClassName={(v) => (v.retiredAt ? 'village-retired' : '')}
        columns={[
          { title: '村', width: 150, render: (_, v) => (
            <Space size={4}>
              <Typography.Text editable={{ tooltip: '改名', triggerType: ['icon'], onChange: (name) => {
                if (name.trim() && name !== v.name) void change(`已改名为“${name.trim()}”，原有记录随之改名`, () => ledger.township.renameVillage({ id: v.id, name }));
              } }}>{v.name}</Typography.Text>
              {v.retiredAt && <Tag>已撤销</Tag>}
            </Space>) },
          { title: '村代码', dataIndex: 'code', width: 130 },
          { title: '帮扶户', dataIndex: 'households', width: 80, align: 'right' },
          { title: '村民小组', render: (_, v) => groupsCell(v) },
          { title: '', width: 80, render: (_, v) => v.retiredAt
            ? <Button size="small" onClick={() => void change(`已恢复${v.name}`, () => ledger.township.retireVillage({ id: v.id, retired: false }))}>恢复</Button>
            : <Popconfirm title={`撤销${v.name}？`} description={`该村的 ${v.households} 户和全部记录都保留，只是不再用于新登记和导入。`} okText="撤销" cancelText="取消"
                onConfirm={() => void change(`已撤销${v.name}`, () => ledger.township.retireVillage({ id: v.id, retired: true }))}>
                <Button size="small" danger>撤销</Button>
              </Popconfirm> },
        ]} />
      <Space style={{ marginTop: 12 }} wrap>
        <Typography.Text>添加村：</Typography.Text>
        <Input style={{ width: 120 }} placeholder="村名" aria-label="新村村名" value={adding.name} onChange={(e) => setAdding({ ...adding, name: e.target.value })} />
        <Input style={{ width: 150 }} placeholder={`${view.township?.code ?? '620902104'}2xx`} aria-label="新村村代码" value={adding.code} onChange={(e) => setAdding({ ...adding, code: e.target.value })} />
        <Input style={{ width: 240 }} placeholder="村民小组：一组、二组、三组" aria-label="新村村民小组" value={adding.groups} onChange={(e) => setAdding({ ...adding, groups: e.target.value })} />
        <Button type="primary" ghost onClick={async () => {
          if (await change(`已添加${adding.name.trim()}`, () => ledger.township.addVillage({ name: adding.name, code: adding.code, groups: splitGroups(adding.groups) }))) {
            setAdding({ name: '', code: '', groups: '' });
          }
        }}>添加村</Button>
      </Space>
    </Card>
  );
}
