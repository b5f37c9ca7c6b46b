import type Database from 'better-sqlite3';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { LedgerError, method, type Ctx } from './define';
import { insertAudited, selectRow, updateAudited } from './write';

type Row = Record<string, unknown>;
/** A list row: at least its id; a register may declare its full shape. */
type ViewRow = Row & { id: number };

export const listInput = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(5000).default(500),
  search: z.string().max(200).optional(),
  /** Exact matches on columns of the list view, e.g. { villageId: 3 }. */
  filters: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  sort: z.array(z.object({ column: z.string(), dir: z.enum(['asc', 'desc']) })).max(4).optional(),
  deleted: z.boolean().default(false),
});
export type ListInput = z.input<typeof listInput>;
export type ListResult<R> = { rows: R[]; total: number };

export type RegisterSpec<S extends z.ZodObject, R extends ViewRow> = {
  label: string;
  table: SQLiteTable & { id: any };
  fields: S;
  labels: Record<string, string>;
  /** SQL giving one list row per record with display names joined in; `deletedAt` must be a column. */
  view: string;
  /** View columns a quick search looks in. */
  searchColumns: string[];
  /** Checks references and cross-field rules, returns the column values to store. */
  prepare: (ctx: Ctx, values: z.output<S>, before: Row | null) => Row;
  /** "新上村 张三": how a record is named in messages. */
  describe?: (row: R) => string;
  defaultSort?: string;
};

function viewColumns(sqlite: Database.Database, view: string): Set<string> {
  return new Set(sqlite.prepare(`select * from (${view}) limit 0`).columns().map((c) => c.name));
}

/** list, get, create, update, delete and restore for one register, from its declarative spec. */
export function registerMethods<S extends z.ZodObject, R extends ViewRow>(spec: RegisterSpec<S, R>) {
  const columnsCache = new WeakMap<Database.Database, Set<string>>();
  const columns = (ctx: Ctx) => {
    let c = columnsCache.get(ctx.ledger.sqlite);
    if (!c) columnsCache.set(ctx.ledger.sqlite, (c = viewColumns(ctx.ledger.sqlite, spec.view)));
    return c;
  };
  const getView = (ctx: Ctx, id: number) =>
    ctx.ledger.sqlite.prepare(`select * from (${spec.view}) where id = ?`).get(id) as R | undefined;
  const mustGet = (ctx: Ctx, id: number): Row => {
    const row = selectRow(ctx, spec.table, id);
    if (!row) throw new LedgerError(`找不到这条${spec.label}记录（编号 ${id}），可能已被删除`);
    return row;
  };
  const validate = (values: Record<string, unknown>) => {
    // Every field present (absent ones as null) so each field's own rule decides: required, default or null.
    const full = Object.fromEntries(Object.keys(spec.fields.shape).map((k) => [k, values[k] ?? null]));
    const r = spec.fields.safeParse(full);
    if (!r.success) {
      const problems = r.error.issues.map((i) => {
        const field = String(i.path[0] ?? '');
        return { field, message: `${spec.labels[field] ?? field}：${i.message}` };
      });
      throw new LedgerError(problems.map((p) => p.message).join('；'), problems);
    }
    return r.data as z.output<S>;
  };
  const patchInput = z.object({ id: z.number().int().positive(), patch: z.record(z.string(), z.unknown()) });

  return {
    list: method(listInput, (ctx, q): ListResult<R> => {
      const cols = columns(ctx);
      const where: string[] = [q.deleted ? 'deletedAt is not null' : 'deletedAt is null'];
      const params: unknown[] = [];
      for (const [k, v] of Object.entries(q.filters ?? {})) {
        if (!cols.has(k)) throw new LedgerError(`无法按“${k}”筛选`);
        if (v === null) where.push(`"${k}" is null`);
        else { where.push(`"${k}" = ?`); params.push(typeof v === 'boolean' ? Number(v) : v); }
      }
      const words = (q.search ?? '').trim().split(/\s+/).filter(Boolean);
      for (const w of words) {
        where.push(`(${spec.searchColumns.map((c) => `"${c}" like ? escape '\\'`).join(' or ')})`);
        const like = `%${w.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
        params.push(...spec.searchColumns.map(() => like));
      }
      const order = (q.sort ?? []).filter((s) => cols.has(s.column)).map((s) => `"${s.column}" ${s.dir}`);
      order.push(spec.defaultSort ?? 'id');
      const sql = `from (${spec.view}) where ${where.join(' and ')}`;
      const db = ctx.ledger.sqlite;
      const total = (db.prepare(`select count(*) as n ${sql}`).get(...params) as { n: number }).n;
      const rows = db.prepare(`select * ${sql} order by ${order.join(', ')} limit ? offset ?`).all(...params, q.limit, q.offset) as R[];
      return { rows, total };
    }),

    get: method(z.object({ id: z.number().int().positive() }), (ctx, { id }) => {
      const row = getView(ctx, id);
      if (!row) throw new LedgerError(`找不到这条${spec.label}记录（编号 ${id}）`);
      return row;
    }),

    create: method(z.record(z.string(), z.unknown()), (ctx, input): R =>
      ctx.ledger.sqlite.transaction(() => {
        const values = spec.prepare(ctx, validate(input), null);
        const row = insertAudited(ctx, spec.table, values);
        return getView(ctx, row.id as number)!;
      })(),
    ),

    update: method(patchInput, (ctx, { id, patch }): { row: R; changed: string[] } =>
      ctx.ledger.sqlite.transaction(() => {
        const before = mustGet(ctx, id);
        if (before.deletedAt) throw new LedgerError(`这条${spec.label}记录已删除，请先恢复再修改`);
        const merged = { ...pick(before, Object.keys(spec.fields.shape)), ...patch };
        const values = spec.prepare(ctx, validate(merged), before);
        const { changed } = updateAudited(ctx, spec.table, before, values);
        return { row: getView(ctx, id)!, changed };
      })(),
    ),

    delete: method(z.object({ ids: z.array(z.number().int().positive()).min(1).max(100000) }), (ctx, { ids }) =>
      ctx.ledger.sqlite.transaction(() => {
        let deleted = 0;
        const at = new Date().toISOString();
        for (const id of ids) {
          const before = mustGet(ctx, id);
          if (!before.deletedAt) { updateAudited(ctx, spec.table, before, { deletedAt: at }); deleted++; }
        }
        return { deleted };
      })(),
    ),

    restore: method(z.object({ ids: z.array(z.number().int().positive()).min(1).max(100000) }), (ctx, { ids }) =>
      ctx.ledger.sqlite.transaction(() => {
        let restored = 0;
        for (const id of ids) {
          const before = mustGet(ctx, id);
          if (before.deletedAt) {
            const values = spec.prepare(ctx, validate(pick(before, Object.keys(spec.fields.shape))), before);
            updateAudited(ctx, spec.table, before, { ...values, deletedAt: null });
            restored++;
          }
        }
        return { restored };
      })(),
    ),
  };
}

function pick(row: Row, keys: string[]): Row {
  return Object.fromEntries(keys.filter((k) => k in row).map((k) => [k, row[k]]));
}
