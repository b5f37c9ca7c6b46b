import { VILLAGES, groupName } from '../../seeds/base';
import { idNumber, xlsxBytes } from './sheets';

/** A 帮扶户基本信息表 of `n` made-up households, laid out as the district's layout (title, 填报单位, header, 合计). */
export function bigHouseholdSheet(n: number): Buffer {
  const rows: unknown[][] = [
    ['肃州区上坝镇双联行动帮扶户基本信息表'],
    ['填报单位（盖章）：上坝镇机关    填报人：张丽'],
    ['序号', '村', '村民小组', '户主姓名', '身份证号码', '性别', '民族', '家庭人口', '劳动力', '户类型', '主要致贫原因', '年人均纯收入(元)', '联系电话'],
  ];
  const base = Date.UTC(1940, 0, 1);
  for (let i = 0; i < n; i++) {
    const v = VILLAGES[i % VILLAGES.length];
    const birth = new Date(base + i * 86400000).toISOString().slice(0, 10).replace(/-/g, '');
    const seq = 100 + (i % 800);
    rows.push([i + 1, v.name, groupName(1 + (i % v.groups)), `户主${i + 1}`, idNumber(birth, seq), seq % 2 ? '男' : '女', '汉族',
      1 + (i % 6), i % 3, i % 5 ? '贫困户' : '特殊户', '缺技术', 1500 + (i % 1000), `139${String(10000000 + i).slice(0, 8)}`]);
  }
  rows.push(['合计']);
  return xlsxBytes([{ name: '帮扶户', rows }]);
}

/**
 * A 土地流转台账 (T5) of `n` made-up plots, four to a household (so `n / 4` households, each named by a
 * valid ID number), laid out as the district's layout: title, 填报单位, a two-row header with 四至 over
 * 东南西北, 合计. Every plot has its own 合同编号, so a second import matches each one. `edit` may
 * change the plots' rows (index 0 is the first plot) before the file is written.
 */
export function bigLandSheet(n: number, edit?: (plots: unknown[][]) => void): Buffer {
  const head1 = ['序号', '村', '村民小组', '转出方(户主)', '身份证号码', '地块名称', '四至', null, null, null, '流转面积(亩)', '流转方式', '转入方', '转入方类型', '起始日期', '终止日期', '流转价格(元/亩·年)', '合同编号', '合同签订日期', '流转用途', '示范点', '备注'];
  const head2 = [null, null, null, null, null, null, '东', '南', '西', '北'];
  const rows: unknown[][] = [['肃州区上坝镇双联行动土地流转台账'], ['填报单位（盖章）：上坝镇机关    填报人：张丽'], head1, head2];
  const base = Date.UTC(1940, 0, 1);
  const modes = ['出租', '转包', '互换', '入股'];
  const kinds = ['企业', '合作社', '种植大户', '农户'];
  for (let i = 0; i < n; i++) {
    const h = Math.floor(i / 4);
    const v = VILLAGES[h % VILLAGES.length];
    const birth = new Date(base + h * 86400000).toISOString().slice(0, 10).replace(/-/g, '');
    const seq = 100 + (h % 800);
    const year = 2010 + (i % 12);
    rows.push([i + 1, v.name, groupName(1 + (h % v.groups)), `户主${h + 1}`, idNumber(birth, seq), `地块${(i % 4) + 1}`,
      '渠', '路', `户主${h + 2}`, '林带', 1 + (i % 50) / 10, modes[i % 4], `转入方${i % 97}`, kinds[i % 4],
      `${year}-03-01`, `${year + 10}-02-28`, 300 + (i % 200), `SZ-${String(i + 1).padStart(6, '0')}`, `${year}-02-20`, '种植', i % 7 ? null : '高效农业示范点', null]);
  }
  edit?.(rows.slice(4));
  rows.push(['合计']);
  return xlsxBytes([{ name: '土地流转', rows, merges: ['A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:E4', 'F3:F4', 'G3:J3', ...'KLMNOPQRSTUV'.split('').map((c) => `${c}3:${c}4`)] }], { excel: true });
}
