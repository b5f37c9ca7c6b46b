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
