import { loadDemo } from '../../seeds/demo';
import { hasTownship, setupTownship } from '../api/township-setup';
import { EXAMPLE_TOWNSHIP } from '../../seeds/base';
import { openContext } from '../context';
import type { Command } from './command';

export const demo: Command = {
  name: 'demo',
  usage: 'demo',
  summary: '向空台账载入演示数据（约 2,700 户，人名均为虚构）',
  run: (db, _argv, o) => {
    const ctx = openContext(db);
    try {
      // The demo is a half-year of the example township: a new ledger is set up as that township first.
      if (!hasTownship(ctx)) setupTownship(ctx, EXAMPLE_TOWNSHIP, 'init');
      const n = loadDemo(ctx.ledger.sqlite);
      o.out(o.json ? JSON.stringify(n) : `已载入演示数据：帮扶户 ${n.households} 户，联户干部 ${n.cadres} 人，走访 ${n.visits} 次`);
      return 0;
    } finally {
      ctx.ledger.close();
    }
  },
};
