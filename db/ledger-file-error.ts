/** Why a file was not opened as a ledger. */
export type LedgerFileProblem = 'empty' | 'foreign' | 'not-ledger' | 'header' | 'truncated' | 'damaged' | 'newer' | 'locked';

/** A backup offered to the clerk when the ledger cannot be opened. */
export type OfferedBackup = { name: string; path: string; at: string; reason: string; households: number | null };

const WHAT: Record<LedgerFileProblem, string> = {
  empty: '台账文件是空的（0 字节），里面没有任何数据，可能是复制或保存时中断',
  foreign: '这个文件不是双联台账：它不是 SQLite 数据库文件',
  'not-ledger': '这个文件是 SQLite 数据库，但不是双联台账：里面没有台账的数据表',
  header: '台账文件的文件头已损坏（开头的 100 字节被改写），无法识别',
  truncated: '台账文件不完整（被截断），可能是复制中断或磁盘出错',
  damaged: '台账文件已损坏：数据库完整性检查未通过',
  newer: '这个台账由更新版本的双联台账写入',
  locked: '这个台账正被另一个双联台账程序使用',
};

/**
 * A ledger file that was not opened, and was not written: what is wrong in Chinese, the file, and the
 * newest backup that passed its check (if any), so a page or the CLI can offer it.
 */
export class LedgerFileError extends Error {
  constructor(
    public readonly problem: LedgerFileProblem,
    public readonly file: string,
    public readonly detail = '',
    public readonly backup: OfferedBackup | null = null,
  ) {
    super(LedgerFileError.compose(problem, file, detail, backup));
    this.name = 'LedgerFileError';
  }

  /** What is wrong, in one sentence, without the file or the advice. */
  get what(): string {
    return `${WHAT[this.problem]}${this.detail ? `（${this.detail}）` : ''}`;
  }

  withBackup(backup: OfferedBackup | null): LedgerFileError {
    return new LedgerFileError(this.problem, this.file, this.detail, backup);
  }

  private static compose(problem: LedgerFileProblem, file: string, detail: string, backup: OfferedBackup | null): string {
    const what = `${WHAT[problem]}${detail ? `（${detail}）` : ''}`;
    const advice = problem === 'locked' ? '同一个台账只能由一个程序打开：请先关闭另一个程序，或切换到已打开的窗口。'
      : problem === 'newer' ? '本版本不能打开它，以免损坏数据：请安装新版本的双联台账后再打开。'
      : backup ? `文件未作任何改动。可以从最新的完好备份恢复：${backup.name}（${backup.at}，${backup.reason}）。`
      : '文件未作任何改动。备份文件夹中没有可用的备份；请找回此前另存的台账副本。';
    return `${what}。\n文件：${file}\n${advice}`;
  }
}
