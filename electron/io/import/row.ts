import type { Issue } from './types';

/** A row refused while it is being applied; its writes are rolled back to the row's savepoint. */
export class RowFailure extends Error {
  constructor(readonly issues: Issue[]) {
    super(issues.map((i) => i.message).join('；'));
  }
}

/** One data row after its cells were read: typed values by field, and where to point messages. */
export class RowCtx {
  readonly warnings: Issue[] = [];
  /** Labels of the fields an update changed, for the preview and the summary. */
  readonly changed: string[] = [];

  constructor(
    readonly row: number,
    readonly values: Map<string, unknown>,
    /** The sheet's headers by field: one map shared by all its rows, never changed. */
    readonly headers: ReadonlyMap<string, string>,
  ) {}

  has(key: string): boolean {
    return this.values.get(key) !== undefined && this.values.get(key) !== null;
  }

  get<T>(key: string): T | undefined {
    const v = this.values.get(key);
    return v === null ? undefined : (v as T | undefined);
  }

  /** The column's header as the file writes it (身份证号码, 公民身份号码 …); the field's own name otherwise. */
  header(key: string | null, fallback = ''): string | null {
    if (key === null) return null;
    return this.headers.get(key) ?? (fallback || null);
  }

  fail(key: string | null, message: string, code: string, fallback?: string): never {
    throw new RowFailure([{ row: this.row, column: this.header(key, fallback), message, code }]);
  }

  warn(key: string | null, message: string, code?: string): void {
    this.warnings.push({ row: this.row, column: this.header(key), message, ...(code ? { code } : {}) });
  }

  noteChanges(labels: string[]): void {
    for (const l of labels) if (!this.changed.includes(l)) this.changed.push(l);
  }
}
