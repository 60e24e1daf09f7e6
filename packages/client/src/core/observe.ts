// Hooks and the logger around each attempt: what `onRequest`, `onResponse` and `debug` see.
import { redactUrl } from '../errors/redact-url.js';
import type { Logger, WebexOptions } from '../config/options.js';
import type { AttemptFetchFn } from '@webex-ts/paginate';

/** A fetch for one attempt: a `Request`, or a URL and init (with the signal that bounds the attempt). */
export type AttemptFetch = AttemptFetchFn;

/** The hooks that watch attempts. */
export type AttemptHooks = Pick<WebexOptions, 'onRequest' | 'onResponse'>;

/** The fetch each attempt goes through: the plain one, or one that reports to hooks and the logger (URLs redacted). */
export function observed(fetch: AttemptFetch, hooks: AttemptHooks, logger: Logger | undefined): AttemptFetch {
  const { onRequest, onResponse } = hooks;
  if (!onRequest && !onResponse && !logger) return fetch;
  return async (input, init) => {
    const request = typeof input === 'string' ? { url: input, method: init?.method ?? 'GET' } : input;
    const headers = typeof input === 'string' ? new Headers(init?.headers) : input.headers;
    const event = {
      method: request.method,
      url: redactUrl(request.url),
      trackingId: headers.get('TrackingID') ?? undefined,
    };
    onRequest?.(event);
    logger?.debug(`webex: ${event.method} ${event.url}`, { ...event });
    const started = performance.now();
    const response = await fetch(input, init);
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
