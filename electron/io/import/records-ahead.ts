import type { CellValue, RawMerge } from '../read/types';
import type { RowBatch, SheetHead } from '../read/xlsx-stream';
import { SHEETS, type SheetCode } from '../sheets';
import { dataRowReader, type DataRow } from './extract';
import type { ColumnMap } from './recognize';
import { readValues, rowFields, type ReadValues, type RowIssues, type ValueDecisions } from './rows';
import type { Issue } from './types';

/**
 * What the reading process needs to read a streamed sheet's records as the importer would: the
 * sheet as recognised (kind, columns, header end) and the day and the clerk's answers the rows are
 * read with. Sent once the importer has planned the sheet.
 */
export type RecordPlan = { code: SheetCode; columns: ColumnMap[]; headerEnd: number; date1904: boolean; today: string; decisions: ValueDecisions };

/**
 * A record the reading process found and read, as it crosses to the importer: its row, its cells (the
 * preview, a refused row's record), then its values by the sheet's fields (rowFields; undefined: not
 * set), where `same` has a field's bit the value is its cell itself (most text: sent once, not twice),
 * and its problems (values null) or the notes reading it left. Positions, not a Map per row: a third
 * of the bytes, and as quick to take in as the rows themselves.
 */
export type WireRecord = [row: number, cells: CellValue[], values: unknown[] | null, same: number, extra: RowIssues | Issue[]];

/** A streamed batch as handed over: its rows as read, or, once the sheet is planned, its records already read (`rows` empty). */
export type HandedBatch = RowBatch & { records?: WireRecord[] };

/** Fields past this have no bit in `same` (a sheet has about twenty): their values are sent as they are. */
const SAME_BITS = 31;

function toWire(dr: DataRow, read: ReadValues, fields: readonly { key: string; index: number }[]): WireRecord {
  if ('issues' in read) return [dr.row, dr.cells, null, 0, read.issues];
  const values: unknown[] = new Array(fields.length);
  let same = 0;
  for (let i = 0; i < fields.length; i++) {
    const v = read.values.get(fields[i].key);
    if (v === undefined) continue;
    if (i < SAME_BITS && v === dr.cells[fields[i].index]) same |= 1 << i;
    else values[i] = v;
  }
  return [dr.row, dr.cells, values, same, read.notes];
}

/** The importer's side: a record as `readValues` gave it in the reading process (the same Map, in the same order). */
export function fromWire(w: WireRecord, fields: readonly { key: string; index: number }[]): DataRow {
  const [row, cells, values, same, extra] = w;
  if (values === null) return { row, cells, read: { issues: extra as RowIssues } };
  const map = new Map<string, unknown>();
  for (let i = 0; i < fields.length; i++) {
    const v = i < SAME_BITS && (same & (1 << i)) !== 0 ? cells[fields[i].index] : values[i];
    if (v !== undefined) map.set(fields[i].key, v);
  }
  return { row, cells, read: { values: map, notes: extra } };
}

/**
 * The reading process's side of a streamed sheet: once the importer's plan is here, each batch goes
 * over as records already read (extracted and converted here, where the process is otherwise idle,
 * while the importer writes), so the importer only matches and writes. The batches handed over before
 * the plan came stay rows, which the importer extracts itself; they are followed here too, so a merge
 * running across the change fills the same cells on both sides.
 */
export class RecordsAhead {
  /** Row batches handed over before the plan (none taken yet); null once records are read here, or never will be. */
  private sent: RowBatch[] | null = [];
  private next: ((rows: RowBatch['rows']) => WireRecord[]) | null = null;
  private merges: RawMerge[] = [];

  /** A new read. */
  reset(): void {
    this.sent = [];
    this.next = null;
    this.merges = [];
  }

  head(h: SheetHead): void {
    this.merges = h.merges;
  }

  /**
   * The importer took a batch. Taken before any plan came, the two sides would no longer agree on
   * which rows the importer extracts itself: this read stays rows to the end.
   */
  took(): void {
    if (this.next === null) this.sent = null;
  }

  plan(p: RecordPlan): void {
    const def = SHEETS.find((d) => d.code === p.code);
    if (this.sent === null || !def) return;
    const extract = dataRowReader(p.headerEnd, this.merges);
    for (const b of this.sent) for (const [r, cells] of b.rows) if (r > p.headerEnd) extract(r, cells);
    this.sent = null;
    const fields = rowFields(def, p.columns);
    this.next = (rows) => {
      const out: WireRecord[] = [];
      for (const [r, cells] of rows) {
        if (r <= p.headerEnd) continue;
        for (const dr of extract(r, cells)) out.push(toWire(dr, readValues(def, p.columns, dr, p.date1904, p.today, p.decisions), fields));
      }
      return out;
    };
  }

  /** The batch as it goes over. */
  hand(b: RowBatch): HandedBatch {
    if (this.next) return { rows: [], at: b.at, records: this.next(b.rows) };
    this.sent?.push(b);
    return b;
  }
}
