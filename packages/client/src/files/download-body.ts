// A download's body as the caller reads it: its own size limit and deadline, since the transport's end with the headers.
import { typedBody } from '../core/body.js';
import type { Streamed } from '../core/resource.js';
import { FileTooLargeError, WebexTimeoutError } from '../errors/classes.js';
import { redactUrl } from '../errors/redact-url.js';

/** The caller's own signal and deadline: they tell the caller's abort from the deadline passing. */
export interface CallerLimits {
  signal?: AbortSignal | undefined;
  deadline?: number | undefined;
}

/**
 * The body as the caller reads it: counted against `maxBytes`, and stopped by the
 * caller's signal or the deadline. The transport's per-attempt limits end with the
 * headers, so the body needs its own. A connection lost mid-body errors it with `WebexBodyReadError`.
 */
export function downloadBody(
  { request, response, signal }: Streamed,
  maxBytes: number | undefined,
  options: CallerLimits,
): ReadableStream<Uint8Array> {
  const source = typedBody(request, response);
  if (maxBytes === undefined && !signal) return source;
  const url = redactUrl(request.url);
  let received = 0;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      received += chunk.byteLength;
      // Erroring cancels the source too, which closes the connection: nothing more is downloaded.
      if (maxBytes !== undefined && received > maxBytes)
        controller.error(new FileTooLargeError(maxBytes, received, request.method, url));
      else controller.enqueue(chunk);
    },
  });
  if (!signal) return source.pipeThrough(counter);
  // The deadline's own reason is a bare DOMException; the reader gets the same typed error as a timed-out request.
  const stop = new AbortController();
  const onAbort = () => {
    const byDeadline = !options.signal?.aborted && options.deadline !== undefined;
    stop.abort(
      byDeadline
        ? new WebexTimeoutError(options.deadline!, request.method, url, { cause: signal.reason })
        : signal.reason,
    );
  };
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  return source.pipeThrough(counter, { signal: stop.signal });
}
