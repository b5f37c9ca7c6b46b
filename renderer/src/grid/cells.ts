import type { Lookups } from '../../../electron/api/meta';
import { parseDate, todayIso } from '../../../electron/values/dates';
import { parseIdNumber } from '../../../electron/values/idcard';
import { parseCount, parseScaled } from '../../../electron/values/numbers';
import { cleanText } from '../../../electron/values/text';
import type { Row } from '../registers/types';

/**
 * What a grid column edits, so that typing, pasting, filling down and undo all read a cell the same
 * way: `field` is the API field it writes (villageId for the 村 column), `kind` how text becomes a value.
 */
export type ColMeta =
  | { kind: 'readonly' }
  | { kind: 'text'; field: string; required?: boolean; person?: boolean }
  | { kind: 'count'; field: string }
  | { kind: 'scaled'; field: string; unit: '元' | '亩' | ''; noSum?: boolean }
  | { kind: 'date'; field: string; event?: boolean; required?: boolean }
  | { kind: 'id'; field: string }
  | { kind: 'list'; field: string; values: readonly string[]; required?: boolean }
  | { kind: 'code'; field: string; labels: Record<string, string> }
  | { kind: 'mark'; field: string }
  | { kind: 'village'; field: 'villageId'; required?: boolean }
  | { kind: 'group'; field: 'groupId' }
  | { kind: 'unit'; field: 'unitId' }
  | { kind: 'zone'; field: 'zoneId' }
  | { kind: 'cadre'; field: 'cadreId' }
  | { kind: 'household'; field: 'householdId' };

/** A value chosen in a picker (cadre, household) rather than typed. */
export type Picked = { pick: number; show: Record<string, unknown> };
export const isPicked = (v: unknown): v is Picked => typeof v === 'object' && v !== null && 'pick' in v;

/** patch: what the API is sent; show: what the row displays until the saved row comes back. */
export type CellResult = { ok: true; patch: Record<string, unknown>; show: Record<string, unknown> } | { ok: false; reason: string };

const ok = (patch: Record<string, unknown>, show: Record<string, unknown> = patch): CellResult => ({ ok: true, patch, show });
const no = (reason: string): CellResult => ({ ok: false, reason });

const MARK_YES = /^(√|✓|✔|是|1|true|有|y|yes|x)$/i;
const MARK_NO = /^(|否|0|false|无|n|no)$/i;

/** Turns what a clerk typed, pasted or picked into the API patch for one cell. */
export function parseCell(meta: ColMeta, input: unknown, row: Row, lk: Lookups): CellResult {
  if (meta.kind === 'readonly') return no('此列由台账计算或来自其他登记簿，不能在这里修改');
  if (isPicked(input)) return ok({ [meta.field]: input.pick }, { [meta.field]: input.pick, ...input.show });
  if (meta.kind === 'mark') {
    if (typeof input === 'boolean') return ok({ [meta.field]: input });
    const s = String(input ?? '').trim();
    if (MARK_YES.test(s)) return ok({ [meta.field]: true });
    if (MARK_NO.test(s)) return ok({ [meta.field]: false });
    return no(`“${s}”应为 √ 或空`);
  }
  const text = cleanText(input);
  const f = meta.field;
  switch (meta.kind) {
    case 'text':
      if (!text && meta.required) return no('必填');
      return ok({ [f]: text });
    case 'count': {
      if (!text) return ok({ [f]: null });
      const r = parseCount(text);
      if (!r.ok) return no(r.reason);
      if (r.value < 0) return no('不能为负数');
      return ok({ [f]: r.value });
    }
    case 'scaled': {
      if (!text) return ok({ [f]: null });
      const r = parseScaled(text, 2, '元|亩|袋|桶|斤|公斤|件|个|套|台|份|册|条|期|人次');
      if (!r.ok) return no(r.reason);
      if (r.value < 0) return no('不能为负数');
      // The typed text goes to the ledger, which parses it exactly; the row shows the integer meanwhile.
      return ok({ [f]: text }, { [f]: r.value });
    }
    case 'date': {
      if (!text) return meta.required || meta.event ? no('必填') : ok({ [f]: null });
      const r = parseDate(text);
      if (!r.ok) return no(r.reason);
      if (meta.event && r.value > todayIso()) return no(`${r.value} 晚于今天，事情还没有发生，请核对日期`);
      return ok({ [f]: r.value });
    }
    case 'id': {
      if (!text) return ok({ [f]: null });
      const r = parseIdNumber(text);
      if (!r.ok) return no(r.reason);
      // The number says the sex: fill it where the register keeps it.
      const extra = 'sex' in row ? { sex: r.sex } : {};
      return ok({ [f]: r.value, ...extra });
    }
    case 'list':
      if (!text) return meta.required ? no('必填') : ok({ [f]: null });
      if (!meta.values.includes(text)) return no(`应为 ${meta.values.join('、')} 之一`);
      return ok({ [f]: text });
    case 'code': {
      if (!text) return no('必填');
      const code = Object.keys(meta.labels).find((k) => k === text || meta.labels[k] === text);
      if (!code) return no(`应为 ${Object.values(meta.labels).join('、')} 之一`);
      return ok({ [f]: code });
    }
    case 'village': {
      if (!text) return meta.required === false ? ok({ villageId: null }, { villageId: null, villageName: null }) : no('必填');
      const v = lk.villages.find((x) => x.name === text || x.name === text + '村' || x.code === text);
      if (!v) return no(`本镇没有“${text}”，应为 ${lk.villages.map((x) => x.name).join('、')} 之一`);
      // A new village empties the group unless the group keeps its name there too.
      const patch: Record<string, unknown> = { villageId: v.id };
      const show: Record<string, unknown> = { villageId: v.id, villageName: v.name };
      if ('groupId' in row && row.villageId !== v.id) {
        const g = v.groups.find((x) => x.name === row.groupName);
        patch.groupId = g?.id ?? null; show.groupId = g?.id ?? null; show.groupName = g?.name ?? null;
      }
      return ok(patch, show);
    }
    case 'group': {
      if (!text) return ok({ groupId: null }, { groupId: null, groupName: null });
      const v = lk.villages.find((x) => x.id === row.villageId);
      if (!v) return no('请先填写村');
      const g = v.groups.find((x) => x.name === text || x.name === text + '组' || x.name === toChineseGroup(text));
      if (!g) return no(`${v.name}没有“${text}”，应为 ${v.groups.map((x) => x.name).join('、')} 之一`);
      return ok({ groupId: g.id }, { groupId: g.id, groupName: g.name });
    }
    case 'unit': {
      if (!text) return no('必填');
      const u = lk.units.find((x) => x.name === text);
      if (!u) return no(`没有名为“${text}”的联系单位，请先在“联系单位”中添加`);
      return ok({ unitId: u.id }, { unitId: u.id, unitName: u.name });
    }
    case 'zone': {
      if (!text) return no('必填');
      const z = lk.zones.find((x) => x.name === text);
      if (!z) return no(`没有名为“${text}”的大棚小区，请先在上方“大棚小区”中添加`);
      return ok({ zoneId: z.id }, { zoneId: z.id, zoneName: z.name });
    }
    case 'cadre': {
      if (!text) return no('必填');
      const found = lk.cadres.filter((c) => c.name === text);
      const sameUnit = found.filter((c) => c.unitId === row.unitId);
      const c = found.length === 1 ? found[0] : sameUnit.length === 1 ? sameUnit[0] : null;
      if (!c) {
        return no(found.length ? `有 ${found.length} 位干部名为“${text}”，请双击单元格从列表中选择` : `没有名为“${text}”的联户干部，请先在“联户干部”中添加`);
      }
      const unit = lk.units.find((u) => u.id === c.unitId);
      return ok({ cadreId: c.id }, { cadreId: c.id, cadreName: c.name, unitId: c.unitId, unitName: unit?.name ?? '' });
    }
    case 'household':
      // Households are too many for the lookups: the grid resolves names through the API (resolveHouseholds).
      return no(`请双击单元格，从列表中选择户主“${text ?? ''}”`);
  }
}

/** 1 → 一组 …: units write groups as numbers too. */
function toChineseGroup(s: string): string {
  const n = Number(s.replace(/组$/, ''));
  const digits = '零一二三四五六七八九十';
  if (!Number.isInteger(n) || n < 1 || n > 19) return s;
  return (n <= 10 ? digits[n] : '十' + digits[n - 10]) + '组';
}

/** The birth date and sex an ID number states, for the editor's hint. */
export function idHint(text: string): { ok: boolean; message: string } {
  const s = text.trim();
  if (!s) return { ok: true, message: '可留空' };
  const compact = s.replace(/\s+/g, '');
  if (/^\d{0,16}$/.test(compact)) return { ok: true, message: `已输入 ${compact.length} 位，共 18 位` };
  const r = parseIdNumber(compact);
  return r.ok ? { ok: true, message: `${r.sex} · 出生 ${r.birth}` } : { ok: false, message: r.reason };
}
