import { Modal, Table } from 'antd';

const KEYS: [string, string][] = [
  ['Enter / F2', '编辑当前单元格；编辑中按 Enter 保存并下移'],
  ['Tab / Shift+Tab', '保存并右移 / 左移'],
  ['Esc', '取消编辑，恢复原值'],
  ['直接输入', '覆盖当前单元格（中文输入法也可直接输入，不必先按 F2）'],
  ['方向键', '移动到相邻单元格'],
  ['Shift+方向键 / Shift+点击 / 拖动', '选择单元格区域'],
  ['点击序号', '选中整行；Shift+点击序号选多行'],
  ['Ctrl+C', '复制所选单元格（可粘贴到 Excel、WPS）'],
  ['Ctrl+V', '从 Excel、WPS 粘贴到当前位置，行不够时自动新增；整块一起检查、一起保存'],
  ['Ctrl+D', '向下填充：用所选区域第一行（或上一行）的值填充下面的单元格'],
  ['Delete', '清除所选单元格（必填项保留原值并提示）'],
  ['Ctrl+Z / Ctrl+Y', '撤销 / 重做（修改、粘贴、填充、新增、删除）'],
  ['Ctrl+F', '查找：姓名、拼音全拼或首字母（如 wf 找王芳，ü 打 v：lv 找吕）、身份证号、村…'],
  ['Ctrl+Shift+L', '打开 / 关闭筛选行（关闭时清除全部筛选）；表头的筛选按钮：按值勾选（带计数、可搜拼音），日期和数字按范围'],
  ['点击表头', '排序：中文按拼音，村按本镇顺序，组按一组、二组…'],
  ['F5', '刷新前先保存正在编辑的单元格；撤销记录在本次打开期间保留'],
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
