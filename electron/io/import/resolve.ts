import type { IdResult } from '../../values/idcard';
import { HouseholdCache } from './households';
import { KeyFilter } from './key-filter';
import { RowCtx, RowFailure } from './row';
import { SeenStore, type Seen } from './seen';
import type { Row, Writer } from './writer';

type Ok<T> = Extract<T, { ok: true }>;
export type HouseholdRef = { villageId: number; villageName: string; groupId: number | null; head: string; id: Ok<IdResult> | null };

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 五组, 5组, 第五组, 五社, 5社, 5, 五村民小组 → 5; null when the text names no number. */
export function groupNumber(text: string): number | null {
  const s = text.replace(/\s+/g, '').replace(/^第/, '').replace(/(村民小组|小组|组|社|队)$/, '');
  if (/^\d{1,2}$/.test(s)) return Number(s);
  const m = /^([一二两三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(s);
  if (!m || s === '') return null;
  if (!m[2]) return m[1] && !m[3] ? DIGIT[m[1]] : null;
  return (m[1] ? DIGIT[m[1]] : 1) * 10 + (m[3] ? DIGIT[m[3]] : 0);
}

const CATEGORY: Record<string, string> = { 贫困户: 'poor', 特殊户: 'special' };
const RANK: Record<string, string> = { 科级以上领导干部: 'leader', 一般干部: 'general' };

/** Household columns a T1 or T2 row may set, with the field they come from. */
const HOUSEHOLD_FIELDS: [key: string, col: string, map?: (v: unknown) => unknown][] = [
  ['head', 'head'], ['nation', 'nation'], ['size', 'size'], ['labour', 'labour'],
  ['category', 'category', (v) => CATEGORY[v as string]], ['povertyAttr', 'poverty_attr'], ['povertyCause', 'poverty_cause'],
  ['income', 'income_fen'], ['phone', 'phone'], ['note', 'note'],
];

/**
 * Finds (or, where FORMATS.md allows, creates) what a row names: village, group, unit, cadre,
 * household, zone. Matches are exact and never silent merges: a row that could be two records is refused.
 */
export class Resolver {
  private villages = new Map<string, { id: number; name: string }>();
  /** Villages and groups of this ledger that are retired (撤销): named, but taking no new records. */
  private retired = new Set<string>();
  private retiredGroups = new Set<number>();
  /** Each village's groups by their name and by their number (三组 = 3组 = 3社). */
  private groups = new Map<number, Map<string, number>>();
  /** Village and group cells as written, already found (a sheet writes the same few thousands of times). */
  private villageNamed = new Map<string, { id: number; name: string }>();
  private groupNamed = new Map<string, number>();
  /** What this file said about each household and cadre so far: the same one twice must agree. */
  private readonly seen: SeenStore;
  private pendingSeen: [string, Seen][] = [];
  private readonly households: HouseholdCache;
  /** Contract numbers of live plots the ledger may hold (T5 adds each one it writes). */
  readonly contracts: KeyFilter;

  constructor(private readonly w: Writer, nativeBinding?: string) {
    this.seen = new SeenStore({ nativeBinding });
    this.households = new HouseholdCache(w);
    this.contracts = new KeyFilter(() => w.db.prepare('select contract_no from land_plots where contract_no is not null and deleted_at is null').pluck().iterate());
    for (const v of w.all<{ id: number; name: string; retired_at: string | null }>('select id, name, retired_at from villages order by sort, code')) {
      this.villages.set(v.name, { id: v.id, name: v.name });
      if (v.retired_at) this.retired.add(v.name);
    }
    for (const g of w.all<{ id: number; village_id: number; name: string; retired_at: string | null }>('select id, village_id, name, retired_at from village_groups order by sort, id')) {
      let m = this.groups.get(g.village_id);
      if (!m) this.groups.set(g.village_id, (m = new Map()));
      m.set(g.name, g.id);
      const n = groupNumber(g.name);
      if (n !== null && n > 0 && !m.has(`#${n}`)) m.set(`#${n}`, g.id);
      if (g.retired_at) this.retiredGroups.add(g.id);
    }
  }

  /** A new file: what earlier files said does not count as a conflict. */
  newFile(): void {
    this.seen.clear();
  }

  /** The import is over, kept or not: the store of what its last file said (a temporary database) goes now. */
  close(): void {
    this.seen.clear();
  }

  endRow(ok: boolean): void {
    this.households.endRow(ok);
    if (ok) for (const [k, s] of this.pendingSeen) this.seen.add(k, s);
    if (ok) this.newLinks.push(...this.pendingLinks);
    this.pendingSeen = [];
    this.pendingLinks = [];
  }

  village(ctx: RowCtx, key = 'village'): { id: number; name: string } {
    const raw = ctx.get<string>(key)!;
    const known = this.villageNamed.get(raw);
    if (known) return known;
    const s = raw.replace(/\s+/g, '').replace(/村委会$|村民委员会$/, '村');
    const v = this.villages.get(s) ?? this.villages.get(`${s}村`);
    if (v && !this.retired.has(v.name)) {
      this.villageNamed.set(raw, v);
      return v;
    }
    const live = [...this.villages.keys()].filter((n) => !this.retired.has(n)).join('、');
    if (!v) ctx.fail(key, `本镇没有“${raw}”这个村，请核对村名（本镇的村：${live}）`, 'unknown_village');
    if (this.retired.has(v.name)) ctx.fail(key, `${v.name}已撤销，不再接收新的记录；请核对村名（本镇在用的村：${live}），或在“设置 → 村和村民小组”中恢复该村后再导入`, 'retired_village');
    return v;
  }

  group(ctx: RowCtx, village: { id: number; name: string }, key = 'group'): number | null {
    const raw = ctx.get<string>(key);
    if (!raw) return null;
    const said = `${village.id}|${raw}`;
    const known = this.groupNamed.get(said);
    if (known !== undefined) return known;
    const groups = this.groups.get(village.id) ?? new Map<string, number>();
    const n = groupNumber(raw);
    const id = groups.get(raw.replace(/\s+/g, '')) ?? (n !== null && n > 0 ? groups.get(`#${n}`) : undefined);
    if (id !== undefined && !this.retiredGroups.has(id)) {
      this.groupNamed.set(said, id);
      return id;
    }
    const names = [...groups].filter(([k, g]) => !k.startsWith('#') && !this.retiredGroups.has(g)).map(([k]) => k);
    if (id === undefined) {
      ctx.fail(key, `${village.name}没有“${raw}”这个村民小组（该村的村民小组：${names.join('、') || '无'}），请核对`, 'unknown_group');
    }
    if (this.retiredGroups.has(id)) ctx.fail(key, `${village.name}的“${raw}”已撤销，不再接收新的记录（该村在用的村民小组：${names.join('、')}），请核对`, 'retired_group');
    return id;
  }

  unit(ctx: RowCtx, key = 'unit'): { id: number; name: string } {
    const name = ctx.get<string>(key)!.replace(/\s+/g, '');
    const u = this.w.get<{ id: number; name: string }>('select id, name from units where name = ? and deleted_at is null', name);
    if (u) return u;
    const row = this.w.insert('units', { name, kind: 'district' });
    ctx.warn(key, `台账中没有“${name}”这个联系单位，已作为区直联系单位新增；如果它是镇机关或名称写法不同，请在“联系单位”中改正`, 'unit_created');
    return { id: row.id, name };
  }

  cadre(ctx: RowCtx, unit: { id: number; name: string }, mode: 'set' | 'ref'): { row: Row; created: boolean } {
    const name = ctx.get<string>('cadreName')!.replace(/\s+/g, '');
    const existing = this.w.get<Row>('select * from cadres where unit_id = ? and name = ? and deleted_at is null', unit.id, name);
    if (mode === 'ref') {
      if (existing) return { row: existing, created: false };
      const row = this.w.insert('cadres', { unit_id: unit.id, name, rank: 'general' });
      ctx.warn('cadreName', `${unit.name}在台账中没有干部“${name}”，已把他加入该单位（级别暂记为一般干部，请在“联户干部”中核对）`, 'cadre_created');
      return { row, created: true };
    }
    const values: Record<string, unknown> = {
      sex: ctx.get('cadreSex'), title: ctx.get('cadreTitle'),
      rank: ctx.has('cadreRank') ? RANK[ctx.get<string>('cadreRank')!] : undefined, phone: ctx.get('cadrePhone'),
    };
    const labels = { sex: ctx.header('cadreSex')!, title: ctx.header('cadreTitle')!, rank: ctx.header('cadreRank')!, phone: ctx.header('cadrePhone')! };
    this.checkSeen(ctx, `cadre:${unit.id}|${name}`, `干部 ${name}`, values, labels, 'cadreName');
    if (!existing) {
      return { row: this.w.insert('cadres', { unit_id: unit.id, name, ...defined(values), rank: values.rank ?? 'general' }), created: true };
    }
    ctx.noteChanges(this.w.update('cadres', existing, values).map((c) => labels[c as keyof typeof labels]));
    return { row: existing, created: false };
  }

  householdRef(ctx: RowCtx): HouseholdRef {
    const village = this.village(ctx);
    return {
      villageId: village.id, villageName: village.name, groupId: this.group(ctx, village),
      head: ctx.get<string>('head')!.replace(/\s+/g, ''), id: ctx.get<Ok<IdResult>>('idNumber') ?? null,
    };
  }

  private find(ctx: RowCtx, ref: HouseholdRef): Row | null {
    if (ref.id) {
      const byId = this.households.withIdNumber(ref.id.value);
      if (byId) return byId;
    }
    const named = this.households.named(ref.villageId, ref.head);
    const namesakes = ref.id ? named.filter((h) => h.id_number === null) : named;
    if (namesakes.length > 1) {
      ctx.fail(ref.id ? 'head' : 'idNumber', `台账中${ref.villageName}有 ${namesakes.length} 户户主叫“${ref.head}”${ref.id ? '且都没有身份证号码' : ''}，无法确定是哪一户，本行未导入；请${ref.id ? '先在“帮扶户”中补全他们的身份证号码' : '在本行填写身份证号码'}后再导入`, 'ambiguous', '身份证号码');
    }
    return namesakes[0] ?? null;
  }

  /** T1 and T2: the household with the row's facts, created or updated; only these two set a category. */
  setHousehold(ctx: RowCtx, ref: HouseholdRef, keys: string[]): { row: Row; created: boolean } {
    const values: Record<string, unknown> = { village_id: ref.villageId };
    const labels: Record<string, string> = { village_id: ctx.header('village')!, group_id: ctx.header('group') ?? '村民小组', id_number: ctx.header('idNumber') ?? '身份证号码', sex: ctx.header('sex') ?? '性别' };
    if (ref.groupId !== null) values.group_id = ref.groupId;
    if (ref.id) values.id_number = ref.id.value;
    for (const [key, col, map] of HOUSEHOLD_FIELDS) {
      if (!keys.includes(key) || !ctx.has(key)) continue;
      values[col] = map ? map(ctx.get(key)) : ctx.get(key);
      labels[col] = ctx.header(key)!;
    }
    values.head = ref.head;
    const columnSex = ctx.get<string>('sex');
    if (ref.id) {
      values.sex = ref.id.sex;
      if (columnSex && columnSex !== ref.id.sex) ctx.warn('sex', `性别填的是“${columnSex}”，身份证号码显示为${ref.id.sex}，已按身份证号码登记为${ref.id.sex}`, 'sex_mismatch');
    } else if (columnSex) values.sex = columnSex;
    if (values.size !== undefined && values.labour !== undefined && (values.labour as number) > (values.size as number)) {
      ctx.fail('labour', `劳动力（${values.labour}）多于家庭人口（${values.size}），请核对`, 'labour_exceeds_size');
    }
    this.checkSeen(ctx, this.seenKey(ref), `${ref.villageName} ${ref.head}`, values, labels, 'head');
    const existing = this.find(ctx, ref);
    if (!existing) {
      this.warnNamesake(ctx, ref);
      const row = this.w.insertReturning('households', { category: 'ordinary', ...values });
      this.households.wrote(row.id, null, row);
      return { row, created: true };
    }
    if (ref.id && (existing.village_id !== ref.villageId || existing.head !== ref.head)) {
      // One mistyped ID that passes its check digit must not move or rename another family: the clerk decides.
      const v = [...this.villages.values()].find((x) => x.id === existing.village_id);
      ctx.fail(existing.village_id !== ref.villageId ? 'village' : 'head',
        `身份证号码 ${ref.id.value} 在台账中是${v?.name ?? '另一个村'} ${String(existing.head)} 户，本行写的是${ref.villageName} ${ref.head}，本行未导入；`
        + '请核对身份证号码；如果户主或所在村确已变更，请先在“帮扶户”中修改后再导入', 'conflict');
    }
    const changed = this.w.update('households', existing, values);
    if (changed.length) this.households.wrote(existing.id, existing);
    ctx.noteChanges(changed.map((c) => labels[c] ?? c));
    return { row: existing, created: false };
  }

  /**
   * T3–T6: the household a row names; an unknown one is added as ordinary, a known one is left as it is.
   * `settled`: the caller has made sure nothing after a new household can refuse the row, so adding it
   * is the row's last step (no savepoint: most rows of a file of new households are refused by nothing).
   */
  refHousehold(ctx: RowCtx, ref: HouseholdRef, settled = false): { row: Row; created: boolean } {
    const values: Record<string, unknown> = { village_id: ref.villageId, head: ref.head };
    const labels: Record<string, string> = { village_id: ctx.header('village')!, head: ctx.header('head')! };
    this.checkSeen(ctx, this.seenKey(ref), `${ref.villageName} ${ref.head}`, values, labels, 'head');
    const existing = this.find(ctx, ref);
    if (existing) {
      if (existing.village_id !== ref.villageId) {
        const v = [...this.villages.values()].find((x) => x.id === existing.village_id);
        ctx.warn('village', `身份证号码 ${ref.id?.value} 在台账中登记在${v?.name ?? '另一个村'}（户主 ${String(existing.head)}），本行写的是${ref.villageName}；已记在台账中的那一户，请核对`, 'village_mismatch');
      } else if (existing.head !== ref.head) {
        ctx.warn('head', `身份证号码 ${ref.id?.value} 在台账中的户主是“${String(existing.head)}”，本行写的是“${ref.head}”；已记在台账中的那一户，请核对`, 'head_mismatch');
      }
      return { row: existing, created: false };
    }
    this.warnNamesake(ctx, ref);
    const added = {
      village_id: ref.villageId, group_id: ref.groupId, head: ref.head, id_number: ref.id?.value ?? null, sex: ref.id?.sex ?? null, category: 'ordinary',
    };
    const row = settled ? this.w.lastStep(() => this.w.insertReturning('households', added)) : this.w.insertReturning('households', added);
    this.households.wrote(row.id, null, row);
    ctx.warn('head', `台账中没有这一户（${ref.villageName} ${ref.head}），已作为普通户新增；如果是贫困户或特殊户，请导入其花名册或基本信息表`, 'household_created');
    return { row, created: true };
  }

  /** 联村关系 this import added (unit, village, since), for the preview's 新增联村. */
  readonly newLinks: { unit: string; village: string; since: string }[] = [];
  private pendingLinks: { unit: string; village: string; since: string }[] = [];

  /**
   * 联村: a unit's row in a village (a pairing, a visit, a work item) shows the unit is linked to it.
   * A missing link is added, dated from the row; a link that starts later is moved back to the row's
   * date. Written in the batch, so 撤销 takes it back; the clerk edits it in 联村关系.
   */
  linkUnitVillage(unit: { id: number; name: string }, villageId: number, date: string | undefined): void {
    if (!date) return;
    const links = this.w.all<Row>('select * from unit_villages where unit_id = ? and village_id = ? and deleted_at is null order by since', unit.id, villageId);
    const village = [...this.villages.values()].find((v) => v.id === villageId)?.name ?? '';
    if (links.length === 0) {
      this.w.insert('unit_villages', { unit_id: unit.id, village_id: villageId, since: date });
      this.pendingLinks.push({ unit: unit.name, village, since: date });
      return;
    }
    // One link already covers the date (or is open-ended after it): nothing to do; else move the earliest back.
    if (links.some((l) => (l.since as string) <= date && (l.until === null || (l.until as string) >= date))) return;
    const first = links[0];
    if ((first.since as string) > date) {
      this.w.update('unit_villages', first, { since: date });
      const added = this.newLinks.find((l) => l.unit === unit.name && l.village === village);
      if (added) added.since = date;
    }
  }

  zone(ctx: RowCtx, villageId: number): Row {
    const name = ctx.get<string>('zone')!;
    const z = this.w.get<Row>('select * from greenhouse_zones where name = ? and deleted_at is null', name);
    if (z) return z;
    ctx.warn('zone', `新建大棚小区“${name}”`, 'zone_created');
    return this.w.insert('greenhouse_zones', { name, village_id: villageId });
  }

  private seenKey(ref: HouseholdRef): string {
    return ref.id ? `id:${ref.id.value}` : `vh:${ref.villageId}|${ref.head}`;
  }

  private warnNamesake(ctx: RowCtx, ref: HouseholdRef): void {
    if (!ref.id) return;
    if (this.households.named(ref.villageId, ref.head).length > 0) ctx.warn('head', `${ref.villageName}已有户主同名的另一户（身份证号码不同），本行作为另一户登记`, 'namesake');
  }

  private checkSeen(ctx: RowCtx, key: string, who: string, values: Record<string, unknown>, labels: Record<string, string>, at: string): void {
    const before = this.seen.get(key);
    if (before) {
      for (const col in values) {
        const v = values[col];
        const was = before.values[col];
        if (v === undefined || was === undefined || was === v) continue;
        throw new RowFailure([{ row: ctx.row, column: labels[col] ?? ctx.header(at), code: 'conflict', message: `与第 ${before.row} 行是同一${who.startsWith('干部') ? '人' : '户'}（${who}），但“${labels[col] ?? col}”不一致（第 ${before.row} 行为“${show(was)}”，本行为“${show(v)}”）；请核对后只保留正确的一种写法` }]);
      }
    }
    this.pendingSeen.push([key, { row: ctx.row, values }]);
  }
}

const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
const show = (v: unknown) => (v === null ? '空' : String(v));
