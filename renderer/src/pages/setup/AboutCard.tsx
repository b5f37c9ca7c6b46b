import { Card, Descriptions } from 'antd';
import { useEffect, useState } from 'react';
import type { About } from '../../../../electron/api/about';
import { ledger } from '../../client/ledger';

const size = (b: number) => (b >= 1 << 20 ? `${(b / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(b / 1024))} KB`);
const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

/** 设置 → 关于: which version, which ledger file and how big, and when it was last backed up. */
export function AboutCard() {
  const [about, setAbout] = useState<About | null>(null);
  useEffect(() => { void ledger.township.about({}).then(setAbout); }, []);
  if (!about) return null;
  return (
    <Card title="关于" size="small" style={{ maxWidth: 1100 }}>
      <Descriptions column={1} size="small" labelStyle={{ width: 120 }}>
        <Descriptions.Item label="版本">双联台账 {about.version}</Descriptions.Item>
        <Descriptions.Item label="台账文件"><span className="mono">{about.file}</span></Descriptions.Item>
        <Descriptions.Item label="文件大小">{size(about.bytes)}</Descriptions.Item>
        <Descriptions.Item label="最近备份">{about.lastBackup
          ? <>{time(about.lastBackup.at)}{about.lastBackup.file && <span className="mono">（{about.lastBackup.file}）</span>}</>
          : '还没有备份'}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
