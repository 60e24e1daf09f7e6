// Errors of the websocket event source. Each says what was expected, what came, and what to do.
import { WebexError } from '@webex-ts/client';

/** Why the event source stopped or refused to start; every error it raises is one of its subclasses. */
export class RealtimeError extends WebexError {
  override name = 'RealtimeError';
}

/**
 * The token was refused (U2C or WDM answered 401, or Mercury closed with 4401) and no other token could be had: the
 * `accessToken` function gave the same one again, or the token is a fixed string. Give a fresh token and start again.
 */
export class RealtimeAuthError extends RealtimeError {
  override name = 'RealtimeAuthError';
}

/**
 * A URL the catalog or WDM handed out (or the `catalogUrl` option) is not an `https:`/`wss:` URL on a Webex host, so
 * the token was not sent to it.
 */
export class UntrustedUrlError extends RealtimeError {
  override name = 'UntrustedUrlError';

  constructor(
    /** What the URL was for: `catalogUrl`, `serviceLinks.wdm`, `device url`, `webSocketUrl`. */
    readonly role: string,
    /** The URL, without its query. */
    readonly url: string,
    reason: string,
  ) {
    super(`${role}: refusing to send the token to ${url}: ${reason}`);
  }
}

/** The catalog or the device service answered with an error, or with something that is not what it should be. */
export class DeviceServiceError extends RealtimeError {
  override name = 'DeviceServiceError';

  constructor(
    message: string,
    /** The HTTP status, when there was an answer. */
    readonly status: number | undefined,
    /** Webex's `TrackingID`, for support. */
    readonly trackingId: string | undefined,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Mercury closed the socket with a code that means "do not come back": 1003, 4000 (replaced), 4400, 4403. */
export class RealtimeClosedError extends RealtimeError {
  override name = 'RealtimeClosedError';

  constructor(
    readonly code: number,
    readonly reason: string,
    advice: string,
  ) {
    super(`the Webex event socket was closed with ${code}${reason ? ` (${reason})` : ''}: ${advice}`);
  }
}
