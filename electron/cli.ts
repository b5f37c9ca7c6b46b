import { lockLedger } from '../db/lock';
import { LedgerError } from './api/define';
import { toWireError } from './api/dispatch';
import { parse, UsageError } from './args';
import { backupCommand, backupsCommand, restoreCommand } from './cli/backup';
import { call } from './cli/call';
import { checkCommand } from './cli/check';
import type { Command, Output } from './cli/command';
import { demo } from './cli/demo';
import { exportCommand } from './cli/export';
import { importCommand } from './cli/import';
import { init } from './cli/init';
import { reportCommand } from './cli/report';
import { sheetsCommand } from './cli/sheets';

export const commands: Command[] = [init, demo, importCommand, reportCommand, exportCommand, sheetsCommand, checkCommand, backupCommand, backupsCommand, restoreCommand, call];

function usage(): string {
  return ['用法：node bin/ledger.mjs --db 台账文件.sqlite <命令> [--json]（或 npm run --silent ledger -- …）', '', '命令：',
    ...commands.map((c) => `  ${c.usage.padEnd(34)} ${c.summary}`)].join('\n');
}

export async function runCli(argv: string[], o: Omit<Output, 'json'>): Promise<number> {
  const first = argv.indexOf('--');
  const args = first >= 0 ? argv.slice(first + 1) : argv;
  let json = false;
  try {
    // Global options come before the command; the command parses the rest.
    const cmdIndex = args.findIndex((a, i) => !a.startsWith('-') && args[i - 1] !== '--db');
    const globals = parse(cmdIndex >= 0 ? args.slice(0, cmdIndex) : args, {
      db: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    }).values;
    const rest = cmdIndex >= 0 ? args.slice(cmdIndex) : [];
    json = Boolean(globals.json) || rest.includes('--json');
    const cmdArgs = rest.slice(1).filter((a) => a !== '--json');
    if (globals.help || cmdIndex < 0) { (globals.help ? o.out : o.err)(usage()); return globals.help ? 0 : 2; }
    const cmd = commands.find((c) => c.name === rest[0]);
    if (!cmd) throw new UsageError(`没有“${rest[0]}”这个命令`);
    if (!globals.db) throw new UsageError('请用 --db 指定台账文件');
    // Commands that write take the ledger's lock (restore takes it itself); `call` stays free for scripts.
    const writes = ['init', 'demo'].includes(cmd.name) || (cmd.name === 'import' && !cmdArgs.includes('--dry-run'));
    const unlock = writes ? lockLedger(globals.db, `命令行 ${cmd.name}`) : () => {};
    try {
      return await cmd.run(globals.db, cmdArgs, { ...o, json });
    } finally {
      unlock();
    }
  } catch (e) {
    if (e instanceof UsageError) { o.err(`${e.message}\n\n${usage()}`); return 2; }
    const wire = toWireError(e);
    if (json) o.out(JSON.stringify({ error: wire }));
    o.err(`${e instanceof LedgerError || !wire.message.startsWith('内部错误') ? '' : '出错：'}${wire.message}`);
    return 1;
  }
}

const isMain = process.argv[1] && /cli\.(ts|js|mjs)$/.test(process.argv[1]);
if (isMain) {
  runCli(process.argv.slice(2), { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n'), part: (s) => process.stdout.write(s) })
    .then((code) => { process.exitCode = code; });
}
