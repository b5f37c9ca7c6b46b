import type { HookAPI } from 'antd/es/modal/useModal';
import { Alert, Typography } from 'antd';
import type { DeletePlan } from '../../../electron/api/deletes';

const MAX_LINES = 8;

function Lines({ texts }: { texts: string[] }) {
  return (
    <ul className="delete-plan" style={{ paddingLeft: 18, margin: '4px 0' }}>
      {texts.slice(0, MAX_LINES).map((t, i) => <li key={i}>{t}</li>)}
      {texts.length > MAX_LINES && <li>…… 共 {texts.length} 条</li>}
    </ul>
  );
}

/**
 * Asks before a delete, naming each record and what goes with it (from the register's deletePlan).
 * Where a unit's cadres or a cadre's pairings stand in the way, the clerk may choose 连同删除 (cascade).
 * Resolves with the choice, or null when the clerk cancels.
 */
export function confirmDelete(modal: HookAPI, title: string, count: number, plan: DeletePlan | null, cascadePlan: DeletePlan | null): Promise<{ cascade: boolean } | null> {
  return new Promise((resolve) => {
    const blocked = plan?.items.filter((i) => i.needsChoice) ?? [];
    const footer = <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>删除后可在“数据安全 → 回收站”恢复，也可按 Ctrl+Z 撤销。</Typography.Paragraph>;
    const content = blocked.length && cascadePlan ? (
      <div data-testid="delete-plan">
        <Alert type="warning" showIcon message={<Lines texts={blocked.map((i) => i.needsChoice!)} />} />
        <Typography.Paragraph style={{ margin: '8px 0 0' }}>选择“连同删除”将删除：</Typography.Paragraph>
        <Lines texts={cascadePlan.items.map((i) => i.text)} />
        {footer}
      </div>
    ) : (
      <div data-testid="delete-plan">
        <Lines texts={plan?.items.map((i) => i.text) ?? []} />
        {footer}
      </div>
    );
    modal.confirm({
      title: `删除 ${count} 条${title}记录？`,
      content,
      width: 560,
      okText: blocked.length ? '连同删除' : '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => resolve({ cascade: blocked.length > 0 }),
      onCancel: () => resolve(null),
    });
  });
}
