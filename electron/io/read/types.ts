/** A cell as the importer sees it, whatever program wrote the file. Dates arrive as Excel serials. */
export type CellValue = string | number | boolean | null;

export type RawMerge = { r1: number; c1: number; r2: number; c2: number };

/** One worksheet: rows indexed from 0 (row 0 is the sheet's row 1), merges in the same coordinates. */
export type RawSheet = {
  /** Null for a CSV, which has no sheets. */
  name: string | null;
  hidden: boolean;
  rows: CellValue[][];
  merges: RawMerge[];
};

export type RawWorkbook = {
  format: 'xlsx' | 'xls' | 'ods' | 'csv' | 'other';
  date1904: boolean;
  /** For a CSV: the encoding it was decoded from. */
  encoding?: string;
  sheets: RawSheet[];
};

/** A file the reader refuses: the message is Chinese, says what is wrong and what to do. */
export class ReadRefusal extends Error {
  constructor(message: string, public readonly detail?: string) {
    super(message);
    this.name = 'ReadRefusal';
  }
}
