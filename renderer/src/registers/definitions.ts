import type { ColDef } from 'ag-grid-community';
import type { Lookups } from '../../../electron/api/meta';
import { parseIdNumber } from '../../../electron/values/idcard';
import { ledger } from '../client/ledger';
import { CATEGORY_LABEL, mu, RANK_LABEL, UNIT_KIND_LABEL } from '../format';
import { col } from '../grid/columns';
import type { GridContext, RegisterDef, RegisterPageDef, Row } from './types';
import {
  GREENHOUSE_PROGRESS, GREENHOUSE_TYPES, LAND_MODES, POVERTY_ATTRS, POVERTY_CAUSES, TRANSFEREE_KINDS, WORK_CATEGORIES,
} from '../../../electron/values/vocabulary';

// The enums of FORMATS.md, as the district's sheets write them.
const SEX = ['男', '女'];

const HOUSEHOLD_PINYIN = [{ field: 'householdHead', person: true }, { field: 'villageName' }];
const CADRE_PINYIN = [{ field: 'cadreName', person: true }, { field: 'unitName' }];

/** The birth date an ID number states (the ledger keeps the number; the date is read from it). */
const birthColumn: ColDef = col.ro('birth', '出生日期', {
  width: 110,
  valueGetter: (p) => {
    const id = p.data?.idNumber as string | null;
    const r = id ? parseIdNumber(id) : null;
    return r?.ok ? r.birth : '';
  },
});

const units: RegisterDef = {
  key: 'units', title: '联系单位', area: 'units',
  order: [{ field: 'kind', dir: 'desc' }, { field: 'name', dir: 'asc' }],
  newRow: () => ({ kind: 'district' }),
  pinyin: [{ field: 'name' }, { field: 'villageNames' }],
  periodFigures: async ({ from, to }) => new Map((await ledger.units.periodVisits({ from, to })).map((r) => [r.unitId, { visits: r.visits }])),
  columns: () => [
    col.text('name', '单位名称', 180, { required: true }),
    col.code('kind', '单位类别', UNIT_KIND_LABEL),
    col.ro('villageNames', '联系村', { width: 200 }),
    col.ro('cadreCount', '联户干部数', { width: 100, type: 'rightAligned' }),
    col.ro('pairingCount', '结对户数', { width: 90, type: 'rightAligned', headerTooltip: '结对中的户（未结束的结对关系）' }),
    col.ro('periodVisits', '本期走访次数', { width: 110, type: 'rightAligned', headerTooltip: '窗口上方“统计期间”内本单位干部的入户走访次数',
      valueGetter: (p) => (p.data ? (p.context as GridContext | undefined)?.periodFigures?.get(p.data.id as number)?.visits ?? 0 : null) }),
    col.text('note', '备注', 240),
  ],
};

const unitVillages: RegisterDef = {
  key: 'unitVillages', title: '联村关系', area: 'unitVillages',
  order: [{ field: 'unitName', dir: 'asc' }, { field: 'since', dir: 'asc' }],
  pinyin: [{ field: 'unitName' }, { field: 'villageName' }],
  columns: (lk) => [
    col.unit(lk), col.village(lk), col.date('since', '开始日期', { required: true }), col.date('until', '结束日期'),
    col.ro('state', '状态', { width: 80, valueGetter: (p) => (p.data?.until ? '已结束' : '联系中') }),
    col.text('note', '备注', 240),
  ],
};

const cadres: RegisterDef = {
  key: 'cadres', title: '联户干部', area: 'cadres',
  order: [{ field: 'unitName', dir: 'asc' }, { field: 'rank', dir: 'desc' }, { field: 'name', dir: 'asc' }],
  newRow: () => ({ rank: 'general' }),
  pinyin: [{ field: 'name', person: true }, { field: 'unitName' }],
  columns: (lk) => [
    col.unit(lk), col.text('name', '姓名', 90, { required: true, person: true }), col.list('sex', '性别', SEX, { width: 70 }),
    col.text('title', '职务', 100), col.code('rank', '干部级别', RANK_LABEL, 150), col.text('phone', '联系电话', 130),
    col.ro('householdCount', '联系户数', { width: 100, type: 'rightAligned' }), col.text('note', '备注', 200),
  ],
};

const households: RegisterDef = {
  key: 'households', title: '帮扶户', area: 'households', householdField: 'id',
  order: [{ field: 'villageId', dir: 'asc' }, { field: 'groupId', dir: 'asc' }],
  newRow: () => ({ category: 'ordinary' }),
  pinyin: [{ field: 'head', person: true }, { field: 'villageName' }, { field: 'cadreNames', person: true }],
  columns: (lk) => [
    col.village(lk), col.group(lk), col.text('head', '户主姓名', 100, { required: true, person: true }), col.id(),
    col.list('sex', '性别', SEX, { width: 70 }), birthColumn, col.text('nation', '民族', 80),
    col.count('size', '家庭人口'), col.count('labour', '劳动力', 80),
    col.code('category', '户类型', CATEGORY_LABEL, 100),
    col.list('povertyAttr', '贫困户属性', POVERTY_ATTRS, { width: 130 }),
    col.list('povertyCause', '主要致贫原因', POVERTY_CAUSES, { width: 130 }),
    col.scaled('incomeFen', '年人均纯收入(元)', '元', 140, { noSum: true }),
    col.text('phone', '联系电话', 130), col.ro('cadreNames', '联户干部', { width: 120 }), col.text('note', '备注', 200),
  ],
};

const pairings: RegisterDef = {
  key: 'pairings', title: '结对关系', area: 'pairings', householdField: 'householdId',
  order: [{ field: 'unitName', dir: 'asc' }, { field: 'cadreName', dir: 'asc' }, { field: 'since', dir: 'asc' }],
  pinyin: [...CADRE_PINYIN, ...HOUSEHOLD_PINYIN],
  columns: (lk) => [
    col.ro('unitName', '联系单位', { width: 130 }), col.cadre(() => lk),
    col.code('cadreRank', '干部级别', RANK_LABEL, 150), 
    col.ro('villageName', '村', { width: 90 }), col.ro('groupName', '村民小组', { width: 90 }), col.household(() => lk),
    col.ro('idNumber', '身份证号码', { width: 180 }), col.ro('category', '户类型', { width: 90, valueFormatter: (p) => CATEGORY_LABEL[p.value as string] ?? '' }),
    col.date('since', '结对日期', { event: true }), col.date('until', '结束日期'),
    col.ro('state', '状态', { width: 80, valueGetter: (p) => (p.data?.until ? '已结束' : '结对中'),
      cellClassRules: { 'cell-ended': (p) => p.value === '已结束' } }),
    col.text('note', '备注', 200),
  ].map((c) => (c.field === 'cadreRank' ? { ...c, editable: false, context: { kind: 'readonly' } } : c)),
};

const visits: RegisterDef = {
  key: 'visits', title: '走访记录', area: 'visits', householdField: 'householdId',
  order: [{ field: 'date', dir: 'desc' }],
  pinyin: [...CADRE_PINYIN, ...HOUSEHOLD_PINYIN],
  columns: (lk) => [
    col.date('date', '走访日期', { event: true }), col.ro('unitName', '联系单位', { width: 130 }), col.cadre(() => lk, '干部姓名'),
    col.ro('villageName', '村', { width: 90 }), col.household(() => lk),
    col.mark('knowFamily', '户情'), col.mark('knowEconomy', '经济状况'), col.mark('knowWishes', '发展愿望'), col.mark('knowDifficulties', '存在困难'),
    col.mark('knowHealthSchool', '就医就学'), col.mark('careIllness', '重病住院'), col.mark('careDropout', '子女辍学'), col.mark('careDisaster', '意外灾害'),
    col.mark('careBereavement', '亲人去世'), col.mark('careFestival', '节日慰问'),
    col.text('content', '走访内容', 200), col.text('request', '群众诉求', 160), col.text('thingDone', '帮办实事', 160), col.text('result', '办理结果', 100),
    col.text('note', '备注', 160),
  ],
};

const aid: RegisterDef = {
  key: 'aid', title: '慰问发放', area: 'aid', householdField: 'householdId',
  order: [{ field: 'date', dir: 'desc' }],
  pinyin: [...HOUSEHOLD_PINYIN, { field: 'unitName' }, { field: 'handler', person: true }],
  columns: (lk) => [
    col.date('date', '发放日期', { event: true }), col.unit(lk, '发放单位'), col.ro('villageName', '村', { width: 90 }),
    col.ro('groupName', '村民小组', { width: 90 }), col.household(() => lk), col.ro('idNumber', '身份证号码', { width: 180 }),
    col.text('item', '物资名称', 100, { required: true }), col.scaled('quantityCenti', '数量', '', 90),
    col.text('measure', '计量单位', 90), col.scaled('amountFen', '折合金额(元)', '元'), col.text('handler', '经手人', 90), col.text('note', '备注', 200),
  ],
};

const land: RegisterDef = {
  key: 'land', title: '土地流转', area: 'land', householdField: 'householdId',
  order: [{ field: 'villageId', dir: 'asc' }, { field: 'start', dir: 'asc' }],
  newRow: () => ({ mode: '出租' }),
  pinyin: [...HOUSEHOLD_PINYIN, { field: 'transferee' }, { field: 'demoSite' }],
  columns: (lk) => [
    col.ro('villageName', '村', { width: 90 }), col.ro('groupName', '村民小组', { width: 90 }), col.household(() => lk, '转出方(户主)'),
    col.ro('idNumber', '身份证号码', { width: 180 }),
    col.text('plotName', '地块名称', 100), col.text('east', '东', 70), col.text('south', '南', 70), col.text('west', '西', 70), col.text('north', '北', 70),
    col.scaled('areaCentimu', '流转面积(亩)', '亩'), col.list('mode', '流转方式', LAND_MODES, { width: 100, required: true }),
    col.text('transferee', '转入方', 160), col.list('transfereeKind', '转入方类型', TRANSFEREE_KINDS, { width: 110 }),
    col.date('start', '起始日期', { event: true }), col.date('end', '终止日期'), col.scaled('priceFen', '流转价格(元/亩·年)', '元', 150, { noSum: true }),
    col.text('contractNo', '合同编号', 120), col.date('contractDate', '合同签订日期'), col.text('use', '流转用途', 110),
    col.text('demoSite', '示范点', 160), col.text('note', '备注', 160),
  ],
};

const greenhouseZones: RegisterDef = {
  key: 'greenhouseZones', title: '大棚小区', area: 'greenhouseZones',
  order: [{ field: 'villageId', dir: 'asc' }, { field: 'name', dir: 'asc' }],
  pinyin: [{ field: 'name' }, { field: 'villageName' }],
  columns: (lk) => [
    col.text('name', '小区名称', 180, { required: true }), col.village(lk),
    col.ro('greenhouseCount', '座数', { width: 80, type: 'rightAligned' }),
    col.ro('areaCentimu', '占地面积(亩)', { width: 120, type: 'rightAligned', valueFormatter: (p) => mu(p.value as number) }),
    col.text('note', '备注', 240),
  ],
};

const greenhouses: RegisterDef = {
  key: 'greenhouses', title: '设施农业', area: 'greenhouses', householdField: 'householdId',
  order: [{ field: 'zoneName', dir: 'asc' }],
  newRow: () => ({ type: '钢架大棚', count: 1 }),
  pinyin: [...HOUSEHOLD_PINYIN, { field: 'zoneName' }, { field: 'crop' }],
  columns: (lk) => [
    col.zone(lk), col.ro('villageName', '村', { width: 90 }), col.ro('groupName', '村民小组', { width: 90 }), col.household(() => lk),
    col.ro('idNumber', '身份证号码', { width: 180 }),
    col.list('type', '棚型', GREENHOUSE_TYPES, { width: 100, required: true }), col.count('count', '座数', 70),
    col.scaled('areaCentimu', '占地面积(亩)', '亩'), col.date('builtOn', '建设日期'), col.scaled('subsidyFen', '补助资金(元)', '元'),
    col.text('crop', '种植品种', 100), col.list('progress', '建设进度', GREENHOUSE_PROGRESS, { width: 100 }), col.text('note', '备注', 160),
  ],
};

const workItems: RegisterDef = {
  key: 'workItems', title: '工作事项', area: 'workItems',
  order: [{ field: 'date', dir: 'desc' }],
  pinyin: [{ field: 'unitName' }, { field: 'villageName' }],
  columns: (lk) => [
    col.date('date', '日期', { event: true }), col.unit(lk), col.village(lk, { required: false }),
    col.list('category', '事项类别', WORK_CATEGORIES, { width: 130, required: true }),
    col.text('content', '事项内容', 220), col.scaled('quantityCenti', '数量', '', 90),
    col.text('measure', '计量单位', 90), col.scaled('amountFen', '金额(元)', '元'), col.text('result', '办理结果', 120), col.text('note', '备注', 160),
  ],
};

const importBatches: RegisterDef = {
  key: 'importBatches', title: '导入记录', area: 'imports', readOnly: true,
  list: async ({ offset, limit }) => ledger.imports.batches({ offset, limit: Math.min(limit, 1000) }) as unknown as Promise<{ rows: Row[]; total: number }>,
  pageSize: 1000,
  columns: () => [
    col.ro('id', '批次', { width: 80 }),
    col.ro('at', '导入时间', { width: 190, valueFormatter: (p) => new Date(p.value as string).toLocaleString('zh-CN', { hour12: false }) }),
    col.ro('unit', '报送单位', { width: 140 }),
    col.ro('files', '文件', { width: 320, valueGetter: (p) => ((p.data?.files as { name: string }[] | undefined) ?? []).map((f) => f.name).join('、') }),
    col.ro('writes', '写入条数', { width: 100, type: 'rightAligned' }),
    col.ro('rolledBackAt', '撤销时间', { width: 190, valueFormatter: (p) => (p.value ? new Date(p.value as string).toLocaleString('zh-CN', { hour12: false }) : '') }),
  ],
};

/** The 台账 menu: a page a register (units and greenhouses each with their companion grid). */
export const REGISTER_PAGES: RegisterPageDef[] = [
  { key: 'units', title: '联系单位', grids: [units, unitVillages] },
  { key: 'cadres', title: '联户干部', grids: [cadres] },
  { key: 'households', title: '帮扶户', grids: [households] },
  { key: 'pairings', title: '结对关系', grids: [pairings] },
  { key: 'visits', title: '走访记录', grids: [visits] },
  { key: 'aid', title: '慰问发放', grids: [aid] },
  { key: 'land', title: '土地流转', grids: [land] },
  { key: 'greenhouses', title: '设施农业', grids: [greenhouseZones, greenhouses] },
  { key: 'workItems', title: '工作事项', grids: [workItems] },
];

/** 数据安全: read-only registers. */
export const SAFETY_GRIDS = { importBatches };

/** Kept for callers that list the registers by page. */
export const REGISTERS = REGISTER_PAGES;

export type { Lookups };
