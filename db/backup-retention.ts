/** A backup as retention sees it: a name and when it was taken (local time). */
export type Dated = { name: string; at: Date };

const dayKey = (d: Date) => d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
const monthIndex = (d: Date) => d.getFullYear() * 12 + d.getMonth();

/** Midnight `n` days before `now`'s day, in local time (daylight saving cannot shift it by a day). */
function daysBefore(now: Date, n: number): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - n);
}

/**
 * Which backups to keep: the last 3 of today, the newest of each of the 10 days before today, and the
 * newest of each of the 12 months before this one and of this month, not counting those already kept
 * for a day (so a quiet month still keeps one). Anything newer than `now` (a clock set back) is kept.
 */
export function backupsToKeep(backups: Dated[], now: Date): Set<string> {
  const keep = new Set<string>();
  const newestFirst = [...backups].sort((a, b) => b.at.getTime() - a.at.getTime());
  const today = dayKey(now);
  for (const b of newestFirst) if (b.at.getTime() > now.getTime()) keep.add(b.name);

  newestFirst.filter((b) => dayKey(b.at) === today && b.at.getTime() <= now.getTime()).slice(0, 3).forEach((b) => keep.add(b.name));

  const firstDay = dayKey(daysBefore(now, 10));
  const days = new Set<number>();
  for (const b of newestFirst) {
    const d = dayKey(b.at);
    if (d >= firstDay && d < today && !days.has(d)) { days.add(d); keep.add(b.name); }
  }

  const thisMonth = monthIndex(now);
  const months = new Set<number>();
  for (const b of newestFirst) {
    const m = monthIndex(b.at);
    if (dayKey(b.at) >= firstDay || m < thisMonth - 12 || months.has(m)) continue;
    months.add(m);
    keep.add(b.name);
  }
  return keep;
}
