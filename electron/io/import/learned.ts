import type Database from 'better-sqlite3';
import type { SheetCode } from '../sheets';
import { normHeader, type LearnedWords, type Recognition } from './recognize';

/** Column choices the clerk made in a preview, kept per unit so the next sheet from that unit maps itself. */
const KEY = 'import.mappings';
type Stored = Record<string, LearnedWords>;

export function loadLearned(db: Database.Database): Stored {
  const row = db.prepare('select value from settings where key = ?').get(KEY) as { value: string } | undefined;
  try {
    return row ? (JSON.parse(row.value) as Stored) : {};
  } catch {
    return {};
  }
}

/** Remembers, for the sheet's unit and kind, which header means which field (null: a column to ignore). */
export function rememberChoices(db: Database.Database, entries: { unit: string; code: SheetCode; rec: Recognition; columns: Record<string, string | null> }[]): void {
  if (entries.length === 0) return;
  const all = loadLearned(db);
  for (const e of entries) {
    const words = ((all[e.unit] ??= {})[e.code] ??= {});
    for (const [idx, key] of Object.entries(e.columns)) {
      const header = e.rec.columns[Number(idx)]?.header;
      if (header) words[normHeader(header)] = key;
    }
  }
  const before = db.prepare('select value from settings where key = ?').get(KEY) as { value: string } | undefined;
  db.prepare('insert into settings (key, value) values (?, ?) on conflict(key) do update set value = excluded.value').run(KEY, JSON.stringify(all));
  db.prepare("insert into audit_log (table_name, row_id, action, before, after, source) values ('settings', 0, 'update', ?, ?, 'import')")
    .run(before ? JSON.stringify({ [KEY]: JSON.parse(before.value) }) : null, JSON.stringify({ [KEY]: all }));
}
