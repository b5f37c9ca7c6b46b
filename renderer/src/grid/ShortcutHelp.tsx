import { Modal, Table } from 'antd';

const KEYS: [string, string][] = [
  ['Enter / F2', '编辑当前单元格；编辑中按 Enter 保存并下移'],
  ['Esc', '取消编辑，恢复原值'],
  ['直接输入', '覆盖当前单元格'],
  ['方向键 / Tab', '移动到相邻单元格'],
  ['Shift+方向键 / Shift+点击 / 拖动', '选择单元格区域'],
  ['点击序号', '选中整行；Shift+点击序号选多行'],
  ['Ctrl+C', '复制所选单元格（可粘贴到 Excel、WPS）'],
  ['Ctrl+V', '从 Excel、WPS 粘贴到当前位置，行不够时自动新增；整块一起检查、一起保存'],
  ['Ctrl+D', '向下填充：用所选区域第一行（或上一行）的值填充下面的单元格'],
  ['Delete', '清除所选单元格'],
  ['Ctrl+Z / Ctrl+Y', '撤销 / 重做（修改、粘贴、填充、新增、删除）'],
  ['Ctrl+F', '查找：姓名、拼音全拼或首字母（如 wf 找王芳）、身份证号、村…'],
  ['双击序号', '打开该户的户档案'],
  ['F1', '显示本表'],
];

export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Modal open={open} onCancel={onClose} footer={null} title="快捷键" width={640}>
      <Table size="small" pagination={false} rowKey="0" dataSource={KEYS}
        columns={[{ title: '按键', dataIndex: 0, width: 220, render: (k: string) => <kbd>{k}</kbd> }, { title: '作用', dataIndex: 1 }]} />
    </Modal>
  );
}
