import { Segmented } from 'antd';
import { useState } from 'react';
import { RegisterGrid } from '../grid/RegisterGrid';
import { SAFETY_GRIDS } from '../registers/definitions';
import { AuditLog } from '../safety/AuditLog';
import { RecycleBin } from '../safety/RecycleBin';
import { BackupsTab } from './backups/BackupsTab';

/** 数据安全: the audit log, the import batches, the recycle bin, backups. */
export function SafetyPage() {
  const [tab, setTab] = useState<'audit' | 'imports' | 'recycle' | 'backups'>('audit');
  return (
    <div className="register-split">
      <Segmented value={tab} onChange={(v) => setTab(v as typeof tab)} style={{ alignSelf: 'flex-start' }}
        options={[{ value: 'audit', label: '操作记录' }, { value: 'imports', label: '导入记录' },
          { value: 'recycle', label: '回收站' }, { value: 'backups', label: '备份与恢复' }]} />
      {tab === 'backups' ? <BackupsTab /> : tab === 'audit' ? <AuditLog /> : tab === 'recycle' ? <RecycleBin /> : <RegisterGrid key="imports" def={SAFETY_GRIDS.importBatches} />}
    </div>
  );
}
