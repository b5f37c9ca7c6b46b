import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { EXAMPLES, TOWNSHIP } from '../../seeds/base';
import { parse, UsageError } from '../args';
import { LedgerError, type Ctx } from '../api/define';
import { readSetting } from '../api/setting-store';
import { readVillageSheet } from '../api/township';
import { hasTownship, setupTownship } from '../api/township-setup';
import { openContext } from '../context';
import type { TownshipDraft } from '../township/codes';
import type { Command } from './command';

const count = (ctx: Ctx, table: string) => (ctx.ledger.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

/** The township a sheet gives (村 · 村代码 · 村民小组), with the options filling or overriding its township lines. */
async function fromSheet(file: string, o: { name?: string; code?: string; organ?: string; county?: string }): Promise<TownshipDraft> {
  let bytes: Buffer;
  try { bytes = readFileSync(file); } catch { throw new LedgerError(`无法打开文件 ${file}：文件不存在或没有读取权限`); }
  const parsed = await readVillageSheet(bytes, basename(file));
  if (parsed.problems.length) throw new LedgerError(parsed.problems.join('；'));
  const prefixes = [...new Set(parsed.villages.map((v) => v.code.slice(0, 9)))];
  const name = o.name ?? parsed.township.name;
  if (!name) throw new LedgerError(`${basename(file)} 中没有写乡镇名称：请加 --name 乡镇名称，或在表头上方写一行“乡镇名称 | 新华镇”`);
  return {
    name,
    code: o.code ?? parsed.township.code ?? (prefixes.length === 1 ? prefixes[0] : ''),
    organName: o.organ ?? parsed.township.organName ?? `${name}机关`,
    ...(o.county ? { county: o.county } : {}),
    villages: parsed.villages,
  };
}

export const init: Command = {
  name: 'init',
  usage: 'init [--township 村组表.xlsx | --example 上坝镇]',
  summary: '新建台账或升级已有台账；新台账按村组表（村、村代码、村民小组）或示例设置本镇，不指定时按示例上坝镇',
  run: async (db, argv, o) => {
    const { values } = parse(argv, {
      township: { type: 'string' }, example: { type: 'string' },
      name: { type: 'string' }, code: { type: 'string' }, organ: { type: 'string' }, county: { type: 'string' },
    });
    if (values.township && values.example) throw new UsageError('--township 与 --example 只能选一个');
    const ctx = openContext(db);
    try {
      const file = ctx.ledger.file;
      const say = (text: string, json: Record<string, unknown>) => {
        o.out(o.json ? JSON.stringify({ file, township: readSetting(ctx, 'township'), villages: count(ctx, 'villages'), groups: count(ctx, 'village_groups'), ...json }) : text);
      };
      if (hasTownship(ctx)) {
        const t = readSetting(ctx, 'township') as { name?: string } | null;
        const what = `台账已设置为${t?.name ?? '本镇'}（行政村 ${count(ctx, 'villages')} 个，村民小组 ${count(ctx, 'village_groups')} 个），未作改动：${file}`;
        if (values.township || values.example) {
          o.err(`${what}\n村和村民小组请在“设置 → 村和村民小组”中修改，或用新的台账文件`);
          if (o.json) o.out(JSON.stringify({ error: { message: what, problems: [] } }));
          return 1;
        }
        say(what, { added: { villages: 0, groups: 0, units: 0 } });
        return 0;
      }
      const example = values.example ?? (values.township ? undefined : TOWNSHIP.name);
      let draft: TownshipDraft;
      if (example !== undefined) {
        draft = EXAMPLES[example] ?? (() => { throw new UsageError(`没有名为“${example}”的示例；可用的示例：${Object.keys(EXAMPLES).join('、')}`); })();
      } else {
        draft = await fromSheet(values.township!, values);
      }
      const r = setupTownship(ctx, draft, 'init');
      const note = values.example || values.township ? '' : `\n（未指定乡镇，已按示例${TOWNSHIP.name}设置；其他乡镇请对新台账文件用 --township 村组表.xlsx）`;
      say(`台账已就绪：${file}\n已设置${draft.name}：行政村 ${r.villages} 个，村民小组 ${r.groups} 个，镇机关“${r.organ}”${note}`,
        { added: { villages: r.villages, groups: r.groups, units: 1 } });
      return 0;
    } finally {
      ctx.ledger.close();
    }
  },
};
