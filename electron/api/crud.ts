import type Database from 'better-sqlite3';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { fieldMessage } from '../values/zod';
import { zhCompare } from '../values/zh-order';
import { deleteWithDependents, openDeletionOf, planDelete, restoreDeletion } from './deletes';
import { LedgerError, method, type Ctx } from './define';
import { jsonFor } from './raw-json';
import { REGISTERS } from './register-specs';
import { insertAudited, selectRow, updateAudited } from './write';
import type { PageResult } from './page-rows';

type Row = Record<string, unknown>;
/** A list row: at least its id; a register may declare its full shape. */
type ViewRow = Row & { id: number };

export const listInput = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(20000).default(500),
  search: z.string().max(200).optional(),
  /** Exact matches on columns of the list view, e.g. { villageId: 3 }. */
  filters: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  sort: z.array(z.object({ column: z.string(), dir: z.enum(['asc', 'desc']) })).max(4).optional(),
  deleted: z.boolean().default(false),
  /**
   * Keyset paging for loading a whole register: rows with a larger id, in id order (offset and sort
   * are ignored). Each page costs the same however far in, and rows added meanwhile are neither
   * skipped nor repeated.
   */
  afterId: z.number().int().min(0).optional(),
});
export type ListInput = z.input<typeof listInput>;
export type ListResult<R> = { rows: R[]; total: number };

/** Columns of a register's view that no grid shows; a page leaves them out (the record's history and file have them). */
const NOT_IN_GRID = new Set(['createdAt', 'updatedAt', 'deleted_at', 'deletedAt']);

/** A page of the whole register for the grid to load: rows with a larger id (up to `untilId`), in id order, without NOT_IN_GRID. */
export const pageInput = z.object({
  afterId: z.number().int().min(0).default(0),
  untilId: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(200000).default(20000),
  /** Count the register's rows too (the first page asks; later pages need not pay for it again). */
  count: z.boolean().default(false),
  /**
   * The largest id of a live row too (`lastId`): the grid cuts the ids after its first page into ranges
   * and asks for them all as that page arrives, without waiting for anything else.
   */
  lastId: z.boolean().default(false),
});
export type { PageResult };
type PageInput = z.output<typeof pageInput>;
/** Where to cut the register into pages: the first page's `first` rows, then pages of `every` rows. */
export const cutsInput = z.object({
  first: z.number().int().min(1).max(200000),
  every: z.number().int().min(1).max(200000),
});
/** `ends`: the id of the last row of each full page, in order; `total`: the register's live rows. */
export type PageCuts = { ends: number[]; total: number };

/** Which of the grid's gestures made a write, so that 操作记录 can tell an edit from a paste. */
export const writeSource = z.enum(['edit', 'paste', 'fill', 'undo', 'redo']);
export type WriteSource = z.infer<typeof writeSource>;

const patchInput = z.object({ id: z.number().int().positive(), patch: z.record(z.string(), z.unknown()), source: writeSource.optional() });
const idsInput = z.object({ ids: z.array(z.number().int().positive()).min(1).max(100000), source: writeSource.optional() });
/** cascade: the clerk has said that a unit's cadres, or a cadre's pairings, go with it. */
const deleteInput = idsInput.extend({ cascade: z.boolean().default(false) });

export const batchOp = z.discriminatedUnion('op', [
  z.object({ op: z.literal('create'), values: z.record(z.string(), z.unknown()) }),
  z.object({ op: z.literal('update'), id: z.number().int().positive(), patch: z.record(z.string(), z.unknown()) }),
  z.object({ op: z.literal('delete'), ids: z.array(z.number().int().positive()).min(1).max(100000), cascade: z.boolean().optional() }),
  z.object({ op: z.literal('restore'), ids: z.array(z.number().int().positive()).min(1).max(100000) }),
]);
export type BatchOp = z.infer<typeof batchOp>;
const batchInput = z.object({ ops: z.array(batchOp).min(1).max(100000), source: writeSource.optional() });
/** A refused op: which op (index into ops), which field ('' for the whole row), why. */
export type BatchProblem = { index: number; field: string; message: string };
export type BatchResult<R> = { ok: true; rows: R[]; inverse: BatchOp[] } | { ok: false; problems: BatchProblem[] };

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
  const tableName = getTableConfig(spec.table).name;
  REGISTERS.set(tableName, {
    table: tableName, label: spec.label, labels: spec.labels,
    restoreValues: (ctx, before) => spec.prepare(ctx, validate(pick(before, Object.keys(spec.fields.shape))), before),
  });
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
        return { field, message: fieldMessage(spec.labels[field] ?? field, i.message) };
      });
      throw new LedgerError(problems.map((p) => p.message).join('；'), problems);
    }
    return r.data as z.output<S>;
  };

  /** A page as SQLite writes it: the column names once, an array of values per row (page-rows.ts). */
  const readPage = (ctx: Ctx, q: PageInput): string => {
    const names = [...columns(ctx)].filter((c) => !NOT_IN_GRID.has(c));
    const values = names.map((c) => `"${c.replace(/"/g, '""')}"`).join(', ');
    const from = `from (${spec.view}) where deletedAt is null`;
    return ctx.ledger.sqlite.prepare(
      `select json_object('total', ${q.count ? `(select count(*) ${from})` : 'null'},
        ${q.lastId ? `'lastId', (select max(id) ${from}),` : ''} 'columns', json(?),
        'rows', json_group_array(json_array(${values}) order by id))
      from (select * ${from} and id > ? and id <= ? order by id limit ?)`,
    ).pluck().get(JSON.stringify(names), q.afterId, q.untilId ?? Number.MAX_SAFE_INTEGER, q.limit) as string;
  };

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
      if (q.afterId !== undefined) {
        const rows = db.prepare(`select * ${sql} and id > ? order by id limit ?`).all(...params, q.afterId, q.limit) as R[];
        return { rows, total };
      }
      // Sort and page on the ids alone, then read the full rows of the page: the view's joined and
      // computed columns are then worked out for one page, not for every row the sort passes over.
      const sorts = (q.sort ?? []).filter((s) => cols.has(s.column));
      const ids = sorts.length
        ? pinyinSortedIds(db, sql, params, sorts).slice(q.offset, q.offset + q.limit)
        : db.prepare(`select id ${sql} order by ${order.join(', ')} limit ? offset ?`).pluck().all(...params, q.limit, q.offset) as number[];
      const byId = new Map((db.prepare(`select * from (${spec.view}) where id in (select value from json_each(?))`).all(JSON.stringify(ids)) as R[]).map((r) => [r.id, r]));
      return { rows: ids.map((id) => byId.get(id)!), total };
    }),

    /**
     * The grid's bulk load, the rows written as JSON by SQLite itself (an array of values per row, in id
     * order: page-rows.ts) and spliced into the HTTP answer as they are: never JavaScript objects in the
     * backend, never cloned to the server's thread or stringified again; the window makes the row objects
     * (`pageRows`). Only what a grid shows: the bookkeeping columns (NOT_IN_GRID) are left out.
     */
    page: method(pageInput, (ctx, q): PageResult => jsonFor(ctx.transport, readPage(ctx, q)) as PageResult),

    /**
     * Where a whole load's pages of `every` rows end, and the register's count (the grid's footer says
     * how many rows are coming while they load): a walk down the id index, no row read. Ranges by id
     * neither skip nor repeat a row added or deleted meanwhile.
     */
    pageCuts: method(cutsInput, (ctx, q): PageCuts => {
      const from = `from (${spec.view}) where deletedAt is null`;
      const db = ctx.ledger.sqlite;
      const nth = db.prepare(`select id ${from} and id > ? order by id limit 1 offset ?`).pluck();
      const ends: number[] = [];
      for (let after = 0, step = q.first; ; step = q.every) {
        const id = nth.get(after, step - 1) as number | undefined;
        if (id === undefined) break;
        ends.push(id);
        after = id;
      }
      const rest = db.prepare(`select count(*) ${from} and id > ?`).pluck().get(ends.at(-1) ?? 0) as number;
      const total = ends.length ? q.first + (ends.length - 1) * q.every + rest : rest;
      return { ends, total };
    }),

    get: method(z.object({ id: z.number().int().positive() }), (ctx, { id }) => {
      const row = getView(ctx, id);
      if (!row) throw new LedgerError(`找不到这条${spec.label}记录（编号 ${id}）`);
      return row;
    }),

    create: method(z.record(z.string(), z.unknown()), (ctx, input): R =>
      ctx.ledger.sqlite.transaction(() => getView(ctx, createOne(ctx, input))!)(),
    ),

    update: method(patchInput, (ctx, { id, patch, source }): { row: R; changed: string[] } =>
      ctx.ledger.sqlite.transaction(() => {
        const { changed } = updateOne(ctx, id, patch, source);
        return { row: getView(ctx, id)!, changed };
      })(),
    ),

    /**
     * What deleting these records takes with it ("新上村 武荣强：1 个结对、2 次走访将一并删除"), and
     * which cannot go without the clerk's say (a unit's live cadres, a cadre's live pairings).
     */
    deletePlan: method(deleteInput, (ctx, { ids, cascade }) => planDelete(ctx, tableName, ids, cascade)),

    /** Each record with what hangs on it, as one delete action each (回收站 brings the same set back). */
    delete: method(deleteInput, (ctx, { ids, cascade, source }) =>
      ctx.ledger.sqlite.transaction(() => ({ deleted: ids.filter((id) => deleteOne(ctx, id, cascade, source)).length }))(),
    ),

    restore: method(idsInput, (ctx, { ids, source }) =>
      ctx.ledger.sqlite.transaction(() => ({ restored: ids.filter((id) => restoreOne(ctx, id, source)).length }))(),
    ),

    /**
     * Many creates, updates, deletes and restores as ONE transaction: all are applied or none. Every
     * op is tried so that the answer names every problem (op index, field, message), not just the
     * first. On success each op's inverse comes back, so a paste or a fill can be undone in one step.
     */
    batch: method(batchInput, (ctx, { ops, source }): BatchResult<R> => {
      const problems: BatchProblem[] = [];
      const applied: { rows: R[]; inverse: BatchOp[] } = { rows: [], inverse: [] };
      const rollback = new Error('rollback');
      try {
        ctx.ledger.sqlite.transaction(() => {
          ops.forEach((op, index) => {
            try {
              const touched: number[] = [];
              if (op.op === 'create') {
                const id = createOne(ctx, op.values, source);
                touched.push(id);
                applied.inverse.push({ op: 'delete', ids: [id] });
              } else if (op.op === 'update') {
                const before = mustGet(ctx, op.id);
                const { changed } = updateOne(ctx, op.id, op.patch, source);
                touched.push(op.id);
                if (changed.length) applied.inverse.push({ op: 'update', id: op.id, patch: pick(before, changed) });
              } else if (op.op === 'delete') {
                const done = op.ids.filter((id) => deleteOne(ctx, id, op.cascade ?? false, source));
                if (done.length) applied.inverse.push({ op: 'restore', ids: done });
                touched.push(...op.ids);
              } else {
                const done = op.ids.filter((id) => restoreOne(ctx, id, source));
                // Redoing a delete the clerk already confirmed: what came back with the record goes again.
                if (done.length) applied.inverse.push({ op: 'delete', ids: done, cascade: true });
                touched.push(...op.ids);
              }
              for (const id of touched) applied.rows.push(getView(ctx, id)!);
            } catch (e) {
              if (!(e instanceof LedgerError)) throw e;
              if (e.problems.length) problems.push(...e.problems.map((p) => ({ index, field: p.field, message: p.message })));
              else problems.push({ index, field: '', message: e.message });
            }
          });
          if (problems.length) throw rollback;
        })();
      } catch (e) {
        if (e !== rollback) throw e;
        return { ok: false, problems };
      }
      // Undo runs the inverses newest first, so that an update after a create is undone before the delete.
      return { ok: true, rows: applied.rows, inverse: applied.inverse.reverse() };
    }),
  };

  function createOne(ctx: Ctx, input: Record<string, unknown>, source: WriteSource = 'edit'): number {
    const values = spec.prepare(ctx, validate(input), null);
    return insertAudited(ctx, spec.table, values, { source }).id as number;
  }
  function updateOne(ctx: Ctx, id: number, patch: Record<string, unknown>, source: WriteSource = 'edit'): { changed: string[] } {
    const before = mustGet(ctx, id);
    if (before.deletedAt) throw new LedgerError(`这条${spec.label}记录已删除，请先恢复再修改`);
    const merged = { ...pick(before, Object.keys(spec.fields.shape)), ...patch };
    const values = spec.prepare(ctx, validate(merged), before);
    return updateAudited(ctx, spec.table, before, values, { source });
  }
  function deleteOne(ctx: Ctx, id: number, cascade: boolean, source: WriteSource = 'edit'): boolean {
    mustGet(ctx, id);
    return deleteWithDependents(ctx, tableName, id, { cascade, source });
  }
  /** A record the clerk deleted comes back with the set deleted with it; one deleted with another comes back alone. */
  function restoreOne(ctx: Ctx, id: number, source: WriteSource = 'edit'): boolean {
    const before = mustGet(ctx, id);
    if (!before.deletedAt) return false;
    const deletion = openDeletionOf(ctx, tableName, id);
    if (deletion !== undefined) return restoreDeletion(ctx, deletion, source).restored > 0;
    const values = spec.prepare(ctx, validate(pick(before, Object.keys(spec.fields.shape))), before);
    updateAudited(ctx, spec.table, before, { ...values, deletedAt: null }, { source });
    return true;
  }
}

/**
 * A list sorted by the clerk's columns, Chinese text in pinyin order (丁 < 龚 < 吕) as the grids sort it.
 * SQLite orders text by code point and better-sqlite3 cannot register a collation, so the ids and the
 * sorted columns are read and sorted here with the grids' own collator (electron/values/zh-order.ts):
 * one rule for both, no stored sort keys to keep up to date. Nulls first, as SQLite puts them.
 */
function pinyinSortedIds(db: Database.Database, sql: string, params: unknown[], sorts: { column: string; dir: 'asc' | 'desc' }[]): number[] {
  const rows = db.prepare(`select id, ${sorts.map((s, i) => `"${s.column}" as s${i}`).join(', ')} ${sql}`).raw().all(...params) as unknown[][];
  const cmp = (a: unknown, b: unknown): number => {
    if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
    if (typeof a === 'string' && typeof b === 'string') return zhCompare(a, b);
    return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
  };
  rows.sort((x, y) => {
    for (let i = 0; i < sorts.length; i++) {
      const c = cmp(x[i + 1], y[i + 1]);
      if (c) return sorts[i].dir === 'asc' ? c : -c;
    }
    return (x[0] as number) - (y[0] as number);
  });
  return rows.map((r) => r[0] as number);
}

function pick(row: Row, keys: string[]): Row {
  return Object.fromEntries(keys.filter((k) => k in row).map((k) => [k, row[k]]));
}
