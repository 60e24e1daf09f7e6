// Bodies read outside the retry loop (downloads, `createHttp`): a connection lost mid-body becomes a typed error.
import type { PlainRequest } from '@webex-ts/paginate';
import { bodyReadError } from '../errors/from-response.js';

/**
 * The response's body as a stream whose network failure is a `WebexBodyReadError` (cause: fetch's own error) instead
 * of a bare `TypeError: terminated`. Read on demand only (no read-ahead), so a download stays streamed.
 */
export function typedBody(
  request: Pick<PlainRequest, 'method' | 'url'>,
  response: Response,
): ReadableStream<Uint8Array> {
  if (!response.body) return new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
  const reader = response.body.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let next: ReadableStreamReadResult<Uint8Array>;
        try {
          next = await reader.read();
        } catch (error) {
          controller.error(bodyReadError(request, response, error));
          return;
        }
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}

/**
 * The same response with its body read through `typedBody`, for a caller that reads it itself (openapi-fetch in
 * `createHttp`). Status, headers and URL as they came; a response without a body is returned as it is.
 */
export function withTypedBody(request: Pick<PlainRequest, 'method' | 'url'>, response: Response): Response {
  if (!response.body) return response;
  const typed = new Response(typedBody(request, response), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  // A constructed Response has no URL of its own; callers (and errors) read it.
  Object.defineProperties(typed, {
    url: { value: response.url },
    redirected: { value: response.redirected },
    type: { value: response.type },
  });
  return typed;
}
