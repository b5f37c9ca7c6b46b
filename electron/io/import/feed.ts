import { ReadAborted, type ToRead, type WorkbookReader } from '../read/read';
import type { RawSheet, RawWorkbook } from '../read/types';
import type { RowBatch, SheetHead } from '../read/xlsx-stream';
import { BATCHES_AHEAD } from '../read/limits';
import { dataRowReader, type DataRow } from './extract';

/** Rows a recognition looks at: the header is found in the first 40, with at most two header rows below. */
const HEAD_ROWS = 45;

/**
 * A big one-sheet xlsx imported while it is read: the reading process hands its rows over in batches
 * and waits while BATCHES_AHEAD of them are not yet written, so the rows are written as they come and
 * neither process holds the whole sheet. Any other file comes back whole (`whole`), as from `read`.
 */
export class SheetFeed {
  head: SheetHead | null = null;
  whole: RawWorkbook | null = null;
  /** The read has ended (all batches are here, or it failed: `failed`). */
  ended = false;
  failed: unknown = null;
  /** Records (data rows) found so far. */
  count = 0;
  private at = 0;
  /** Batches come before the header is known; kept as they are until `start`. */
  private early: RowBatch[] = [];
  private queue: DataRow[][] = [];
  private extract: ReturnType<typeof dataRowReader> | null = null;
  private headerEnd = -1;
  private wake: (() => void) | null = null;

  constructor(private readonly reader: WorkbookReader, file: ToRead, name: string, signal?: AbortSignal) {
    void reader.readStreaming(file, name, { head: (h) => { this.head = h; this.poke(); }, batch: (b) => this.arrive(b) }, signal)
      .then((w) => { this.whole = w; }, (e: unknown) => { this.failed = e; })
      .finally(() => { this.ended = true; this.poke(); });
  }

  private poke(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  private wait(): Promise<void> {
    return new Promise((ok) => { this.wake = ok; });
  }

  private arrive(b: RowBatch): void {
    this.at = b.at;
    if (this.extract) this.queue.push(this.records(b));
    else this.early.push(b);
    this.poke();
  }

  private records(b: RowBatch): DataRow[] {
    const out: DataRow[] = [];
    for (const [r, cells] of b.rows) if (r > this.headerEnd) for (const d of this.extract!(r, cells)) out.push(d);
    this.count += out.length;
    return out;
  }

  /**
   * Waits until the file can be planned: read whole, or its sheet's first rows are here (or all the
   * batches the reader sends before it waits for us). Throws what the read threw.
   */
  async ready(): Promise<'whole' | 'stream'> {
    const enough = () => this.head !== null && (this.early.length >= BATCHES_AHEAD
      || this.early.some((b) => b.rows.length > 0 && b.rows[b.rows.length - 1][0] >= HEAD_ROWS));
    while (!this.ended && !enough()) await this.wait();
    if (this.failed) throw this.failed;
    return this.whole ? 'whole' : 'stream';
  }

  /** The sheet as read so far, for recognising it: its first rows, and its merges (cut at its last row once all is read). */
  firstRows(): RawSheet {
    const h = this.head!;
    const rows: RawSheet['rows'] = [];
    for (const b of this.early) for (const [r, cells] of b.rows) { while (rows.length < r) rows.push([]); rows[r] = cells; }
    const last = rows.length - 1;
    const merges = this.ended
      ? h.merges.map((m) => ({ ...m, r2: Math.min(m.r2, last) })).filter((m) => m.r1 <= m.r2)
      : h.merges;
    return { name: h.name, hidden: h.hidden, rows, merges };
  }

  /** The header ends at `headerEnd`: from here on batches become records as they arrive. */
  start(headerEnd: number): void {
    this.headerEnd = headerEnd;
    this.extract = dataRowReader(headerEnd, this.head!.merges);
    for (const b of this.early) this.queue.push(this.records(b));
    this.early = [];
  }

  /** The records, a batch at a time, in order; each batch is acknowledged once its records are done, so the reader reads on. */
  async *batches(): AsyncGenerator<DataRow[]> {
    for (;;) {
      const batch = this.queue.shift();
      if (batch) {
        yield batch;
        this.reader.took();
        continue;
      }
      if (this.failed) throw this.failed;
      if (this.ended) return;
      await this.wait();
    }
  }

  /** Reads to the end without writing (a sheet that is refused whole still reports its row count). */
  async drain(): Promise<number> {
    for await (const _ of this.batches()) { /* counted as they arrive */ }
    return this.count;
  }

  /** The records the sheet holds: exact once all is read (`ended`), else estimated from the share read. */
  total(): number {
    if (this.ended || this.at <= 0) return this.count;
    return Math.max(this.count, Math.round(this.count / this.at));
  }

  /** The importer is done with the file (or gave up on it): a read still going is stopped. */
  stop(): void {
    if (!this.ended) this.reader.stop();
  }

  /** A read stopped by `stop` or a cancel, not refused. */
  get aborted(): boolean {
    return this.failed instanceof ReadAborted;
  }
}
