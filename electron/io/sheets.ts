/**
 * The seven district sheets (../shared/formats/FORMATS.md) as data: one table that the importer reads
 * headers with and the exporter writes layouts from, so that what the ledger exports it imports back.
 */
export type ColumnType =
  | 'seq' // 序号
  | 'text'
  | 'int' // whole count (家庭人口, 座数)
  | 'number' // a quantity with decimals (数量), kept in hundredths
  | 'money' // 元 with 2 decimals, kept in 分
  | 'area' // 亩 with 2 decimals, kept in hundredths
  | 'date'
  | 'id' // 居民身份证号
  | 'phone'
  | 'enum'
  | 'mark'; // √ or empty

export type SheetColumn = {
  /** The field name rows carry between reader, importer and exporter. */
  key: string;
  /** The header word the district's layout prints. */
  header: string;
  /** A group header merged over this column and its neighbours with the same group. */
  group?: string;
  /** Other header words units write for the same column (compared after normalising, see headerKey). */
  synonyms?: string[];
  type: ColumnType;
  values?: readonly string[];
  required?: boolean;
  /** Summed in the 合计 row. */
  sum?: boolean;
  /**
   * With `sum`: the key of the column naming this one's unit (数量 in 计量单位). Quantities in different
   * units are never added up (件 + 人次 + 条 + 册 means nothing): the 合计 holds the sum and its unit
   * when every row has the same unit, and stays empty otherwise.
   */
  sumPer?: string;
  /** Column width in characters on export. */
  width: number;
  /** Written empty on export, ignored on import (领取人签字 is signed on paper). */
  paperOnly?: boolean;
  /** Not part of every layout: exported only when some exported row has a value (T1 解除日期). */
  optional?: boolean;
  /** The longest text the register field takes (electron/values/lengths.ts); a longer cell is refused. */
  max?: number;
};

export type SheetCode = 'T1' | 'T2' | 'T3' | 'T4' | 'T5' | 'T6' | 'T7';

export type SheetDef = {
  code: SheetCode;
  /** Printed after 肃州区上坝镇双联行动 in the title row. */
  title: string;
  /** What one row is, for messages: 结对, 户, 走访记录 … */
  rowNoun: string;
  columns: SheetColumn[];
};

import {
  CATEGORIES, GREENHOUSE_PROGRESS, GREENHOUSE_TYPES, LAND_MODES, POVERTY_ATTRS, POVERTY_CAUSES, RANKS, TRANSFEREE_KINDS, WORK_CATEGORIES,
} from '../values/vocabulary';
import { MAX } from '../values/lengths';

export * from '../values/vocabulary';

const seq: SheetColumn = { key: 'seq', header: '序号', type: 'seq', width: 6 };
const note: SheetColumn = { key: 'note', header: '备注', type: 'text', width: 14, max: MAX.note };
const village: SheetColumn = { key: 'village', header: '村', type: 'text', required: true, width: 9, synonyms: ['行政村', '村名', '所在村'] };
const group: SheetColumn = { key: 'group', header: '村民小组', type: 'text', width: 9, synonyms: ['组', '社', '小组', '村组', '组别'] };
const head: SheetColumn = { key: 'head', header: '户主姓名', type: 'text', required: true, width: 10, max: MAX.name, synonyms: ['户主', '户名', '联系户姓名', '帮扶户姓名', '户主名'] };
const idNumber: SheetColumn = { key: 'idNumber', header: '身份证号码', type: 'id', required: true, width: 21, synonyms: ['身份证号', '公民身份号码', '公民身份证号码', '居民身份证号', '居民身份证号码', '户主身份证号', '户主身份证号码', '身份证'] };
const unit: SheetColumn = { key: 'unit', header: '联系单位', type: 'text', required: true, width: 14, max: MAX.unitName, synonyms: ['帮扶单位', '单位', '联系单位名称', '单位名称'] };
const mark = (key: string, header: string, groupName: string): SheetColumn => ({ key, header, group: groupName, type: 'mark', width: 5 });

export const SHEETS: SheetDef[] = [
  {
    code: 'T1', title: '联户干部及联系户花名册', rowNoun: '结对',
    columns: [
      seq, unit,
      { key: 'cadreName', header: '姓名', group: '联户干部', type: 'text', required: true, width: 9, max: MAX.name, synonyms: ['干部姓名', '联户干部', '联户干部姓名', '帮扶责任人', '帮扶责任人姓名'] },
      { key: 'cadreSex', header: '性别', group: '联户干部', type: 'enum', values: ['男', '女'], width: 5, synonyms: ['干部性别'] },
      { key: 'cadreTitle', header: '职务', group: '联户干部', type: 'text', width: 10, max: MAX.title, synonyms: ['职务职级', '现任职务'] },
      { key: 'cadreRank', header: '干部级别', group: '联户干部', type: 'enum', values: RANKS, required: true, width: 16, synonyms: ['级别', '干部类别', '职级'] },
      { key: 'cadrePhone', header: '联系电话', group: '联户干部', type: 'phone', width: 13, max: MAX.phone, synonyms: ['电话', '手机', '手机号码', '干部电话', '干部联系电话'] },
      { ...village, group: '联系户' }, { ...group, group: '联系户' }, { ...head, group: '联系户' }, { ...idNumber, group: '联系户' },
      { key: 'size', header: '家庭人口', group: '联系户', type: 'int', sum: true, width: 6, synonyms: ['人口', '家庭人口数', '人口数', '家庭成员'] },
      { key: 'category', header: '户类型', group: '联系户', type: 'enum', values: CATEGORIES, required: true, width: 8, synonyms: ['户别', '类型', '户类别', '帮扶户类型'] },
      { key: 'povertyCause', header: '致贫原因', group: '联系户', type: 'enum', values: POVERTY_CAUSES, width: 12, synonyms: ['主要致贫原因', '贫困原因'] },
      { key: 'since', header: '结对日期', type: 'date', required: true, width: 11, synonyms: ['结对时间', '联系日期', '结对开始日期'] },
      note,
      { key: 'until', header: '解除日期', type: 'date', optional: true, width: 11, synonyms: ['解除时间', '结对解除日期', '解除结对日期'] },
    ],
  },
  {
    code: 'T2', title: '帮扶户基本信息表', rowNoun: '户',
    columns: [
      seq, village, group, head, idNumber,
      { key: 'sex', header: '性别', type: 'enum', values: ['男', '女'], width: 5, synonyms: ['户主性别'] },
      { key: 'nation', header: '民族', type: 'text', width: 6, max: MAX.nation },
      { key: 'size', header: '家庭人口', type: 'int', sum: true, width: 6, synonyms: ['人口', '家庭人口数', '人口数'] },
      { key: 'labour', header: '劳动力', type: 'int', sum: true, width: 6, synonyms: ['劳动力人数', '劳力', '劳动力数'] },
      { key: 'category', header: '户类型', type: 'enum', values: CATEGORIES, required: true, width: 8, synonyms: ['户别', '类型', '户类别', '帮扶户类型'] },
      { key: 'povertyAttr', header: '贫困户属性', type: 'enum', values: POVERTY_ATTRS, width: 13, synonyms: ['贫困属性', '户属性'] },
      { key: 'povertyCause', header: '主要致贫原因', type: 'enum', values: POVERTY_CAUSES, width: 12, synonyms: ['致贫原因', '贫困原因'] },
      { key: 'income', header: '年人均纯收入(元)', type: 'money', width: 12, synonyms: ['年人均纯收入', '人均纯收入', '人均纯收入(元)', '人均收入'] },
      { key: 'phone', header: '联系电话', type: 'phone', width: 13, max: MAX.phone, synonyms: ['电话', '手机', '手机号码'] },
      note,
    ],
  },
  {
    code: 'T3', title: '入户走访记录汇总表', rowNoun: '走访记录',
    columns: [
      seq,
      { key: 'date', header: '走访日期', type: 'date', required: true, width: 11, synonyms: ['日期', '走访时间', '入户日期'] },
      unit,
      { key: 'cadreName', header: '干部姓名', type: 'text', required: true, width: 9, max: MAX.name, synonyms: ['姓名', '联户干部', '走访干部', '走访人'] },
      village, head, { ...idNumber, required: false },
      mark('knowFamily', '户情', '五个知晓'), mark('knowEconomy', '经济状况', '五个知晓'), mark('knowWishes', '发展愿望', '五个知晓'),
      mark('knowDifficulties', '存在困难', '五个知晓'), mark('knowHealthSchool', '就医就学', '五个知晓'),
      mark('careIllness', '重病住院', '五个关心'), mark('careDropout', '子女辍学', '五个关心'), mark('careDisaster', '意外灾害', '五个关心'),
      mark('careBereavement', '亲人去世', '五个关心'), mark('careFestival', '节日慰问', '五个关心'),
      { key: 'content', header: '走访内容', type: 'text', width: 22, max: MAX.longText, synonyms: ['走访事项', '内容'] },
      { key: 'request', header: '群众诉求', type: 'text', width: 18, max: MAX.longText, synonyms: ['诉求', '群众反映问题'] },
      { key: 'thingDone', header: '帮办实事', type: 'text', width: 18, max: MAX.longText, synonyms: ['办理事项', '帮办事项'] },
      { key: 'result', header: '办理结果', type: 'text', width: 10, max: MAX.result, synonyms: ['结果', '办理情况'] },
      note,
    ],
  },
  {
    code: 'T4', title: '慰问及帮扶物资发放登记表', rowNoun: '发放记录',
    columns: [
      seq,
      { key: 'date', header: '发放日期', type: 'date', required: true, width: 11, synonyms: ['日期', '慰问日期', '发放时间'] },
      { ...unit, key: 'unit', header: '发放单位', synonyms: ['联系单位', '帮扶单位', '慰问单位', '单位'] },
      village, group, head, idNumber,
      { key: 'item', header: '物资名称', type: 'text', required: true, width: 9, max: MAX.item, synonyms: ['物资', '慰问物品', '物品名称', '慰问品'] },
      { key: 'quantity', header: '数量', type: 'number', width: 7 },
      { key: 'measure', header: '计量单位', type: 'text', width: 7, max: MAX.measure, synonyms: ['单位(物资)', '计量'] },
      { key: 'amount', header: '折合金额(元)', type: 'money', required: true, sum: true, width: 12, synonyms: ['折合金额', '金额', '金额(元)', '价值(元)', '折价(元)'] },
      { key: 'handler', header: '经手人', type: 'text', width: 8, max: MAX.handler },
      { key: 'signature', header: '领取人签字', type: 'text', width: 11, paperOnly: true, synonyms: ['领取人签名', '签字', '签名'] },
      note,
    ],
  },
  {
    code: 'T5', title: '土地流转台账', rowNoun: '地块',
    columns: [
      seq, village, group,
      { ...head, header: '转出方(户主)', synonyms: ['转出方', '转出户', '户主姓名', '户主', '转出方户主', '流出方'] },
      idNumber,
      { key: 'plotName', header: '地块名称', type: 'text', width: 10, max: MAX.place, synonyms: ['地块', '地块名', '地名'] },
      { key: 'east', header: '东', group: '四至', type: 'text', width: 7, max: MAX.place, synonyms: ['东至'] },
      { key: 'south', header: '南', group: '四至', type: 'text', width: 7, max: MAX.place, synonyms: ['南至'] },
      { key: 'west', header: '西', group: '四至', type: 'text', width: 7, max: MAX.place, synonyms: ['西至'] },
      { key: 'north', header: '北', group: '四至', type: 'text', width: 7, max: MAX.place, synonyms: ['北至'] },
      { key: 'area', header: '流转面积(亩)', type: 'area', required: true, sum: true, width: 10, synonyms: ['流转面积', '面积', '面积(亩)', '亩数'] },
      { key: 'mode', header: '流转方式', type: 'enum', values: LAND_MODES, required: true, width: 8, synonyms: ['方式'] },
      { key: 'transferee', header: '转入方', type: 'text', width: 16, max: MAX.place, synonyms: ['受让方', '流入方', '转入方名称'] },
      { key: 'transfereeKind', header: '转入方类型', type: 'enum', values: TRANSFEREE_KINDS, width: 9, synonyms: ['转入方性质', '受让方类型'] },
      { key: 'start', header: '起始日期', type: 'date', required: true, width: 11, synonyms: ['开始日期', '流转起始日期', '起始时间', '起始'] },
      { key: 'end', header: '终止日期', type: 'date', width: 11, synonyms: ['结束日期', '流转终止日期', '终止时间', '到期日期', '终止'] },
      { key: 'price', header: '流转价格(元/亩·年)', type: 'money', width: 12, synonyms: ['流转价格', '价格', '流转费', '租金(元/亩)', '价格(元/亩)', '流转价格(元/亩)'] },
      { key: 'contractNo', header: '合同编号', type: 'text', width: 13, max: MAX.contractNo, synonyms: ['合同号'] },
      { key: 'contractDate', header: '合同签订日期', type: 'date', width: 11, synonyms: ['签订日期', '合同日期', '签订时间'] },
      { key: 'use', header: '流转用途', type: 'text', width: 10, max: MAX.place, synonyms: ['用途'] },
      { key: 'demoSite', header: '示范点', type: 'text', width: 16, max: MAX.place, synonyms: ['示范点名称', '所属示范点'] },
      note,
    ],
  },
  {
    code: 'T6', title: '设施农业(钢架大棚、日光温室)建设台账', rowNoun: '大棚',
    columns: [
      seq,
      { key: 'zone', header: '小区名称', type: 'text', required: true, width: 16, max: MAX.zoneName, synonyms: ['小区', '园区名称', '大棚小区'] },
      village, group, head, idNumber,
      { key: 'type', header: '棚型', type: 'enum', values: GREENHOUSE_TYPES, required: true, width: 9, synonyms: ['类型', '大棚类型', '棚体类型'] },
      { key: 'count', header: '座数', type: 'int', required: true, sum: true, width: 6, synonyms: ['数量(座)', '棚数', '座'] },
      { key: 'area', header: '占地面积(亩)', type: 'area', sum: true, width: 10, synonyms: ['占地面积', '面积', '面积(亩)'] },
      { key: 'builtOn', header: '建设日期', type: 'date', width: 11, synonyms: ['建设时间', '建成日期', '开工日期'] },
      { key: 'subsidy', header: '补助资金(元)', type: 'money', sum: true, width: 12, synonyms: ['补助资金', '补助金额', '补助(元)', '补贴资金'] },
      { key: 'crop', header: '种植品种', type: 'text', width: 9, max: MAX.crop, synonyms: ['品种', '种植作物'] },
      { key: 'progress', header: '建设进度', type: 'enum', values: GREENHOUSE_PROGRESS, width: 8, synonyms: ['进度', '建设情况'] },
      note,
    ],
  },
  {
    code: 'T7', title: '双联工作事项登记表', rowNoun: '事项',
    columns: [
      seq,
      { key: 'date', header: '日期', type: 'date', required: true, width: 11, synonyms: ['时间', '办理日期', '登记日期'] },
      unit,
      { ...village, required: false },
      { key: 'category', header: '事项类别', type: 'enum', values: WORK_CATEGORIES, required: true, width: 12, synonyms: ['类别', '事项类型', '工作类别'] },
      { key: 'content', header: '事项内容', type: 'text', width: 24, max: MAX.longText, synonyms: ['内容', '工作内容', '事项'] },
      { key: 'quantity', header: '数量', type: 'number', sum: true, sumPer: 'measure', width: 7 },
      { key: 'measure', header: '计量单位', type: 'text', width: 7, max: MAX.measure, synonyms: ['单位(数量)', '计量'] },
      { key: 'amount', header: '金额(元)', type: 'money', sum: true, width: 11, synonyms: ['金额', '资金(元)', '折合金额(元)'] },
      { key: 'result', header: '办理结果', type: 'text', width: 12, max: MAX.result, synonyms: ['结果', '办理情况'] },
      note,
    ],
  },
];

export const sheetByCode = (code: SheetCode): SheetDef => SHEETS.find((s) => s.code === code)!;

/** The title row: 肃州区上坝镇双联行动<title>. */
export const sheetTitle = (def: SheetDef, county = '肃州区', township = '上坝镇') => `${county}${township}双联行动${def.title}`;

/**
 * A header cell as compared: no spaces or line breaks, half-width brackets, 亩/元 suffixes in any bracket.
 * "面积（亩）", "面 积\n(亩)" and "面积(亩)" all give "面积(亩)".
 */
export function headerKey(cell: string): string {
  return cell
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .replace(/[【〔[]/g, '(').replace(/[】〕\]]/g, ')')
    .replace(/[：:]$/, '');
}
