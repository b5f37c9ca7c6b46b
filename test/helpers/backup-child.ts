import { takeBackup } from '../../db/backup';
import { openLedger } from '../../db/open';
import { restoreLedger } from '../../db/restore';

/** A process to be killed mid-work: `backup LEDGER` backs up in a loop; `restore LEDGER SOURCE` restores once. */
const [mode, ledgerFile, source] = process.argv.slice(2);
if (mode === 'backup') {
  process.stdout.write('ready\n');
  for (;;) process.stdout.write(`${takeBackup(ledgerFile, '手动').name}\n`);
} else {
  const ledger = openLedger(ledgerFile);
  process.stdout.write('ready\n');
  restoreLedger(ledger, source);
  ledger.close();
  process.stdout.write('done\n');
}
