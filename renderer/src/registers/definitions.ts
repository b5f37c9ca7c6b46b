import type { ColDef, ICellEditorParams } from 'ag-grid-community';
import type { Lookups } from '../../../electron/api/meta';
import { CATEGORY_LABEL, RANK_LABEL, UNIT_KIND_LABEL } from '../format';
import { codeColumn, listColumn, scaledColumn } from '../grid/columns';
import type { RegisterDef } from './types';

const POVERTY_ATTRS = ['一般贫困户', '低保贫困户', '特困供养贫困户', '五保户'];
const POVERTY_CAUSES = ['因病', '因残', '因学', '因灾', '缺土地', '缺水', '缺技术', '缺劳力', '缺资金', '交通条件落后', '自身发展动力不足', '其他'];
const MARK = (field: string, headerName: string): ColDef => ({
  field, headerName, width: 76, cellDataType: 'boolean', cellStyle: { textAlign: 'center' },
  valueGetter: (p) => Boolean(p.data?.[field]),
  valueSetter: (p) => { p.data[field] = Boolean(p.newValue); return true; },
});

const village = (lk: Lookups, extra: ColDef = {}): ColDef =>
  listColumn('villageName', '村', lk.villages.map((v) => v.name), { colId: 'villageName', width: 90, ...extra });
const group = (lk: Lookups): ColDef => ({
  field: 'groupName', colId: 'groupName', headerName: '村民小组', width: 90, cellEditor: 'agSelectCellEditor',
  cellEditorParams: (p: ICellEditorParams) => ({
    values: ['', ...(lk.villages.find((v) => v.id === p.data?.villageId)?.groups.map((g) => g.name) ?? [])],
  }),
});
const unit = (lk: Lookups, editable = true): ColDef =>
  listColumn('unitName', '联系单位', lk.units.map((u) => u.name), { colId: 'unitName', width: 130, editable });
const ro = (field: string, headerName: string, extra: ColDef = {}): ColDef => ({ field, headerName, editable: false, ...extra });
const text = (field: string, headerName: string, width = 120, extra: ColDef = {}): ColDef => ({ field, headerName, width, ...extra });
const date = (field: string, headerName: string): ColDef => ({ field, headerName, width: 110 });

export const REGISTERS: RegisterDef[] = [
  {
    key: 'units', title: '联系单位', area: 'units',
    columns: () => [
      text('name', '单位名称', 180),
      codeColumn('kind', '单位类别', UNIT_KIND_LABEL),
      ro('villageNames', '联系村', { width: 160 }),
      ro('cadreCount', '联户干部数', { width: 110, type: 'rightAligned' }),
      text('note', '备注', 240),
    ],
  },
  {
    key: 'cadres', title: '联户干部', area: 'cadres',
    columns: (lk) => [
      unit(lk), text('name', '姓名', 90), listColumn('sex', '性别', ['男', '女'], { width: 70 }), text('title', '职务', 100),
      codeColumn('rank', '干部级别', RANK_LABEL, { width: 150 }), text('phone', '联系电话', 130),
      ro('householdCount', '联系户数', { width: 100, type: 'rightAligned' }), text('note', '备注', 200),
    ],
  },
  {
    key: 'households', title: '帮扶户', area: 'households',
    columns: (lk) => [
      village(lk), group(lk), text('head', '户主姓名', 100), text('idNumber', '身份证号码', 180),
      listColumn('sex', '性别', ['男', '女'], { width: 70 }), text('nation', '民族', 80),
      text('size', '家庭人口', 90, { type: 'rightAligned' }), text('labour', '劳动力', 80, { type: 'rightAligned' }),
      codeColumn('category', '户类型', CATEGORY_LABEL, { width: 100 }),
      listColumn('povertyAttr', '贫困户属性', POVERTY_ATTRS, { width: 130 }),
      listColumn('povertyCause', '主要致贫原因', POVERTY_CAUSES, { width: 130 }),
      scaledColumn('incomeFen', '年人均纯收入(元)', 'money', { width: 140 }),
      text('phone', '联系电话', 130), ro('cadreNames', '联户干部', { width: 120 }), text('note', '备注', 200),
    ],
  },
  {
    key: 'pairings', title: '结对关系', area: 'pairings',
    columns: () => [
      ro('unitName', '联系单位', { width: 130 }), ro('cadreName', '联户干部', { width: 100 }),
      codeColumn('cadreRank', '干部级别', RANK_LABEL, { width: 150, editable: false }),
      ro('villageName', '村', { width: 90 }), ro('groupName', '村民小组', { width: 90 }), ro('householdHead', '户主姓名', { width: 100 }),
      ro('idNumber', '身份证号码', { width: 180 }), codeColumn('category', '户类型', CATEGORY_LABEL, { editable: false }),
      date('since', '结对日期'), date('until', '结束日期'), text('note', '备注', 200),
    ],
  },
  {
    key: 'visits', title: '走访记录', area: 'visits',
    columns: () => [
      date('date', '走访日期'), ro('unitName', '联系单位', { width: 130 }), ro('cadreName', '干部姓名', { width: 90 }),
      ro('villageName', '村', { width: 90 }), ro('householdHead', '户主姓名', { width: 100 }),
      MARK('knowFamily', '户情'), MARK('knowEconomy', '经济状况'), MARK('knowWishes', '发展愿望'), MARK('knowDifficulties', '存在困难'),
      MARK('knowHealthSchool', '就医就学'), MARK('careIllness', '重病住院'), MARK('careDropout', '子女辍学'), MARK('careDisaster', '意外灾害'),
      MARK('careBereavement', '亲人去世'), MARK('careFestival', '节日慰问'),
      text('content', '走访内容', 200), text('request', '群众诉求', 160), text('thingDone', '帮办实事', 160), text('result', '办理结果', 100),
      text('note', '备注', 160),
    ],
  },
  {
    key: 'aid', title: '慰问发放', area: 'aid',
    columns: (lk) => [
      date('date', '发放日期'), unit(lk), ro('villageName', '村', { width: 90 }), ro('householdHead', '户主姓名', { width: 100 }),
      text('item', '物资名称', 100), scaledColumn('quantityCenti', '数量', 'area', {
        width: 90, valueFormatter: (p) => (typeof p.data?.quantityCenti === 'number' ? String(p.data.quantityCenti / 100) : String(p.value ?? '')),
      }),
      text('measure', '计量单位', 90), scaledColumn('amountFen', '折合金额(元)', 'money'), text('handler', '经手人', 90), text('note', '备注', 200),
    ],
  },
  {
    key: 'land', title: '土地流转', area: 'land',
    columns: () => [
      ro('villageName', '村', { width: 90 }), ro('groupName', '村民小组', { width: 90 }), ro('householdHead', '转出方(户主)', { width: 110 }),
      text('plotName', '地块名称', 100), text('east', '东', 70), text('south', '南', 70), text('west', '西', 70), text('north', '北', 70),
      scaledColumn('areaCentimu', '流转面积(亩)', 'area'),
      listColumn('mode', '流转方式', ['出租', '转包', '互换', '转让', '入股', '其他'], { width: 100 }),
      text('transferee', '转入方', 160), listColumn('transfereeKind', '转入方类型', ['企业', '合作社', '种植大户', '农户'], { width: 110 }),
      date('start', '起始日期'), date('end', '终止日期'), scaledColumn('priceFen', '流转价格(元/亩·年)', 'money', { width: 150 }),
      text('contractNo', '合同编号', 120), date('contractDate', '合同签订日期'), text('use', '流转用途', 110),
      text('demoSite', '示范点', 160), text('note', '备注', 160),
    ],
  },
  {
    key: 'greenhouses', title: '设施农业', area: 'greenhouses',
    columns: (lk) => [
      listColumn('zoneName', '小区名称', lk.zones.map((z) => z.name), { colId: 'zoneName', width: 170 }),
      ro('villageName', '村', { width: 90 }), ro('groupName', '村民小组', { width: 90 }), ro('householdHead', '户主姓名', { width: 100 }),
      listColumn('type', '棚型', ['钢架大棚', '日光温室'], { width: 100 }), text('count', '座数', 70, { type: 'rightAligned' }),
      scaledColumn('areaCentimu', '占地面积(亩)', 'area'), date('builtOn', '建设日期'), scaledColumn('subsidyFen', '补助资金(元)', 'money'),
      text('crop', '种植品种', 100), listColumn('progress', '建设进度', ['规划', '在建', '建成', '已验收'], { width: 100 }), text('note', '备注', 160),
    ],
  },
  {
    key: 'workItems', title: '工作事项', area: 'workItems',
    columns: (lk) => [
      date('date', '日期'), unit(lk), village(lk, { width: 90 }),
      listColumn('category', '事项类别', ['宣传', '生产发展计划', '热点难点问题', '一事一议', '矛盾纠纷调解', '帮办实事', '捐赠', '土地调整', '其他'], { width: 130 }),
      text('content', '事项内容', 220), scaledColumn('quantityCenti', '数量', 'area', {
        width: 90, valueFormatter: (p) => (typeof p.data?.quantityCenti === 'number' ? String(p.data.quantityCenti / 100) : String(p.value ?? '')),
      }),
      text('measure', '计量单位', 90), scaledColumn('amountFen', '金额(元)', 'money'), text('result', '办理结果', 120), text('note', '备注', 160),
    ],
  },
];
