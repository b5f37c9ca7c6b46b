#!/usr/bin/env node
// `node bin/ledger.mjs --db 台账.sqlite <命令>`: the command line, from the built bundle (out/node/cli.js).
import { built } from './ensure-built.mjs';

// `import` reads the units' files in a separate process: started first, it boots while the rest loads.
if (process.argv.includes('import')) (await import(built('early-reader'))).startEarlyReader();
const { runCli } = await import(built('cli'));
process.exitCode = await runCli(process.argv.slice(2), {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
  part: (s) => process.stdout.write(s),
});
