import { Alert, App as AntApp, Button, Result, Spin, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { ledger } from '../../client/ledger';
import { BackupTable } from './BackupTable';
import { restoreAndReload, useBackups } from './useBackups';

type Status = Awaited<ReturnType<typeof ledger.backups.status>>;

/** Shows the app when its ledger is open, or the recovery page when the ledger file could not be opened. */
export function RecoveryGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status | null>(null);
  useEffect(() => { void ledger.backups.status({}).then(setStatus, () => setStatus({ ok: true, file: '' })); }, []);
  if (!status) return <Spin style={{ margin: 48 }} />;
  return status.ok ? <>{children}</> : <RecoveryPage status={status} />;
}

/** 台账无法打开: what is wrong, the file, its backups, 从此备份恢复. Nothing else can be done here. */
function RecoveryPage({ status }: { status: Extract<Status, { ok: false }> }) {
  const { rows, folder } = useBackups();
  const { modal, message } = AntApp.useApp();
  const restore = (name: string, time: string) => modal.confirm({
    title: `从 ${time} 的备份恢复？`,
    content: <p>{name}<br />无法打开的台账文件会原样另存一份（文件名加“损坏”），不会被删除。</p>,
    okText: '恢复', cancelText: '取消',
    onOk: async () => {
      try { await restoreAndReload(name); } catch (e) { message.error((e as Error).message); }
    },
  });
  return (
    <div className="recovery-page" style={{ maxWidth: 1000, margin: '24px auto', padding: '0 16px' }}>
      <Result status="warning" title="台账无法打开" subTitle={status.what} style={{ paddingBottom: 8 }} />
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={<>台账文件：<Typography.Text copyable code>{status.file}</Typography.Text></>}
        description={status.problem === 'newer' ? '请安装新版本的双联台账后再打开此台账。'
          : '文件没有被改动。可以从下面的备份恢复，推荐最新的完好备份；恢复后台账回到备份时的状态。'} />
      <Typography.Paragraph type="secondary">备份文件夹：{folder}</Typography.Paragraph>
      <BackupTable rows={rows} pageSize={10} actions={(b) => (
        <Button size="small" type={b.name === status.offered ? 'primary' : 'default'} onClick={() => restore(b.name, b.time)}>
          从此备份恢复{b.name === status.offered ? '（推荐）' : ''}
        </Button>
      )} />
    </div>
  );
}
