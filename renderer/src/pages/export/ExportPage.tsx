import { Card, Tabs, Typography } from 'antd';
import { SheetExport } from './SheetExport';
import { VisitSheets } from './VisitSheets';
import './export.css';

/** 导出与打印: the district's seven sheets as Excel, and the household visit sheets for the cadres. */
export function ExportPage({ period }: { period?: string }) {
  return (
    <div className="export-page">
      <Typography.Title level={4} style={{ margin: '0 0 8px' }}>导出与打印</Typography.Title>
      <Card size="small" className="export-card">
        <Tabs items={[
          { key: 'sheets', label: '区里的七张表（Excel）', children: <SheetExport headerPeriod={period} /> },
          { key: 'visit', label: '入户走访记录表（打印）', children: <VisitSheets /> },
        ]} />
      </Card>
    </div>
  );
}
