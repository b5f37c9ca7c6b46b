/**
 * What a workbook may cost before it is refused. A unit's sheet is a few hundred rows; these leave
 * room for a whole township's 20,000-row register and stop bombs (a 1 KB file that claims a billion
 * rows, a zip that inflates to gigabytes) before they take the memory.
 */
export const LIMITS = {
  fileBytes: 50 * 1024 * 1024,
  /** Sum of the uncompressed sizes in a zip's central directory (xlsx, ods). */
  unzippedBytes: 300 * 1024 * 1024,
  zipEntries: 5000,
  /** Rows of one sheet, counted up to the last row that holds a value: a district's whole register (a big xlsx is read as a stream). */
  sheetRows: 300_000,
  /** Columns looked at; a district sheet has at most 22. */
  columns: 256,
  /** Non-empty cells of a whole workbook. */
  cells: 5_000_000,
  /** The reading worker's heap, and how long it may take over one file. */
  workerHeapMb: 640,
  /**
   * Each of the reading process's two young-generation halves. V8's default lets them grow to 16 MB
   * each, so short-lived strings of the XML (chunks, matches, cells handed over) held up to 32 MB of
   * garbage between collections. Reading 100,000 plots alone (--trace-gc, under load): default 170-199
   * MB peak and 1.7 s in GC; 4 MB 141-156 MB and 2.3 s; 2 MB 144-152 MB and 2.7 s. 4 MB keeps most of
   * the memory for less of the time (the reader mostly waits on the importer).
   */
  workerYoungMb: 4,
  /** The reading process's whole memory (heap, buffers, zlib, the parser's own): killed past this. */
  readerRssMb: 1024,
  workerTimeoutMs: 120_000,
} as const;

export const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * A streamed sheet's row batches (one per inflated MB, about a thousand rows) handed over and not yet
 * written: the reading process waits past this many, so memory stays flat in the file's size.
 */
export const BATCHES_AHEAD = 4;
