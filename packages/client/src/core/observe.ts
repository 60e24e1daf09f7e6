// Hooks and the logger around each attempt: what `onRequest`, `onResponse` and `debug` see.
import { redactUrl } from '../errors.js';
import type { Logger, WebexOptions } from '../options.js';

/** A fetch for one attempt: the request, and the signal that bounds it. */
export type AttemptFetch = (request: Request, init?: { signal?: AbortSignal }) => Promise<Response>;

/** The hooks that watch attempts. */
export type AttemptHooks = Pick<WebexOptions, 'onRequest' | 'onResponse'>;

/** The fetch each attempt goes through: the plain one, or one that reports to hooks and the logger (URLs redacted). */
export function observed(fetch: AttemptFetch, hooks: AttemptHooks, logger: Logger | undefined): AttemptFetch {
  const { onRequest, onResponse } = hooks;
  if (!onRequest && !onResponse && !logger) return fetch;
  return async (request, init) => {
    const event = {
      method: request.method,
      url: redactUrl(request.url),
      trackingId: request.headers.get('TrackingID') ?? undefined,
    };
    onRequest?.(event);
    logger?.debug(`webex: ${event.method} ${event.url}`, { ...event });
    const started = performance.now();
    const response = await fetch(request, init);
    const done = {
      ...event,
      status: response.status,
      durationMs: Math.round(performance.now() - started),
      responseTrackingId: response.headers.get('trackingid') ?? undefined,
    };
    onResponse?.(done);
    logger?.debug(`webex: ${done.status} ${event.method} ${event.url} in ${done.durationMs} ms`, { ...done });
    return response;
  };
}
