import { auditShape } from '../../io/import/writer';
import { formatScaled } from '../../values/numbers';
import type { Ctx } from '../define';
import { counted, rank } from '../deletes';
import { registerEntry } from '../register-specs';
import { describeRecord } from './describe';
import { Names } from './names';
import { EMPTY, formatValue } from './values';

type Row = Record<string, unknown>;

/** An audit row as stored. */
export type AuditRow = {
  id: number; at: string; tableName: string; rowId: number; action: string; before: string | null; after: string | null;
  batchId: number | null; source: string; deletionId: number | null; batchKind: string | null;
};

/** An audit row as the clerk reads it: every value in the grid's words, no ids, no internal names. */
export type HistoryEntry = {
  id: number;
  at: string;
  register: string;
  record: string;
  action: string;
  source: string;
  changes: { field: string; before: string; after: string }[];
  /** The changes in one line, or what else the row says (随“新上村 武荣强”一并删除). */
  text: string;
};

const ACTION: Record<string, string> = { create: '新增', update: '修改', delete: '删除', restore: '恢复' };

/** Where a write came from, as 操作记录 names it; the values of the source filter. */
export const SOURCES: { value: string; label: string; stored: string[] }[] = [
  { value: 'edit', label: '编辑', stored: ['app', 'edit'] },
  { value: 'paste', label: '粘贴', stored: ['paste'] },
  { value: 'fill', label: '向下填充', stored: ['fill'] },
  { value: 'undo', label: '撤销或重做', stored: ['undo', 'redo'] },
  { value: 'import', label: '导入', stored: ['import'] },
  { value: 'rollback', label: '撤销导入', stored: ['rollback'] },
  { value: 'recycle', label: '回收站', stored: ['recycle', 'purge'] },
  { value: 'demo', label: '演示数据', stored: ['demo'] },
  { value: 'init', label: '初始数据', stored: ['init'] },
  { value: 'setup', label: '乡镇设置', stored: ['setup'] },
];

export function sourceLabel(source: string, batchId: number | null, batchKind: string | null): string {
  if (source === 'import' || source === 'demo') {
    if (batchKind === 'demo' || source === 'demo') return '演示数据';
    return batchId ? `导入第 ${batchId} 批` : '导入';
  }
  if (source === 'undo') return '撤销';
  if (source === 'redo') return '重做';
  if (source === 'purge') return '回收站';
  return SOURCES.find((s) => s.stored.includes(source))?.label ?? '其他';
}

const SETTING_LABEL: Record<string, string> = {
  township: '乡镇', signatories: '导出署名', maskIdNumbers: '打印时隐藏身份证号', 'import.mappings': '导入时记住的列对应',
  townshipFacts: '基本情况',
};
const SETTING_FIELD: Record<string, string> = {
  name: '乡镇名称', code: '统计用区划代码', county: '区县', city: '市', province: '省',
  unit: '填报单位（盖章）', filledBy: '填报人', phone: '电话', checkedBy: '审核人', head: '单位负责人',
  households: '总户数', people: '总人口', arableCentimu: '法定耕地面积', generalBranches: '党总支数', branches: '党支部数',
  partyMembers: '党员数', ruralPartyMembers: '农村党员数',
};

/** Tables kept outside the registers' specs (设置 → 村和村民小组) that the history still names. */
const OTHER_TABLES: Record<string, { label: string; labels: Record<string, string> }> = {
  villages: { label: '村', labels: { name: '村名', code: '统计用区划代码', retiredAt: '已撤销' } },
  village_groups: { label: '村民小组', labels: { villageId: '村', name: '小组名称', retiredAt: '已撤销' } },
};
const tableOf = (t: string) => registerEntry(t) ?? OTHER_TABLES[t];

function parse(json: string | null): Row {
  if (!json) return {};
  try { return auditShape(JSON.parse(json) as Row); } catch { return {}; }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null) || (a ?? '') === (b ?? '');

type Change = HistoryEntry['changes'][number];

/** A settings row stores { key: value } before and after; objects are compared field by field. */
function settingChanges(before: Row, after: Row): Change[] {
  const out: Change[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const label = SETTING_LABEL[key] ?? '其他设置';
    const b = before[key];
    const a = after[key];
    if (key === 'import.mappings') { if (!same(a, b)) out.push({ field: label, before: '', after: '已更新' }); continue; }
    if (typeof b === 'boolean' || typeof a === 'boolean') {
      // Never set reads as 否: the setting's default.
      if (!same(Boolean(a), Boolean(b))) out.push({ field: label, before: b ? '是' : '否', after: a ? '是' : '否' });
      continue;
    }
    const bo = (b && typeof b === 'object' ? b : {}) as Row;
    const ao = (a && typeof a === 'object' ? a : {}) as Row;
    for (const f of new Set([...Object.keys(bo), ...Object.keys(ao)])) {
      if (same(ao[f], bo[f])) continue;
      const show = (v: unknown) => (v === null || v === undefined || v === '' ? EMPTY
        : f === 'arableCentimu' && typeof v === 'number' ? `${formatScaled(v, 2)} 亩` : typeof v === 'number' ? v.toLocaleString('en-US') : String(v));
      out.push({ field: SETTING_FIELD[f] ?? label, before: show(bo[f]), after: show(ao[f]) });
    }
  }
  return out;
}

function recordChanges(table: string, action: string, before: Row, after: Row, names: Names): Change[] {
  const labels = tableOf(table)?.labels ?? {};
  const fields = Object.keys(labels);
  if (action === 'create') {
    return fields.filter((f) => after[f] !== null && after[f] !== undefined && after[f] !== '' && after[f] !== false && !(f === 'measure' && after.quantityCenti != null))
      .map((f) => ({ field: labels[f], before: '', after: formatValue(table, f, after[f], after, names) }));
  }
  if (action !== 'update') return [];
  return fields.filter((f) => !same(before[f], after[f]) || (f === 'quantityCenti' && !same(before.measure, after.measure)))
    .filter((f) => !(f === 'measure' && before.quantityCenti != null && after.quantityCenti != null))
    .map((f) => ({ field: labels[f], before: formatValue(table, f, before[f], before, names), after: formatValue(table, f, after[f], after, names) }));
}

/** Turns audit rows into what 操作记录 and each record's 历史 show. */
export function readEntries(ctx: Ctx, rows: AuditRow[]): HistoryEntry[] {
  const names = new Names(ctx);
  const current = ctx.ledger.sqlite;
  const roots = new Map<number, { table: string; rowId: number } | undefined>();
  const rootOf = (deletionId: number) => {
    if (!roots.has(deletionId)) {
      roots.set(deletionId, current.prepare('select table_name as "table", row_id as rowId from deletions where id = ?').get(deletionId) as { table: string; rowId: number } | undefined);
    }
    return roots.get(deletionId);
  };
  const nowRow = (table: string, id: number): Row | undefined => {
    if (!tableOf(table)) return undefined;
    const r = current.prepare(`select * from ${table} where id = ?`).get(id) as Row | undefined;
    return r ? auditShape(r) : undefined;
  };
  return rows.map((a) => {
    const before = parse(a.before);
    const after = parse(a.after);
    const isSetting = a.tableName === 'settings';
    const shown = nowRow(a.tableName, a.rowId) ?? (Object.keys(after).length ? after : before);
    const record = isSetting ? '' : describeRecord(a.tableName, shown, names);
    const changes = isSetting ? settingChanges(before, after) : recordChanges(a.tableName, a.action, before, after, names);
    let text = changes.map((c) => (a.action === 'create' ? `${c.field} ${c.after}` : `${c.field}：${c.before} → ${c.after}`)).join('；');
    if (a.deletionId && (a.action === 'delete' || a.action === 'restore')) {
      const root = rootOf(a.deletionId);
      const verb = a.action === 'delete' ? '删除' : '恢复';
      if (root && (root.table !== a.tableName || root.rowId !== a.rowId)) {
        const r = nowRow(root.table, root.rowId);
        if (r) text = `随${registerEntry(root.table)?.label ?? ''}“${describeRecord(root.table, r, names)}”一并${verb}`;
      } else if (root) {
        const others = current.prepare('select table_name as "table", count(*) as n from audit_log where deletion_id = ? and action = ? and not (table_name = ? and row_id = ?) group by table_name')
          .all(a.deletionId, a.action, a.tableName, a.rowId) as { table: string; n: number }[];
        others.sort((x, y) => rank(x.table) - rank(y.table));
        if (others.length) text = `连同 ${others.map((o) => counted(o.table, o.n)).join('、')}一并${verb}`;
      }
    }
    return {
      id: a.id,
      at: a.at,
      register: isSetting ? '设置' : tableOf(a.tableName)?.label ?? '其他',
      record,
      action: a.source === 'purge' ? '彻底删除' : ACTION[a.action] ?? '其他',
      source: sourceLabel(a.source, a.batchId, a.batchKind),
      changes,
      text,
    };
  });
}
