import { DeleteOutlined } from '@ant-design/icons';
import { Button, Input, Table } from 'antd';
import type { DraftProblem } from '../../../../electron/township/codes';
import type { VillageLine } from './useSetupDraft';

type Props = {
  lines: VillageLine[];
  problems: DraftProblem[];
  update: (key: number, patch: Partial<VillageLine>) => void;
  remove: (key: number) => void;
  onPaste: (text: string) => boolean;
};

/** The small grid of villages: 村 · 村代码 · 村民小组, typed cell by cell, or a block pasted from Excel. */
export function VillageGrid({ lines, problems, update, remove, onPaste }: Props) {
  // Problems name villages by their place among the filled lines.
  const filled = lines.filter((l) => l.name.trim() || l.code.trim() || l.groups.trim());
  const bad = (line: VillageLine, field: string) => {
    const i = filled.indexOf(line);
    return i >= 0 && problems.some((p) => p.field === `villages.${i}.${field}`) ? 'error' as const : undefined;
  };
  const cell = (field: 'name' | 'code' | 'groups', placeholder: string, label: string) => (_: unknown, line: VillageLine) => (
    <Input size="small" value={line[field]} placeholder={lines.indexOf(line) === 0 ? placeholder : undefined} aria-label={`${label}（第 ${lines.indexOf(line) + 1} 行）`}
      status={bad(line, field)} variant="borderless" onChange={(e) => update(line.key, { [field]: e.target.value })}
      onPaste={(e) => { if (onPaste(e.clipboardData.getData('text/plain'))) e.preventDefault(); }} />
  );
  return (
    <Table<VillageLine> size="small" bordered pagination={false} rowKey="key" dataSource={lines} scroll={{ y: 300 }} className="setup-grid"
      columns={[
        { title: '序号', width: 56, align: 'center', render: (_, __, i) => i + 1 },
        { title: '村', dataIndex: 'name', width: 150, render: cell('name', '新上村', '村') },
        { title: '村代码（12 位）', dataIndex: 'code', width: 170, render: cell('code', '620902104200', '村代码') },
        { title: '村民小组（用顿号或逗号隔开）', dataIndex: 'groups', render: cell('groups', '一组、二组、三组', '村民小组') },
        { title: '', width: 44, render: (_, line) => <Button size="small" type="text" icon={<DeleteOutlined />} aria-label="删除此行" onClick={() => remove(line.key)} /> },
      ]} />
  );
}
