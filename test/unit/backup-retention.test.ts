import { describe, expect, it } from 'vitest';
import { backupsToKeep } from '../../db/backup-retention';

// Local times: month is 0-based in the Date constructor, so 10 is November.
const at = (y: number, m: number, d: number, h = 12, min = 0) => ({ name: `${y}-${m + 1}-${d} ${h}:${min}`, at: new Date(y, m, d, h, min) });

describe('which backups are kept', () => {
  const now = new Date(2026, 10, 28, 15, 0);
  const all = [
    at(2026, 10, 28, 14, 30), at(2026, 10, 28, 12), at(2026, 10, 28, 10), at(2026, 10, 28, 9), // today: 4
    at(2026, 10, 27, 18), at(2026, 10, 27, 8), // yesterday: 2
    at(2026, 10, 18, 12), // the 10th day before today
    at(2026, 10, 17, 20), at(2026, 10, 5), // this month, before the 10 days
    at(2026, 9, 31, 23), at(2026, 9, 2), // October
    at(2025, 11, 15), // 11 months back
    at(2025, 10, 30), // 12 months back
    at(2025, 9, 31), // 13 months back
    at(2026, 10, 29, 9), // after now: a clock that was set back
  ];
  const keep = backupsToKeep(all, now);

  it('keeps the last 3 of today', () => {
    expect(keep.has('2026-11-28 14:30')).toBe(true);
    expect(keep.has('2026-11-28 12:0')).toBe(true);
    expect(keep.has('2026-11-28 10:0')).toBe(true);
    expect(keep.has('2026-11-28 9:0')).toBe(false);
  });

  it('keeps the newest of each of the 10 days before today', () => {
    expect(keep.has('2026-11-27 18:0')).toBe(true);
    expect(keep.has('2026-11-27 8:0')).toBe(false);
    expect(keep.has('2026-11-18 12:0')).toBe(true);
  });

  it('keeps the newest of each month for 12 months, outside the 10 days', () => {
    expect(keep.has('2026-11-17 20:0')).toBe(true);
    expect(keep.has('2026-11-5 12:0')).toBe(false);
    expect(keep.has('2026-10-31 23:0')).toBe(true);
    expect(keep.has('2026-10-2 12:0')).toBe(false);
    expect(keep.has('2025-12-15 12:0')).toBe(true);
    expect(keep.has('2025-11-30 12:0')).toBe(true);
    expect(keep.has('2025-10-31 12:0')).toBe(false);
  });

  it('never deletes a backup dated after now', () => {
    expect(keep.has('2026-11-29 9:0')).toBe(true);
    expect(keep.size).toBe(10);
  });

  it('keeps a quiet month’s only backup and crosses a year boundary by calendar', () => {
    const jan = new Date(2027, 0, 3, 8, 0);
    const k = backupsToKeep([at(2026, 11, 31, 22), at(2026, 11, 20), at(2026, 11, 1), at(2026, 0, 10), at(2025, 11, 31)], jan);
    // 12-31 is within the 10 days before 01-03; 12-20 is December's newest outside them; 12-01 goes.
    expect([...k].sort()).toEqual(['2026-1-10 12:0', '2026-12-20 12:0', '2026-12-31 22:0']);
  });
});
