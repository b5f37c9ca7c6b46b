import type { ColDef } from 'ag-grid-community';
import type { BatchOp, BatchResult, PageCuts, PageResult, WriteSource } from '../../../electron/api/crud';
import type { DeletePlan } from '../../../electron/api/deletes';
import type { Lookups } from '../../../electron/api/meta';

export type Row = Record<string, unknown> & { id: number };

/** What a grid needs of a register's API; every register area has this shape (electron/api/crud.ts). */
export type RegisterClient = {
  list(input: { offset?: number; limit?: number; afterId?: number; search?: string; filters?: Record<string, unknown> }): Promise<{ rows: Row[]; total: number }>;
  /** The grid's bulk load: rows after `afterId` in id order, as arrays of values (see crud.ts, page-rows.ts). */
  page(input: { afterId?: number; untilId?: number; limit?: number; count?: boolean; lastId?: boolean }): Promise<PageResult>;
  /** Where a whole load cuts the register into pages, and its count (see crud.ts). */
  pageCuts(input: { first: number; every: number }): Promise<PageCuts>;
  get(input: { id: number }): Promise<Row>;
  update(input: { id: number; patch: Record<string, unknown> }): Promise<{ row: Row; changed: string[] }>;
  create(input: Record<string, unknown>): Promise<Row>;
  delete(input: { ids: number[] }): Promise<{ deleted: number }>;
  batch(input: { ops: BatchOp[]; source?: WriteSource }): Promise<BatchResult<Row>>;
  deletePlan(input: { ids: number[]; cascade?: boolean }): Promise<DeletePlan>;
};

export type RegisterDef = {
  key: string;
  title: string;
  area: string;
  columns: (lk: Lookups) => ColDef[];
  /** What a new row starts with (display fields and API fields alike). */
  newRow?: (lk: Lookups) => Record<string, unknown>;
  /** Which field names the household a row is about: opens its 户档案. */
  householdField?: 'id' | 'householdId';
  /** Columns whose Chinese names quick find also matches by pinyin; person: read the first character as a surname. */
  pinyin?: { field: string; person?: boolean }[];
  /** The register's own order: the rows go into the grid sorted so (they load in id order); a header click sorts otherwise, clearing it comes back here. */
  order?: { field: string; dir: 'asc' | 'desc' }[];
  /** Read only (import batches, audit log): no editing, pasting or deleting. */
  readOnly?: boolean;
  /** Rows a list call returns at most (the registers' list allows 20,000). */
  pageSize?: number;
  /** Figures of each row over the period chosen in the window's header (a unit's visits), read into the grid's context. */
  periodFigures?: (period: { from: string; to: string }) => Promise<Map<number, Record<string, number>>>;
  /** The list call, when it is not `client.list` (read-only registers outside crud.ts). */
  list?: (input: { offset: number; limit: number }) => Promise<{ rows: Row[]; total: number }>;
};

/** A page of the 台账 menu: one grid, or a register with its companion (units with their village links). */
export type RegisterPageDef = { key: string; title: string; grids: RegisterDef[] };

/** What every cell of a grid can read besides its row: the period's figures of each row. */
export type GridContext = { periodFigures?: Map<number, Record<string, number>> };

/** "2014-H1" (the header's 统计期间) → its first and last day. */
export function periodDates(period: string): { from: string; to: string } {
  const [y, h] = period.split('-');
  return h === 'H2' ? { from: `${y}-07-01`, to: `${y}-12-31` } : { from: `${y}-01-01`, to: `${y}-06-30` };
}
