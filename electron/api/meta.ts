import { z } from 'zod';
import { listBackups } from '../../db/backup';
import { TOWNSHIP_UNIT } from '../../seeds/base';
import { loadDemo } from '../../seeds/demo';
import { LedgerError, method, type Ctx } from './define';
import { readSetting } from './setting-store';

const q = <T>(ctx: Ctx, sql: string, ...p: unknown[]) => ctx.ledger.sqlite.prepare(sql).all(...p) as T[];
const one = <T>(ctx: Ctx, sql: string, ...p: unknown[]) => ctx.ledger.sqlite.prepare(sql).get(...p) as T;

export type Lookups = {
  township: { name: string; code: string } | null;
  villages: { id: number; name: string; code: string; groups: { id: number; name: string }[] }[];
  units: { id: number; name: string; kind: 'district' | 'township' }[];
  cadres: { id: number; name: string; unitId: number; rank: 'leader' | 'general' }[];
  zones: { id: number; name: string; villageId: number }[];
};

/** Each connection the ledger has held in this process (a restore opens a new one, whose counts start again). */
const connections = new WeakMap<object, number>();
let connectionSeq = 0;

export const meta = {
  /**
   * Where the ledger stands, cheaply: it differs after any write committed since it was last asked — by
   * another connection (another program, an import's own connection: SQLite's data_version) or by this one
   * (total_changes). A window holding rows read earlier compares it to know they are still the ledger's.
   */
  version: method(z.object({}), (ctx): { version: string } => {
    const db = ctx.ledger.sqlite;
    let conn = connections.get(db);
    if (conn === undefined) connections.set(db, (conn = ++connectionSeq));
    const data = db.pragma('data_version', { simple: true }) as number;
    const own = db.prepare('select total_changes()').pluck().get() as number;
    return { version: `${conn}.${data}.${own}` };
  }),

  /** The status bar's facts: which file, how many households, when last written. */
  info: method(z.object({}), (ctx) => {
    const counts = one<{ households: number; poor: number; special: number; cadres: number; units: number }>(ctx,
      `select (select count(*) from households where deleted_at is null) as households,
        (select count(*) from households where deleted_at is null and category = 'poor') as poor,
        (select count(*) from households where deleted_at is null and category = 'special') as special,
        (select count(*) from cadres where deleted_at is null) as cadres,
        (select count(*) from units where deleted_at is null) as units`);
    const last = one<{ at: string | null }>(ctx, 'select max(at) as at from audit_log');
    // 含演示数据: made-up people are in the ledger until their batch is taken back (导入记录 → 撤销).
    const demo = Boolean(ctx.ledger.sqlite.prepare("select 1 from import_batches where kind = 'demo' and rolled_back_at is null").get());
    return {
      file: ctx.ledger.file,
      township: readSetting(ctx, 'township') as { name: string; code: string } | null,
      counts,
      lastWriteAt: last.at,
      lastBackupAt: listBackups(ctx.ledger.file)[0]?.at.toISOString() ?? null,
      demo,
    };
  }),

  /** 载入演示数据: the empty ledger's second way in. */
  loadDemo: method(z.object({}), (ctx) => {
    // The demo is a half-year of the example township, its organ included.
    if (!one<{ id: number } | undefined>(ctx, 'select id from units where name = ? and deleted_at is null', TOWNSHIP_UNIT)) {
      throw new LedgerError(`演示数据是示例上坝镇的，只能载入按示例设置的台账（台账中没有“${TOWNSHIP_UNIT}”）`);
    }
    try {
      return loadDemo(ctx.ledger.sqlite);
    } catch (e) {
      throw new LedgerError(e instanceof Error ? e.message : String(e));
    }
  }),

  /** Everything an editor offers in its lists: villages in use with their groups in use, units, cadres, zones. */
  lookups: method(z.object({}), (ctx): Lookups => {
    const groups = q<{ id: number; name: string; village_id: number }>(ctx, 'select id, name, village_id from village_groups where retired_at is null order by village_id, sort');
    return {
      township: readSetting(ctx, 'township') as Lookups['township'],
      villages: q<{ id: number; name: string; code: string }>(ctx, 'select id, name, code from villages where retired_at is null order by sort, code').map((v) => ({
        ...v, groups: groups.filter((g) => g.village_id === v.id).map(({ id, name }) => ({ id, name })),
      })),
      units: q(ctx, "select id, name, kind from units where deleted_at is null order by kind desc, name"),
      cadres: q(ctx, 'select id, name, unit_id as unitId, rank from cadres where deleted_at is null order by unit_id, name'),
      zones: q(ctx, 'select id, name, village_id as villageId from greenhouse_zones where deleted_at is null order by name'),
    };
  }),
};
