import { openLedger } from '../../db/open';
import { loadBaseData } from '../../seeds/load-base';
import type { Command } from './command';

export const init: Command = {
  name: 'init',
  usage: 'init',
  summary: '新建台账或升级已有台账，并载入本镇的村、组和镇机关',
  run: (db, _argv, o) => {
    const ledger = openLedger(db);
    try {
      const added = loadBaseData(ledger);
      const villages = (ledger.sqlite.prepare('select count(*) as n from villages').get() as { n: number }).n;
      const groups = (ledger.sqlite.prepare('select count(*) as n from village_groups').get() as { n: number }).n;
      if (o.json) o.out(JSON.stringify({ file: ledger.file, villages, groups, added }));
      else o.out(`台账已就绪：${ledger.file}\n行政村 ${villages} 个，村民小组 ${groups} 个（本次新增村 ${added.villages} 个、组 ${added.groups} 个、单位 ${added.units} 个）`);
      return 0;
    } finally {
      ledger.close();
    }
  },
};
