import { App as AntApp, Alert, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import type { BackupRow } from '../../../../electron/api/backups';
import { ledger, saveDownload } from '../../client/ledger';
import { useStatus } from '../../client/status';
import { BackupTable } from './BackupTable';
import { restoreAndReload, useBackups } from './useBackups';

/** 数据安全 → 备份与恢复: the backups, 立即备份, 恢复 (after a confirmation naming the backup) and 另存到…. */
export function BackupsTab() {
  const { rows, folder, error, load } = useBackups();
  const { modal, message } = AntApp.useApp();
  const { markSaving } = useStatus();
  const [busy, setBusy] = useState(false);

  const backupNow = async () => {
    setBusy(true);
    const done = markSaving();
    try {
      const b = await ledger.backups.create({});
      message.success(`已备份：${b.name}`);
      await load();
    } catch (e) {
      message.error((e as Error).message);
    } finally { done(); setBusy(false); }
  };

  const restore = (b: BackupRow) => modal.confirm({
    title: `用 ${b.time} 的备份恢复台账？`,
    content: <>
      <p>备份：{b.name}（{b.reason}，{b.households === null ? '户数未知' : `帮扶户 ${b.households.toLocaleString('en-US')} 户`}）</p>
      <p>此后的修改将从台账中去掉。恢复前会先把当前台账备份一份（原因“恢复前”），需要时可以再恢复回来。恢复后窗口会重新载入。</p>
    </>,
    okText: '恢复', okButtonProps: { danger: true }, cancelText: '取消',
    onOk: async () => {
      try {
        await restoreAndReload(b.name);
      } catch (e) {
        message.error((e as Error).message);
      }
    },
  });

  const saveAs = async (b: BackupRow) => {
    try {
      const r = await ledger.backups.saveAs({ name: b.name });
      if ('download' in r && r.download) await saveDownload({ download: r.download, fileName: r.fileName });
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <div className="backups-tab">
      <Space style={{ marginBottom: 8 }} wrap>
        <Button type="primary" loading={busy} onClick={() => void backupNow()}>立即备份</Button>
        <Typography.Text type="secondary">备份文件夹：{folder}</Typography.Text>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        导入和撤销导入之前、升级和恢复之前、退出时，以及有修改时每 30 分钟，都会自动备份。保留：今天最近 3 份，近 10 天每天 1 份，近 12 个月每月 1 份。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
      <BackupTable rows={rows} actions={(b) => (
        <Space size="small">
          <Button size="small" danger onClick={() => restore(b)}>恢复</Button>
          <Button size="small" onClick={() => void saveAs(b)}>另存到…</Button>
        </Space>
      )} />
    </div>
  );
}
