import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { bigLandSheet } from './generate';

/**
 * A unit's 土地流转台账 of `n` plots as a file on disk, as the command line imports it by its path (a
 * big one is read as a stream); its folder goes when the file's tests are done.
 */
export function bigLandFile(n: number, edit?: Parameters<typeof bigLandSheet>[1]): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-land-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, `上坝镇机关-土地流转台账-${n}.xlsx`);
  writeFileSync(file, bigLandSheet(n, edit));
  return file;
}
