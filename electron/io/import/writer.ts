import type Database from 'better-sqlite3';
import { sameValue } from '../../api/write';

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
const bindable = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : v === undefined ? null : v);

/**
 * The import's writes: prepared statements straight on better-sqlite3 (the bulk path, several times
 * faster than drizzle), each write with its audit row carrying the batch for rollback.
 */
export class Writer {
  private stmts = new Map<string, Database.Statement>();
  batchId: number | null = null;
  writes = 0;
  /** Records this import has already added or changed (`table:id`): a later row landing on one is a duplicate. */
  readonly touched = new Set<string>();
  /** The pairing the last T1 row matched or added, and its cadre's unit (for complete rosters). */
  listedPairing: { unit: number; pairing: number } | null = null;
  private rowStart = 0;
  private rowTouched: string[] = [];

  /** A row's writes may be rolled back to its savepoint; these keep the counts in step with the database. */
  startRow(): void {
    this.rowStart = this.writes;
    this.rowTouched = [];
  }

  abandonRow(): void {
    this.writes = this.rowStart;
    for (const k of this.rowTouched) this.touched.delete(k);
    this.rowTouched = [];
  }

  private touch(key: string): void {
    if (!this.touched.has(key)) { this.touched.add(key); this.rowTouched.push(key); }
  }

  constructor(readonly db: Database.Database) {}

  prep(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) this.stmts.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  get<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.prep(sql).get(...params) as T | undefined;
  }

  all<T>(sql: string, ...params: unknown[]): T[] {
    return this.prep(sql).all(...params) as T[];
  }

  private audit(table: string, id: number, action: 'create' | 'update', before: Row | null, after: Row): void {
    this.prep("insert into audit_log (table_name, row_id, action, before, after, batch_id, source) values (?, ?, ?, ?, ?, ?, 'import')")
      .run(table, id, action, before ? JSON.stringify(auditShape(before)) : null, JSON.stringify(auditShape(after)), this.batchId);
    this.writes++;
  }

  insert(table: string, values: Record<string, unknown>): Row {
    const cols = Object.keys(values);
    const row = this.prep(`insert into ${table} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')}) returning *`)
      .get(...cols.map((c) => bindable(values[c]))) as Row;
    this.audit(table, row.id, 'create', null, row);
    this.touch(`${table}:${row.id}`);
    return row;
  }

  /** Writes the columns that really change; returns their names (none: nothing written, no audit). */
  update(table: string, before: Row, values: Record<string, unknown>): string[] {
    const changed = this.changes(before, values);
    if (changed.length === 0) return changed;
    const row = this.prep(`update ${table} set ${changed.map((c) => `${c} = ?`).join(', ')}, updated_at = ? where id = ? returning *`)
      .get(...changed.map((c) => bindable(values[c])), new Date().toISOString(), before.id) as Row;
    this.audit(table, row.id, 'update', before, row);
    this.touch(`${table}:${row.id}`);
    return changed;
  }

  /** The columns an update with these values would change (an empty cell never clears a stored value). */
  changes(before: Row, values: Record<string, unknown>): string[] {
    return Object.keys(values).filter((k) => values[k] !== undefined && !sameValue(before[k], values[k]));
  }
}
