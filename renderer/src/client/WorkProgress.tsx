import { Button, Card, Progress, Space, Tag, Typography } from 'antd';
import type { ProgressEvent } from './ledger';

const n = (x: number) => x.toLocaleString('zh-CN');

/**
 * Long work under way: its step, the rows done of all, a bar, and 取消. Shown while the page's long call
 * runs (useLongCall); the window stays usable meanwhile, the work runs in the backend.
 */
export function WorkProgress({ progress, onCancel, cancelling }: { progress: ProgressEvent | null; onCancel?: () => void; cancelling?: boolean }) {
  if (!progress) return null;
  // Rows are counted once the total is known; before that (reading a file) the bar only moves.
  const counted = progress.total > 1;
  const percent = counted ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0;
  return (
    <Card size="small" className="work-progress">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          {progress.step && <Tag color="blue">{progress.step}</Tag>}
          <Typography.Text>{cancelling ? '正在取消…' : progress.message ?? '正在处理…'}</Typography.Text>
          {/* The count, unless the message already says it (the import's “正在核对第 500 行，共 20,000 行”). */}
          {counted && !progress.message?.includes(n(progress.total)) && <Typography.Text type="secondary">{n(progress.done)} / {n(progress.total)} 行</Typography.Text>}
        </Space>
        <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
          <Progress style={{ flex: 1, margin: 0 }} percent={percent} status="active" showInfo={counted} />
          {onCancel && <Button onClick={onCancel} disabled={cancelling}>取消</Button>}
        </div>
      </Space>
    </Card>
  );
}
