import { Alert, DatePicker, Space, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import type { SheetReport } from '../../../../electron/io/import/types';

type Props = { report: SheetReport; onRoster: (on: boolean, date?: string) => void };

/** 作为本单位完整花名册: the switch, the end date when the sheet has no 填报时间, and the 解除结对 it brings. */
export function RosterEnds({ report, onRoster }: Props) {
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={4}>
      <Space wrap>
        <Switch size="small" checked={report.completeRoster} onChange={(on) => onRoster(on)} aria-label="作为本单位完整花名册" />
        <Typography.Text>作为本单位完整的花名册（表中未列出的本单位结对将解除）</Typography.Text>
        {report.completeRoster && (report.reportDate
          ? <Typography.Text type="secondary">解除日期：填报时间 {report.reportDate}</Typography.Text>
          : <DatePicker size="small" placeholder="表中没有填报时间，请选择解除日期" style={{ width: 240 }} aria-label="解除日期"
              onChange={(d) => onRoster(true, d ? dayjs(d).format('YYYY-MM-DD') : undefined)} />)}
      </Space>
      {report.ended.length > 0 && (
        <Alert type="warning" showIcon message={`解除结对 ${report.ended.length}（${report.ended[0].until}）`}
          description={report.ended.map((e) => `${e.cadre}—${e.household}`).join('、')} />
      )}
    </Space>
  );
}
