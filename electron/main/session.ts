import type { Session } from 'electron';
import { CSP } from '../web';

/**
 * The window's session: our CSP on every response (the renderer's meta tag says the same for tools
 * that read HTML), and no permission (camera, notifications, clipboard reads…) asked or checked.
 */
export function secureSession(s: Session): void {
  s.webRequest.onHeadersReceived((details, cb) => {
    const responseHeaders = { ...details.responseHeaders, 'Content-Security-Policy': [CSP] };
    cb({ responseHeaders });
  });
  s.setPermissionRequestHandler((_wc, _permission, cb) => cb(false));
  s.setPermissionCheckHandler(() => false);
}
