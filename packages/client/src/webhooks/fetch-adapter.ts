// The receiver as a fetch-style handler (Deno, Bun, edge runtimes): `Request` in, `Response` out.
import { type BodyRead, type DeliverBody, readLimited, tooLarge } from './body-reader.js';
import { SIGNATURE_HEADER } from './signature.js';

/** A handler that reads each request's body within `bodyTimeout` and hands it to `deliver`. */
export function fetchAdapter(deliver: DeliverBody, bodyTimeout: number): (request: Request) => Promise<Response> {
  return async (request) => {
    const reply = (status: number, reason: string, headers: Record<string, string> = {}) =>
      new Response(`${reason}\n`, {
        status,
        headers: { 'content-type': 'text/plain; charset=utf-8', ...headers },
      });
    if (request.method.toUpperCase() !== 'POST') return reply(405, 'POST only', { allow: 'POST' });
    let body: BodyRead;
    if (tooLarge(request.headers.get('content-length'))) {
      request.body?.cancel().catch(() => {});
      body = { refused: 'too-large' };
    } else if (!request.body) {
      body = { bytes: new Uint8Array(0) };
    } else {
      const reader = request.body.getReader();
      const chunks = { next: () => reader.read() as Promise<IteratorResult<unknown>> };
      try {
        body = await readLimited(chunks, () => void reader.cancel().catch(() => {}), bodyTimeout);
      } catch {
        return reply(400, 'the body could not be read');
      }
    }
    const result = await deliver(body, request.headers.get(SIGNATURE_HEADER));
    return reply(result.status, result.reason);
  };
}
