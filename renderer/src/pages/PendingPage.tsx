import { Result } from 'antd';

/** A section of the menu whose screen is not built yet: say so plainly instead of showing a dead page. */
export function PendingPage({ title }: { title: string }) {
  return <Result status="info" title={title} subTitle="这一部分尚未完成，将在后续版本中提供。" />;
}
