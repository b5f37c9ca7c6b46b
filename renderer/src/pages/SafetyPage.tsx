import { Segmented } from 'antd';
import { useState } from 'react';
import { RegisterGrid } from '../grid/RegisterGrid';
import { SAFETY_GRIDS } from '../registers/definitions';
import { AuditLog } from '../safety/AuditLog';
import { RecycleBin } from '../safety/RecycleBin';

/** 数据安全: the audit log and the import batches, read only. (Backups are another page's work.) */
export function SafetyPage() {
  const [tab, setTab] = useState<'audit' | 'imports' | 'recycle'>('audit');
  return (
    <div className="register-split">
      <Segmented value={tab} onChange={(v) => setTab(v as typeof tab)} style={{ alignSelf: 'flex-start' }}
        options={[{ value: 'audit', label: '操作记录' }, { value: 'imports', label: '导入记录' },
          { value: 'recycle', label: '回收站' }]} />
      {tab === 'audit' ? <AuditLog /> : tab === 'recycle' ? <RecycleBin /> : <RegisterGrid key="imports" def={SAFETY_GRIDS.importBatches} />}
    </div>
  );
}
