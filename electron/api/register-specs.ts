import type { Ctx } from './define';

type Row = Record<string, unknown>;

/** What the recycle bin and the history need of a register, by its table name. */
export type RegisterEntry = {
  table: string;
  /** The register's name as the 台账 menu and the grid title say it: 帮扶户, 走访记录 … */
  label: string;
  /** Field → the register's own column header. Only these fields are ever shown to the clerk. */
  labels: Record<string, string>;
  /** Checks a deleted row may come back (its references live, no duplicate) and gives its column values. */
  restoreValues: (ctx: Ctx, before: Row) => Row;
};

/** Filled by registerMethods as each register's module loads; read at call time, never at import time. */
export const REGISTERS = new Map<string, RegisterEntry>();

export function registerEntry(table: string): RegisterEntry | undefined {
  return REGISTERS.get(table);
}
