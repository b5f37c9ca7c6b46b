import { Drawer } from 'antd';
import { HistoryPanel } from './HistoryPanel';

/** A register row's 历史, beside its grid. */
export function HistoryDrawer({ area, id, title, onClose }: { area: string; id: number; title: string; onClose: () => void }) {
  return (
    <Drawer open onClose={onClose} width="min(640px, 90vw)" title={`历史 · ${title}`} destroyOnHidden data-testid="history-drawer">
      <HistoryPanel area={area} id={id} showRecord />
    </Drawer>
  );
}
