import type Database from 'better-sqlite3';
import type { SheetCode } from '../sheets';
import { normHeader, type LearnedWords, type Recognition } from './recognize';
import type { ValueDecisions } from './rows';
import type { Row, Writer } from './writer';

/**
 * What the clerk taught in previews, kept per unit (table import_learned): which header means which
 * column, and which listed value an unlisted word stands for. The rows are written through the
 * import's Writer, inside the batch's transaction and audited with it, so 撤销 takes them back.
 */
export type Learned = { columns: Record<string, LearnedWords>; values: Record<string, ValueDecisions>; rosters: Record<string, boolean> };

/** Ledgers from before the table kept column choices in one setting; read them as a fallback. */
const LEGACY_KEY = 'import.mappings';

export function loadLearned(db: Database.Database): Learned {
  const out: Learned = { columns: {}, values: {}, rosters: {} };
  const legacy = db.prepare('select value from settings where key = ?').get(LEGACY_KEY) as { value: string } | undefined;
  if (legacy) {
    try { out.columns = JSON.parse(legacy.value) as Record<string, LearnedWords>; } catch { /* an unreadable old setting teaches nothing */ }
  }
  const rows = db.prepare('select unit, what, sheet, field, word, value from import_learned').all() as { unit: string; what: 'column' | 'value' | 'roster'; sheet: string; field: string; word: string; value: string | null }[];
  for (const r of rows) {
    if (r.what === 'roster') { out.rosters[r.unit] = r.value === '1'; continue; }
    if (r.what === 'column') ((out.columns[r.unit] ??= {})[r.sheet as SheetCode] ??= {})[r.word] = r.value;
    else if (r.value !== null) ((out.values[r.unit] ??= {})[r.field] ??= {})[r.word] = r.value;
  }
  return out;
}

function put(w: Writer, key: { unit: string; what: 'column' | 'value' | 'roster'; sheet: string; field: string; word: string }, value: string | null): void {
  const existing = w.get<Row>('select * from import_learned where unit = ? and what = ? and sheet = ? and field = ? and word = ?', key.unit, key.what, key.sheet, key.field, key.word);
  if (existing) w.update('import_learned', existing, { value });
  else w.insert('import_learned', { ...key, value });
}

/** Remembers, for the sheet's unit and kind, which header means which field (null: a column to ignore). */
export function rememberColumns(w: Writer, entries: { unit: string; code: SheetCode; rec: Recognition; columns: Record<string, string | null> }[]): void {
  for (const e of entries) {
    for (const [idx, key] of Object.entries(e.columns)) {
      const header = e.rec.columns[Number(idx)]?.header;
      if (header) put(w, { unit: e.unit, what: 'column', sheet: e.code, field: '', word: normHeader(header) }, key);
    }
  }
}

/** Remembers, for a unit, what an unlisted word of a column stands for. */
export function rememberValues(w: Writer, entries: { unit: string; key: string; original: string; value: string }[]): void {
  for (const e of entries) put(w, { unit: e.unit, what: 'value', sheet: '', field: e.key, word: e.original }, e.value);
}

/** Remembers whether a unit's T1 is taken as its complete roster (the preview's switch), for its next sheets. */
export function rememberRosters(w: Writer, entries: { unit: string; on: boolean }[]): void {
  for (const e of entries) put(w, { unit: e.unit, what: 'roster', sheet: 'T1', field: '', word: '' }, e.on ? '1' : '0');
}
