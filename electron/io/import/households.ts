import { KeyFilter } from './key-filter';
import type { Row, Writer } from './writer';

const nameKey = (villageId: unknown, head: unknown) => `${String(villageId)}|${String(head)}`;

/**
 * Keys kept before the cache starts again empty: a file names a household on neighbouring rows, so a
 * few thousand are enough to spare the lookups, and memory stays the same however long the file is.
 */
const KEPT = 10_000;

/**
 * The live households an import looks up, by ID number and by village and head, each read from the
 * ledger once and then kept: a file names the same household on many rows (four plots, a year of
 * visits). A household the import writes is read back and put in; the keys a refused row wrote are
 * forgotten when it is rolled back to its savepoint, so the next look asks the ledger again.
 */
export class HouseholdCache {
  /** ID number → the live household holding it, or null: none does. */
  private byId = new Map<string, Row | null>();
  /** village id | head → every live household of that name in that village (with or without an ID number). */
  private byName = new Map<string, Row[]>();
  /** Keys written by the row being applied (forgotten if it is refused). */
  private rowKeys: { id: string | null; name: string }[] = [];

  /** ID numbers and village|head keys the ledger may hold: a new household's look-ups are spared. */
  private readonly idNumbers: KeyFilter;
  private readonly names: KeyFilter;

  constructor(private readonly w: Writer) {
    this.idNumbers = new KeyFilter(() => w.db.prepare('select id_number from households where id_number is not null and deleted_at is null').pluck().iterate());
    this.names = new KeyFilter(() => w.db.prepare("select village_id || '|' || head from households where deleted_at is null").pluck().iterate());
  }

  /** Before a key is added: a full cache starts again (what it held is asked of the ledger again, which has it). */
  private room(): void {
    if (this.byId.size + this.byName.size >= KEPT) {
      this.byId.clear();
      this.byName.clear();
    }
  }

  withIdNumber(idNumber: string): Row | null {
    let row = this.byId.get(idNumber);
    if (row === undefined) {
      this.room();
      row = this.idNumbers.mayHave(idNumber) ? this.w.get<Row>('select * from households where id_number = ? and deleted_at is null', idNumber) ?? null : null;
      this.byId.set(idNumber, row);
    }
    return row;
  }

  named(villageId: number, head: string): Row[] {
    const key = nameKey(villageId, head);
    let rows = this.byName.get(key);
    if (rows === undefined) {
      this.room();
      rows = this.names.mayHave(key) ? this.w.all<Row>('select * from households where village_id = ? and head = ? and deleted_at is null order by id', villageId, head) : [];
      this.byName.set(key, rows);
    }
    return rows;
  }

  /**
   * The import added household `id`, or changed `before` (its row as it was): the cache takes the row
   * as now stored (`stored`: as the insert gave it back; otherwise read).
   */
  wrote(id: number, before: Row | null, stored?: Row): void {
    const now = stored ?? this.w.get<Row>('select * from households where id = ?', id)!;
    if (now.id_number !== null) this.idNumbers.add(String(now.id_number));
    this.names.add(nameKey(now.village_id, now.head));
    const keys = [before, now].filter((r): r is Row => r !== null)
      .map((r) => ({ id: r.id_number === null ? null : String(r.id_number), name: nameKey(r.village_id, r.head) }));
    this.rowKeys.push(...keys);
    for (const k of keys) {
      if (k.id !== null) this.byId.delete(k.id);
      const list = this.byName.get(k.name);
      if (list) this.byName.set(k.name, list.filter((r) => r.id !== id));
    }
    if (now.id_number !== null) {
      this.room();
      this.byId.set(String(now.id_number), now);
    }
    const list = this.byName.get(nameKey(now.village_id, now.head));
    if (list) list.push(now);
  }

  /** The row's writes stay (true) or were rolled back (false: what they touched is asked of the ledger again). */
  endRow(kept: boolean): void {
    if (!kept) {
      for (const k of this.rowKeys) {
        if (k.id !== null) this.byId.delete(k.id);
        this.byName.delete(k.name);
      }
    }
    this.rowKeys = [];
  }
}
