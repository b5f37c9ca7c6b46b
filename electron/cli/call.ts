import { callMethod } from '../api/dispatch';
import { openContext } from '../context';
import { UsageError } from '../args';
import type { Command } from './command';

/** Any API method from the shell: handy for scripts and for checking what the UI would see. */
export const call: Command = {
  name: 'call',
  usage: "call <方法名> ['<JSON 输入>']",
  summary: '直接调用一个接口方法，例如 call households.list \'{"limit":5}\'',
  run: async (db, argv, o) => {
    const [name, json] = argv;
    if (!name) throw new UsageError('缺少方法名');
    let input: unknown = {};
    try { input = json ? JSON.parse(json) : {}; } catch { throw new UsageError('输入不是合法的 JSON'); }
    const ctx = openContext(db);
    try {
      const result = await callMethod(ctx, name, input);
      o.out(JSON.stringify(result, null, o.json ? 0 : 2));
      return 0;
    } finally {
      ctx.ledger.close();
    }
  },
};
