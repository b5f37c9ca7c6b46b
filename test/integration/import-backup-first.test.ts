import { rmSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { backupFolder, listBackups } from '../../db/backup';
import { dumpLedger } from '../helpers/dump';
import { bigLandFile } from '../helpers/land-file';
import { tempLedger } from '../helpers/ledger';

/**
 * A big file's read starts before the backup taken before an import (the two overlap): the backup
 * still comes before any write, and when it cannot be taken nothing is written.
 */
describe('the backup before an import of a big file', () => {
  const t = tempLedger();
  afterAll(() => t.close());
  // 7,000 plots: a sheet big enough to be read as a stream, as the command line reads it, by its path.
  const file = bigLandFile(7000);

  it('cannot be taken (its folder is a file): the import stops with the error and writes nothing; once it can, the same file imports', async () => {
    writeFileSync(backupFolder(t.file), 'not a folder');
    const before = dumpLedger(t.file);
    await expect(t.api.imports.commit({ files: [{ path: file }] })).rejects.toThrow(/ENOTDIR|EEXIST|备份/);
    expect(dumpLedger(t.file)).toBe(before);

    rmSync(backupFolder(t.file));
    const report = await t.api.imports.commit({ files: [{ path: file }] });
    expect(report.totals.added).toBe(7000);
    // The backup holds the ledger as it was before this import: none of its plots.
    const [backup] = listBackups(t.file);
    expect(backup.reason).toBe('导入前');
    expect(dumpLedger(backup.path)).toBe(before);
  });
});
