import Database from 'better-sqlite3';

/** Every row of every table, in order, by table: two ledgers with equal dumps hold exactly the same data. */
export function dumpTables(file: string): Record<string, string[]> {
  const db = new Database(file);
  try {
    const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) =>
      [name, (db.prepare(`select * from "${name}" order by rowid`).raw().all() as unknown[][]).map((r) => JSON.stringify(r))]));
  } finally {
    db.close();
  }
}

export const dumpLedger = (file: string) => JSON.stringify(dumpTables(file));
