import { Tabs } from 'antd';
import { RegisterGrid } from '../grid/RegisterGrid';
import { SAFETY_GRIDS } from '../registers/definitions';

/** 数据安全: the audit log and the import batches, read only. (Backups are another page's work.) */
export function SafetyPage() {
  return (
    <Tabs className="safety-tabs" items={[
      { key: 'audit', label: '操作记录', children: <RegisterGrid def={SAFETY_GRIDS.auditLog} /> },
      { key: 'imports', label: '导入记录', children: <RegisterGrid def={SAFETY_GRIDS.importBatches} /> },
    ]} />
  );
}
