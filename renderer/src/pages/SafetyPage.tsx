import { Segmented } from 'antd';
import { useState } from 'react';
import { RegisterGrid } from '../grid/RegisterGrid';
import { SAFETY_GRIDS } from '../registers/definitions';

/** 数据安全: the audit log and the import batches, read only. (Backups are another page's work.) */
export function SafetyPage() {
  const [tab, setTab] = useState<'audit' | 'imports'>('audit');
  return (
    <div className="register-split">
      <Segmented value={tab} onChange={(v) => setTab(v as 'audit' | 'imports')} style={{ alignSelf: 'flex-start' }}
        options={[{ value: 'audit', label: '操作记录' }, { value: 'imports', label: '导入记录' }]} />
      {tab === 'audit' ? <RegisterGrid key="audit" def={SAFETY_GRIDS.auditLog} /> : <RegisterGrid key="imports" def={SAFETY_GRIDS.importBatches} />}
    </div>
  );
}
