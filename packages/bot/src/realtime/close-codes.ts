// What a close of the Mercury socket means, by code and reason (realtime-events.md §3, close codes). Pure: one
// table-tested function, like the client's `shouldRetry`.

/** What to do after the server closed the socket. */
export type CloseAction =
  /** Connect again (after the backoff). */
  | { action: 'reconnect' }
  /** Get a fresh token and connect with it. */
  | { action: 'reauthorize' }
  /** Stop for good: `advice` says what to do. */
  | { action: 'stop'; advice: string };

/**
 * The action for a close the client did not ask for. Follows the Webex JS SDK where it is clear and the other
 * clients (which reconnect on any close that is not about auth) where it is not:
 * - 1000/1050 with `idle`, `done (forced)`, `pong not received`, `pong mismatch`, and 1001, 1005, 1006, 1011 (the
 *   network or the server dropped it): reconnect;
 * - 1000/1050 with another reason: reconnect too. The SDK stops there, but that close is its own `close()`; a close
 *   the server chose is no reason for a bot to go deaf (an assumption: say so if Webex proves otherwise);
 * - 4401: reauthorize; 1003, 4000 / `replaced`, 4400, 4403: stop;
 * - anything else: reconnect.
 */
export function closeAction(code: number, reason: string): CloseAction {
  const why = reason.trim().toLowerCase();
  if (code === 4401) return { action: 'reauthorize' };
  if (code === 4000 || (code === 1005 && why === 'replaced'))
    return {
      action: 'stop',
      advice:
        'another connection took over this device registration; give each process of the bot its own device name (the deviceName option)',
    };
  if (code === 4400)
    return { action: 'stop', advice: 'Webex refused the request (bad request: usually service-account credentials)' };
  if (code === 4403) return { action: 'stop', advice: 'the account is not allowed to use Webex messaging' };
  if (code === 1003) return { action: 'stop', advice: 'the server rejected the last frame the client sent' };
  // 1000/1050 (whatever the reason), 1001, 1005, 1006, 1011 and codes no source names.
  return { action: 'reconnect' };
}
