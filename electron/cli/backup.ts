import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { backupFolder, backupHouseholds, listBackups, localTime, takeBackup } from '../../db/backup';
import { checkHeader } from '../../db/file-header';
import { lockLedger } from '../../db/lock';
import { openLedgerOrProblem } from '../../db/open';
import { restoreLedger } from '../../db/restore';
import { LedgerError } from '../api/define';
import { parse, UsageError } from '../args';
import type { Command } from './command';

/** `npm run` starts us in the project folder; relative names are meant from where the clerk typed them. */
const fromCwd = (p: string) => resolve(process.env.INIT_CWD ?? process.cwd(), p);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export const backupCommand: Command = {
  name: 'backup',
  usage: 'backup [--out 文件]',
  summary: '立即备份台账（默认放在台账旁的“备份”文件夹；--out 另存到指定文件）',
  run: (db, argv, o) => {
    const { values } = parse(argv, { out: { type: 'string' } });
    if (!existsSync(db)) throw new LedgerError(`台账文件不存在：${resolve(db)}`);
    const bad = checkHeader(db);
    if (bad) throw bad;
    const b = takeBackup(db, '手动', values.out ? { out: fromCwd(values.out) } : {});
    o.out(o.json ? JSON.stringify({ name: b.name, path: b.path, time: localTime(b.at), size: b.size }) : `已备份：${b.path}（${mb(b.size)}）`);
    return 0;
  },
};

export const backupsCommand: Command = {
  name: 'backups',
  usage: 'backups',
  summary: '列出台账的备份（时间、原因、大小、户数），最新的在前',
  run: (db, _argv, o) => {
    const rows = listBackups(db).map((b) => ({ name: b.name, path: b.path, time: localTime(b.at), reason: b.reason, size: b.size, households: backupHouseholds(b.path) }));
    if (o.json) { o.out(JSON.stringify({ folder: backupFolder(db), rows })); return 0; }
    o.out(`备份文件夹：${backupFolder(db)}`);
    if (rows.length === 0) o.out('（还没有备份）');
    for (const r of rows) o.out(`${r.time}  ${r.reason.padEnd(5, '　')}  ${mb(r.size).padStart(9)}  ${r.households === null ? '    —' : r.households.toLocaleString('en-US').padStart(6)} 户  ${r.name}`);
    return 0;
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  usage: 'restore 备份文件',
  summary: '用备份替换台账（先备份当前台账；台账已损坏时，损坏的文件另存一份）',
  run: (db, argv, o) => {
    const { positionals } = parse(argv, {});
    if (positionals.length !== 1) throw new UsageError('请给出一个备份文件（或“备份”文件夹中的备份名）');
    const given = fromCwd(positionals[0]);
    const source = existsSync(given) ? given : join(backupFolder(db), positionals[0]);
    if (!existsSync(source)) throw new LedgerError(`找不到备份文件：${given}`);
    const unlock = lockLedger(db, '命令行 restore');
    try {
      const ledger = openLedgerOrProblem(db);
      try {
        const r = restoreLedger(ledger, source);
        const households = (ledger.sqlite.prepare('select count(*) as n from households where deleted_at is null').get() as { n: number }).n;
        if (o.json) o.out(JSON.stringify({ restored: source, safety: r.safety?.path ?? null, movedAside: r.movedAside, households }));
        else {
          o.out(`已从备份恢复：${source}\n台账现有帮扶户 ${households.toLocaleString('en-US')} 户`);
          if (r.safety) o.out(`恢复前的台账已备份为：${r.safety.path}`);
          if (r.movedAside) o.out(`损坏的台账文件已另存为：${r.movedAside}`);
        }
        return 0;
      } finally {
        ledger.close();
      }
    } finally {
      unlock();
    }
  },
};
