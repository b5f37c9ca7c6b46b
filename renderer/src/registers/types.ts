import type { ColDef } from 'ag-grid-community';
import type { Lookups } from '../../../electron/api/meta';

export type Row = Record<string, unknown> & { id: number };

/** What a grid needs of a register's API; every register area has this shape (electron/api/crud.ts). */
export type RegisterClient = {
  list(input: { offset?: number; limit?: number; search?: string; filters?: Record<string, unknown> }): Promise<{ rows: Row[]; total: number }>;
  get(input: { id: number }): Promise<Row>;
  update(input: { id: number; patch: Record<string, unknown> }): Promise<{ row: Row; changed: string[] }>;
  create(input: Record<string, unknown>): Promise<Row>;
  delete(input: { ids: number[] }): Promise<{ deleted: number }>;
};

export type RegisterDef = {
  key: string;
  title: string;
  area: string;
  columns: (lk: Lookups) => ColDef[];
  /** The API patch for an edit of one column: display names become ids here. */
  toPatch?: (colId: string, row: Row, lk: Lookups) => Record<string, unknown>;
};
