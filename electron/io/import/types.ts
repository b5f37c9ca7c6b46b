import type { SheetCode } from '../sheets';

/** A refused row or a notice: where (1-based sheet row, the column's header as in the file) and why. */
export type Issue = { row: number | null; column: string | null; message: string; code?: string };

export type RowStatus = 'added' | 'updated' | 'unchanged' | 'error';

/** A data row as the preview grid shows it: the cells' text, what importing it does, and why not. */
export type PreviewRow = { row: number; status: RowStatus; changed?: string[]; message?: string; cells: (string | null)[] };

export type SheetReport = {
  /** Null for a CSV. */
  sheet: string | null;
  kind: SheetCode | null;
  title: string | null;
  hidden: boolean;
  /** Why the sheet was not imported at all (hidden, not recognised, a required column missing). */
  skipped: string | null;
  unit: string | null;
  /** 1-based first and last header rows. */
  headerRows: [number, number] | null;
  columns: { index: number; header: string; key: string | null; label: string | null }[];
  rows: number;
  added: number;
  updated: number;
  unchanged: number;
  errors: Issue[];
  warnings: Issue[];
  preview: PreviewRow[];
  previewTruncated: boolean;
  /** Words that are not listed values, for the clerk to confirm or correct: each once, with the rows it stands in. */
  unlisted: { key: string; header: string; original: string; suggestion: string | null; values: string[]; rows: number[] }[];
  /** Rules the preview states for this sheet (how blank 五个知晓 cells are read …). */
  notices: string[];
  /** 填报时间 from the lines above the header, as YYYY-MM-DD. */
  reportDate: string | null;
  /** T1 taken as the unit's complete roster: its unlisted pairings end (解除结对). */
  completeRoster: boolean;
  /** 解除结对: the pairings the roster no longer lists, ended on `until`. */
  ended: { cadre: string; household: string; until: string }[];
};

export type FileReport = {
  file: string;
  sha256: string;
  bytes: number;
  format: string | null;
  encoding: string | null;
  /** The file was refused: unreadable, encrypted, too large, or without a sheet to import. */
  error?: string;
  sheets: SheetReport[];
};

export type ImportReport = {
  batch: number | null;
  dryRun: boolean;
  files: FileReport[];
  /** 新增联村: unit–village links the units' rows show and the ledger did not have, dated from the earliest row. */
  links: { unit: string; village: string; since: string }[];
  totals: { rows: number; added: number; updated: number; unchanged: number; errors: number; warnings: number };
};

/** The clerk's answer for an unlisted word: for this unit (null: sheets that name none), in this column, it means `value`. */
export type ValueChoice = { unit: string | null; key: string; original: string; value: string };

/** The clerk's corrections in the preview, per file and sheet: what the sheet is, and which column is which. */
/** A T1 sheet to take (on, the default) or not take as its unit's complete roster; remembered per unit on commit. */
export type RosterChoice = { file: string; sheet: string | null; on?: boolean };

export type SheetChoice = { file: string; sheet: string | null; kind?: SheetCode | null; columns?: Record<string, string | null> };
