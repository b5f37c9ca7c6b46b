import type { Ctx } from '../../electron/api/define';
import { callMethod } from '../../electron/api/dispatch';
import type { ImportReport } from '../../electron/io/import/types';

export type RoundTripFile = { name: string; bytes: Buffer };

/** Imports the ledger's own exports of T1–T7 into the ledger of `ctx` through the import API, refusing nothing. */
export async function importForRoundTrip(ctx: Ctx, files: RoundTripFile[]): Promise<void> {
  const report = (await callMethod(ctx, 'imports.commit', {
    files: files.map((f) => ({ name: f.name, base64: f.bytes.toString('base64') })),
  })) as ImportReport;
  const problems = report.files.flatMap((f) => [
    ...(f.error ? [`${f.file}: ${f.error}`] : []),
    ...f.sheets.flatMap((s) => s.errors.map((e) => `${f.file} ${s.sheet ?? ''} 第 ${e.row} 行 ${e.column}: ${e.message}`)),
  ]);
  if (problems.length) throw new Error(`the ledger refused parts of its own export:\n${problems.join('\n')}`);
}
