import { checkCancelled } from '../../api/define';

/** Rows between progress events, cancellation checks and turns of the event loop. */
export const CHUNK = 500;

/**
 * Lets the event loop turn (a cancel, another call's answer, progress reaching the window), then
 * honours a cancel by throwing `Cancelled` where the caller stands: inside its transaction.
 */
export async function breathe(signal: AbortSignal | undefined): Promise<void> {
  await new Promise<void>((ok) => setImmediate(ok));
  checkCancelled({ signal });
}
