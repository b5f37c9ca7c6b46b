import type Database from 'better-sqlite3';
import { sameValue } from '../../api/write';
import { IdSet } from './id-set';

export type Row = Record<string, unknown> & { id: number };

const camelNames = new Map<string, string>();
/** Column names are few and met once per row: converted once. */
const camel = (s: string) => {
  let c = camelNames.get(s);
  if (c === undefined) camelNames.set(s, (c = s.replace(/_([a-z])/g, (_m, x: string) => x.toUpperCase())));
  return c;
};
/** Audit rows carry the same camelCase keys as the ones the registers write through drizzle. */
export const auditShape = (row: Record<string, unknown>) => {
  const out: Record<string, unknown> = {};
  for (const k in row) out[camel(k)] = row[k];
  return out;
};
/**
 * Audit rows queued before they are written, a statement per table: each statement's fixed cost
 * (its JSON of ids, its plan) is spread over this many rows; the queue is held in memory until then.
 */
const AUDIT_BATCH = 512;
const bindable = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : v === undefined ? null : v);

/**
 * The import's writes: prepared statements straight on better-sqlite3 (the bulk path, several times
 * faster than drizzle), each write with its audit row carrying the batch for rollback.
 */
export class Writer {
  /** Prepared statements by their SQL, or a row's insert by table and columns (its SQL is not rebuilt for every row). */
  private stmts = new Map<string, Database.Statement>();
  batchId: number | null = null;
  writes = 0;
  /** Records this import has already added or changed, by table: a later row landing on one is a duplicate. */
  private readonly touched = new Map<string, IdSet>();
  /** The pairing the last T1 row matched or added, and its cadre's unit (for complete rosters). */
  listedPairing: { unit: number; pairing: number } | null = null;
  private rowStart = 0;
  private rowTouched: [IdSet, number][] = [];

  /** Whether a row is being applied, and whether its savepoint is open (it opens at the row's first write). */
  private inRow = false;
  private rowSaved = false;

  /**
   * A row's writes may be undone to its savepoint; these keep the counts in step with the database.
   * The savepoint is opened only when the row first writes: a row that writes nothing (a second
   * import of the same file) costs no savepoint at all.
   */
  startRow(): void {
    this.rowStart = this.writes;
    this.rowTouched = [];
    this.rowQueued = this.queued.length;
    this.rowAudit = this.nextAudit;
    this.writtenInRow = [];
    this.inRow = true;
    this.rowSaved = false;
  }

  /** The row went through: its writes stay in the batch's transaction. */
  keepRow(): void {
    if (this.rowSaved) this.prep('release import_row').run();
    this.inRow = this.rowSaved = false;
    this.writtenInRow = [];
    // Outside any savepoint: what is written now stays whatever later rows do.
    if (this.queued.length >= AUDIT_BATCH) this.flushAudits();
  }

  /** The row is refused: whatever it wrote is undone. */
  abandonRow(): void {
    if (this.rowSaved) {
      this.prep('rollback to import_row').run();
      this.prep('release import_row').run();
      // The row's own audit rows go; earlier rows' ones written inside its savepoint were undone with it.
      this.queued.splice(this.rowQueued);
      this.queued.unshift(...this.writtenInRow);
      // The row's history ids are given to the next row's writes, as SQLite gives back its records' ids.
      this.nextAudit = this.rowAudit;
    }
    this.writtenInRow = [];
    this.inRow = this.rowSaved = false;
    this.writes = this.rowStart;
    for (const [ids, id] of this.rowTouched) ids.delete(id);
    this.rowTouched = [];
  }

  /**
   * The row's last step: nothing after it can refuse the row, so when the row has not written yet its
   * writes here need no savepoint (an error inside them aborts the whole batch, not the row).
   */
  lastStep<T>(work: () => T): T {
    this.last = true;
    try {
      return work();
    } finally {
      this.last = false;
    }
  }

  private last = false;

  private beforeWrite(): void {
    if (this.inRow && !this.rowSaved && !this.last) {
      this.prep('savepoint import_row').run();
      this.rowSaved = true;
    }
  }

  private touch(table: string, id: number): void {
    let ids = this.touched.get(table);
    if (!ids) this.touched.set(table, (ids = new IdSet()));
    if (!ids.has(id)) { ids.add(id); this.rowTouched.push([ids, id]); }
  }

  /** Whether this import has already added or changed the record. */
  wasTouched(table: string, id: number): boolean {
    return this.touched.get(table)?.has(id) ?? false;
  }

  constructor(readonly db: Database.Database) {}

  prep(sql: string): Database.Statement {
    return this.statement(sql, () => sql);
  }

  /** A statement kept by `key` (its SQL, or `table(columns)`: no SQL has such a key), prepared once. */
  private statement(key: string, sql: () => string): Database.Statement {
    let s = this.stmts.get(key);
    if (!s) this.stmts.set(key, (s = this.db.prepare(sql())));
    return s;
  }

  get<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.prep(sql).get(...params) as T | undefined;
  }

  all<T>(sql: string, ...params: unknown[]): T[] {
    return this.prep(sql).all(...params) as T[];
  }

  /**
   * The audit row of a write, its `after` built by SQLite from the row as stored (json_object over the
   * table's columns, camelCase keys in column order: what JSON.stringify(auditShape(row)) gives), so no
   * written row is read back into JavaScript. Its id is given now, in the order of the writes, so the
   * history reads as it was written however the queue is written (flushAudits).
   */
  private audit(table: string, id: number, action: 'create' | 'update', before: string | null): void {
    if (this.nextAudit === 0) {
      // As AUTOINCREMENT would give them: past every id the table has had (inside the batch's transaction, so no one else writes).
      this.nextAudit = 1 + (this.db.prepare(`select max(coalesce((select seq from sqlite_sequence where name = 'audit_log'), 0),
        coalesce((select max(id) from audit_log), 0))`).pluck().get() as number);
      this.rowAudit = this.nextAudit;
    }
    this.queued.push({ table, id, action, before, audit: this.nextAudit++ });
    this.writes++;
  }

  /** Audit rows not yet written, in the order of their writes, each with its id in audit_log. */
  private queued: { table: string; id: number; action: 'create' | 'update'; before: string | null; audit: number }[] = [];
  /** The next audit row's id (0: not yet read), and the open row's first (given back when it is refused). */
  private nextAudit = 0;
  private rowAudit = 0;
  /** Where the open row's own queued audit rows begin (those dropped when the row is refused). */
  private rowQueued = 0;
  /** Earlier rows' audit rows written inside the open row's savepoint: queued again if it is rolled back. */
  private writtenInRow: Writer['queued'] = [];
  /** Each table's statement writing its queued audit rows. */
  private auditStmts = new Map<string, Database.Statement>();

  /** Whether an audit row of this record waits in the queue (it reads the record when written). */
  private isQueued(table: string, id: number): boolean {
    if (!this.wasTouched(table, id)) return false;
    for (const e of this.queued) if (e.id === id && e.table === table) return true;
    return false;
  }

  /**
   * Writes the queued audit rows: one INSERT … SELECT per table, its rows' ids, actions and `before`
   * given as one JSON array, its `after` read from the table by id. Each `after` is read now, so the
   * queue is written before any queued record changes again (update) and before the batch ends (finish).
   */
  private flushAudits(): void {
    const q = this.queued;
    if (q.length === 0) return;
    if (this.rowSaved) this.writtenInRow.push(...q.slice(0, this.rowQueued));
    const byTable = new Map<string, unknown[]>();
    for (const e of q) {
      let list = byTable.get(e.table);
      if (!list) byTable.set(e.table, (list = []));
      list.push([e.audit, e.id, e.action, e.before]);
    }
    for (const [table, list] of byTable) this.auditStatement(table).run(this.batchId, JSON.stringify(list));
    this.queued = [];
    this.rowQueued = 0;
  }

  private auditStatement(table: string): Database.Statement {
    let stmt = this.auditStmts.get(table);
    if (stmt === undefined) {
      const cols = this.db.prepare('select name from pragma_table_info(?) order by cid').pluck().all(table) as string[];
      const after = `json_object(${cols.map((c) => `'${camel(c)}', t."${c}"`).join(', ')})`;
      // CROSS JOIN: the queue's list drives, each record found by its id.
      stmt = this.db.prepare(`insert into audit_log (id, table_name, row_id, action, before, after, batch_id, source)
        select q.value ->> 0, '${table}', t.id, q.value ->> 2, q.value ->> 3, ${after}, ?, 'import'
        from json_each(?) q cross join "${table}" t on t.id = q.value ->> 1`);
      this.auditStmts.set(table, stmt);
    }
    return stmt;
  }

  /** The batch's writes are done: its last audit rows are written (before the summary and the commit). */
  finish(): void {
    this.flushAudits();
  }

  /** Adds a record; returns its id with the values given (what callers read of a new record). */
  insert(table: string, values: Record<string, unknown>): Row {
    const cols = Object.keys(values);
    return { ...values, id: this.insertColumns(table, cols, cols.map((c) => values[c])) };
  }

  /**
   * Adds a record and returns it as stored, its defaults (created_at …) included, read by the insert
   * itself (RETURNING) instead of a look-up after it: for records the import keeps using (households).
   */
  insertReturning(table: string, values: Record<string, unknown>): Row {
    this.beforeWrite();
    const cols = Object.keys(values);
    const row = this.insertStatement(table, cols, ' returning *').get(cols.map((c) => bindable(values[c]))) as Row;
    this.created(table, row.id);
    return row;
  }

  /**
   * Adds a record from its columns and their values (in the same order); returns its id. The bulk
   * path: one statement per table and column list, prepared once, and no object built per row.
   */
  insertColumns(table: string, cols: string[], values: unknown[]): number {
    this.beforeWrite();
    for (let i = 0; i < values.length; i++) values[i] = bindable(values[i]);
    const id = Number(this.insertStatement(table, cols, '').run(values).lastInsertRowid);
    this.created(table, id);
    return id;
  }

  /** One prepared insert per table, column list and tail (`returning *` or none). */
  private insertStatement(table: string, cols: string[], tail: string) {
    return this.statement(`${table}(${cols.join(',')})${tail}`, () => `insert into ${table} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})${tail}`);
  }

  private created(table: string, id: number): void {
    this.audit(table, id, 'create', null);
    this.touch(table, id);
  }

  /** Writes the columns that really change; returns their names (none: nothing written, no audit). */
  update(table: string, before: Row, values: Record<string, unknown>): string[] {
    const changed = this.changes(before, values);
    if (changed.length === 0) return changed;
    this.beforeWrite();
    // A queued audit row of this record reads it when written: written before the record changes.
    if (this.isQueued(table, before.id)) this.flushAudits();
    this.prep(`update ${table} set ${changed.map((c) => `${c} = ?`).join(', ')}, updated_at = ? where id = ?`)
      .run(...changed.map((c) => bindable(values[c])), new Date().toISOString(), before.id);
    this.audit(table, before.id, 'update', JSON.stringify(auditShape(before)));
    this.touch(table, before.id);
    return changed;
  }

  /** The columns an update with these values would change (an empty cell never clears a stored value). */
  changes(before: Row, values: Record<string, unknown>): string[] {
    return Object.keys(values).filter((k) => values[k] !== undefined && !sameValue(before[k], values[k]));
  }
}
