import { afterAll, describe, expect, it } from 'vitest';
import { BackupError } from '../../db/backup';
import { Cancelled } from '../../electron/api/define';
import { importFiles } from '../../electron/io/import/run';
import { dumpLedger } from '../helpers/dump';
import { bigLandSheet } from '../helpers/generate';
import { tempLedger } from '../helpers/ledger';

/**
 * An import that stops for its own reason (here: cancelled) still lets the backup copy it started end.
 * A failure of that copy is not told over why the import stopped; a fault in the code waiting for it is.
 */
describe('an import stopped while its backup copy runs', () => {
  const t = tempLedger();
  afterAll(() => t.close());
  const bytes = bigLandSheet(200);

  /** Imports the sheet, cancelled once the backup has started; `wait` is that backup's end. */
  const cancelledImport = (wait: () => void) => {
    const stop = new AbortController();
    return importFiles(t.ctx.ledger.sqlite, [{ name: '上坝镇机关-土地流转台账-200.xlsx', bytes }], {
      dryRun: false, previewRows: 0, signal: stop.signal,
      beforeWrites: () => { stop.abort(); return wait; },
    });
  };

  it('the copy failed as well: the clerk is told the import was cancelled, and the ledger is unchanged', async () => {
    const before = dumpLedger(t.file);
    await expect(cancelledImport(() => { throw new BackupError('备份失败：database or disk is full'); })).rejects.toBeInstanceOf(Cancelled);
    expect(dumpLedger(t.file)).toBe(before);
  });

  it('waiting for the copy hits a fault in the code: that fault is what stops the work, and the ledger is unchanged', async () => {
    const before = dumpLedger(t.file);
    await expect(cancelledImport(() => { throw new TypeError('running.finish is not a function'); })).rejects.toThrow(TypeError);
    expect(dumpLedger(t.file)).toBe(before);
  });
});
