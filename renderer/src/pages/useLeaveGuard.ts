import { App as AntApp } from 'antd';
import { useEffect, useRef } from 'react';

/**
 * While `dirty`, leaving the page asks first: another page of the menu (the route lives in the URL's
 * hash) gets a 离开/留下 question, closing or reloading the window the browser's own.
 */
export function useLeaveGuard(dirty: boolean, question: string) {
  const { modal } = AntApp.useApp();
  const state = useRef({ dirty, asking: false });
  state.current.dirty = dirty;
  useEffect(() => {
    const here = location.hash;
    const onHash = (e: HashChangeEvent) => {
      if (!state.current.dirty || location.hash === here) return;
      // Runs before the shell's own listener (capture, registered at the target): keep the page, then ask.
      e.stopImmediatePropagation();
      const target = location.hash;
      history.replaceState(null, '', here);
      if (state.current.asking) return;
      state.current.asking = true;
      modal.confirm({
        title: question, content: '离开后，本页未保存的修改将丢失。', okText: '离开，不保存', cancelText: '留下', okButtonProps: { danger: true },
        onOk: () => { state.current.dirty = false; location.hash = target; },
        afterClose: () => { state.current.asking = false; },
      });
    };
    const onUnload = (e: BeforeUnloadEvent) => { if (state.current.dirty) e.preventDefault(); };
    window.addEventListener('hashchange', onHash, { capture: true });
    window.addEventListener('beforeunload', onUnload);
    return () => {
      window.removeEventListener('hashchange', onHash, { capture: true });
      window.removeEventListener('beforeunload', onUnload);
    };
  }, [modal, question]);
}
