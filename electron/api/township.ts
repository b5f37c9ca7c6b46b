import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { villageGroups, villages } from '../../db/schema';
import { EXAMPLES } from '../../seeds/base';
import { WorkbookReader } from '../io/read/read';
import { ReadRefusal } from '../io/read/types';
import { groupNameProblem, normaliseGroup, villageCodeProblem, villageNameProblem, halfWidth } from '../township/codes';
import { parseVillageRows, type ParsedVillages } from '../township/rows';
import { aboutLedger } from './about';
import { LedgerError, method, type Ctx } from './define';
import { readSetting } from './setting-store';
import { hasTownship, setupTownship } from './township-setup';
import { insertAudited, selectRow, updateAudited } from './write';

const draftVillage = z.object({ name: z.string().max(40), code: z.string().max(20), groups: z.array(z.string().max(40)).max(200) });
const draft = z.object({
  name: z.string().max(40), code: z.string().max(20), organName: z.string().max(60), county: z.string().max(40).optional(),
  villages: z.array(draftVillage).max(200),
});

export type TownshipView = {
  township: { name: string; code: string; county?: string } | null;
  /** The township's own organs (units of kind township), e.g. 上坝镇机关. */
  organs: string[];
  villages: {
    id: number; name: string; code: string; retiredAt: string | null; households: number;
    groups: { id: number; name: string; retiredAt: string | null; households: number }[];
  }[];
};

const refuse = (message: string, field = 'name'): never => { throw new LedgerError(message, [{ field, message }]); };

function village(ctx: Ctx, id: number) {
  const v = selectRow(ctx, villages, id) as { id: number; name: string; code: string; retiredAt: string | null } | undefined;
  return v ?? refuse('台账中没有这个村', 'id');
}

function group(ctx: Ctx, id: number) {
  const g = selectRow(ctx, villageGroups, id) as { id: number; villageId: number; name: string; retiredAt: string | null } | undefined;
  return g ?? refuse('台账中没有这个村民小组', 'id');
}

function villageName(ctx: Ctx, raw: string, except: number): string {
  const name = raw.trim();
  const p = villageNameProblem(name);
  if (p) refuse(p);
  const other = ctx.ledger.sqlite.prepare('select retired_at from villages where name = ? and id <> ?').get(name, except) as { retired_at: string | null } | undefined;
  if (other) refuse(`台账中已有“${name}”${other.retired_at ? '（已撤销）' : ''}，村名不能重复`);
  return name;
}

function groupName(ctx: Ctx, villageId: number, raw: string, except: number): string {
  const name = normaliseGroup(raw);
  const p = groupNameProblem(name);
  if (p) refuse(p);
  const other = ctx.ledger.sqlite.prepare('select retired_at from village_groups where village_id = ? and name = ? and id <> ?').get(villageId, name, except) as { retired_at: string | null } | undefined;
  if (other) refuse(`该村已有“${name}”${other.retired_at ? '（已撤销）' : ''}，村民小组名称不能重复`);
  return name;
}

const retired = z.object({ id: z.number().int().positive(), retired: z.boolean() });
const now = () => new Date().toISOString();
let reader: WorkbookReader | null = null;

export const township = {
  /** The township, its organs, and every village and group — retired ones too, marked — with how many households each holds. */
  get: method(z.object({}), (ctx): TownshipView => {
    const db = ctx.ledger.sqlite;
    const count = (sql: string) => new Map((db.prepare(sql).all() as { id: number; n: number }[]).map((r) => [r.id, r.n]));
    const byVillage = count('select village_id as id, count(*) as n from households where deleted_at is null group by village_id');
    const byGroup = count('select group_id as id, count(*) as n from households where deleted_at is null and group_id is not null group by group_id');
    const groups = db.prepare('select id, village_id as villageId, name, retired_at as retiredAt from village_groups order by village_id, sort, id').all() as { id: number; villageId: number; name: string; retiredAt: string | null }[];
    return {
      township: readSetting(ctx, 'township') as TownshipView['township'],
      organs: (db.prepare("select name from units where kind = 'township' and deleted_at is null order by id").all() as { name: string }[]).map((u) => u.name),
      villages: (db.prepare('select id, name, code, retired_at as retiredAt from villages order by sort, code').all() as TownshipView['villages']).map((v) => ({
        ...v, households: byVillage.get(v.id) ?? 0,
        groups: groups.filter((g) => g.villageId === v.id).map(({ villageId: _v, ...g }) => ({ ...g, households: byGroup.get(g.id) ?? 0 })),
      })),
    };
  }),

  /**
   * Whether the ledger has its township (any village, retired ones too): what the window asks as it opens.
   * Not `get`, whose households per village and group are two passes over every household (a quarter of a
   * second at 100,000), and the window's first calls wait behind it.
   */
  ready: method(z.object({}), (ctx): boolean => Boolean(ctx.ledger.sqlite.prepare('select 1 from villages limit 1').get())),

  /** First run: the clerk's own township, on a ledger that has none. */
  setup: method(draft, (ctx, d) => setupTownship(ctx, d)),

  /** 使用示例：上坝镇. */
  setupExample: method(z.object({ name: z.string().default('上坝镇') }), (ctx, { name }) => {
    const example = EXAMPLES[name];
    if (!example) refuse(`没有名为“${name}”的示例；可用的示例：${Object.keys(EXAMPLES).join('、')}`);
    return setupTownship(ctx, example, 'setup');
  }),

  /** Reads a sheet of 村 · 村代码 · 村民小组 for the setup page to show; writes nothing. */
  readSheet: method(
    z.object({ name: z.string().max(255).optional(), path: z.string().max(4096).optional(), base64: z.string().max(8_000_000).optional() })
      .refine((f) => Boolean(f.path) !== Boolean(f.base64), '给出 path 或 base64 其中之一'),
    async (ctx, f): Promise<ParsedVillages & { file: string }> => {
      if (ctx.transport === 'http' && f.path) throw new LedgerError('浏览器模式下请上传文件本身，不能按路径读取本机文件');
      const file = f.name ?? (f.path ? basename(f.path) : '表格');
      return { file, ...(await readVillageSheet(f.base64 !== undefined ? Buffer.from(f.base64, 'base64') : readPath(f.path!), file)) };
    },
  ),

  renameVillage: method(z.object({ id: z.number().int().positive(), name: z.string().max(40) }), (ctx, i) =>
    ctx.ledger.sqlite.transaction(() => {
      const v = village(ctx, i.id);
      return updateAudited(ctx, villages, v, { name: villageName(ctx, i.name, v.id) }).row;
    })()),

  addVillage: method(z.object({ name: z.string().max(40), code: z.string().max(20), groups: z.array(z.string().max(40)).max(200) }), (ctx, i) =>
    ctx.ledger.sqlite.transaction(() => {
      if (!hasTownship(ctx)) refuse('请先设置乡镇', 'name');
      const t = readSetting(ctx, 'township') as { code?: string } | null;
      const name = villageName(ctx, i.name, 0);
      const code = halfWidth(i.code);
      const p = villageCodeProblem(code, t?.code ?? null);
      if (p) refuse(p, 'code');
      if (ctx.ledger.sqlite.prepare('select 1 from villages where code = ?').get(code)) refuse(`村代码 ${code} 已被台账中另一个村使用`, 'code');
      const groups = i.groups.map(normaliseGroup).filter(Boolean);
      if (groups.length === 0) refuse('请至少填写一个村民小组（如 一组、二组）', 'groups');
      const sort = (ctx.ledger.sqlite.prepare('select coalesce(max(sort), 0) + 1 as n from villages').get() as { n: number }).n;
      const row = insertAudited(ctx, villages, { name, code, sort });
      groups.forEach((g, j) => insertAudited(ctx, villageGroups, { villageId: row.id as number, name: groupName(ctx, row.id as number, g, 0), sort: j + 1 }));
      return row;
    })()),

  /** 撤销 (or 恢复) a village: its households and records stay; it is no longer offered for new ones. */
  retireVillage: method(retired, (ctx, i) =>
    ctx.ledger.sqlite.transaction(() => {
      const v = village(ctx, i.id);
      if (i.retired && !v.retiredAt) {
        const live = ctx.ledger.sqlite.prepare('select count(*) as n from villages where retired_at is null and id <> ?').get(v.id) as { n: number };
        if (live.n === 0) refuse('这是台账中最后一个在用的村，不能撤销', 'id');
      }
      return updateAudited(ctx, villages, v, { retiredAt: i.retired ? (v.retiredAt ?? now()) : null }).row;
    })()),

  renameGroup: method(z.object({ id: z.number().int().positive(), name: z.string().max(40) }), (ctx, i) =>
    ctx.ledger.sqlite.transaction(() => {
      const g = group(ctx, i.id);
      return updateAudited(ctx, villageGroups, g, { name: groupName(ctx, g.villageId, i.name, g.id) }).row;
    })()),

  addGroup: method(z.object({ villageId: z.number().int().positive(), name: z.string().max(40) }), (ctx, i) =>
    ctx.ledger.sqlite.transaction(() => {
      const v = village(ctx, i.villageId);
      const sort = (ctx.ledger.sqlite.prepare('select coalesce(max(sort), 0) + 1 as n from village_groups where village_id = ?').get(v.id) as { n: number }).n;
      return insertAudited(ctx, villageGroups, { villageId: v.id, name: groupName(ctx, v.id, i.name, 0), sort });
    })()),

  retireGroup: method(retired, (ctx, i) =>
    ctx.ledger.sqlite.transaction(() => {
      const g = group(ctx, i.id);
      return updateAudited(ctx, villageGroups, g, { retiredAt: i.retired ? (g.retiredAt ?? now()) : null }).row;
    })()),

  /** 设置 → 关于. */
  about: method(z.object({}), (ctx) => aboutLedger(ctx)),
};

function readPath(path: string): Uint8Array {
  try {
    if (!statSync(path).isFile()) throw new LedgerError(`${path} 不是普通文件`);
    return readFileSync(path);
  } catch (e) {
    if (e instanceof LedgerError) throw e;
    throw new LedgerError(`无法打开文件 ${path}：文件不存在或没有读取权限`);
  }
}

/** The first sheet that holds 村 · 村代码 · 村民小组 (else the first sheet), through the importer's own reading process. */
export async function readVillageSheet(bytes: Uint8Array, file: string): Promise<ParsedVillages> {
  reader ??= new WorkbookReader();
  let wb;
  try {
    wb = await reader.read(bytes, file);
  } catch (e) {
    if (e instanceof ReadRefusal) throw new LedgerError(`${file}：${e.message}`);
    throw e;
  } finally {
    const r = reader;
    reader = null;
    await r?.close();
  }
  const sheets = wb.sheets.filter((s) => !s.hidden);
  const parsed = sheets.map((s) => ({ s, p: parseVillageRows(s.rows) }));
  const best = parsed.find((x) => x.p.villages.length > 0 && x.s.rows.some((r) => r.some((c) => String(c ?? '').includes('代码'))))
    ?? parsed.find((x) => x.p.villages.length > 0);
  if (!best) throw new LedgerError(`${file}：没有找到村的名单；表格应有“村、村代码、村民小组”三列`);
  return { ...best.p, problems: best.p.problems.map((m) => `${file}${best.s.name ? ` 工作表“${best.s.name}”` : ''} ${m}`) };
}
