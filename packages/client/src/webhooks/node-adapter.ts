// The receiver as a `node:http` request listener: reads the raw body itself, then answers with the receiver's result.
// Uses only the req/res objects it is given: no node: import, so the client stays bundleable for browsers.
import {
  type BodyRead,
  type DeliverBody,
  isUnreadNodeStream,
  readLimited,
  readNodeStream,
  tooLarge,
} from './body-reader.js';
import { SIGNATURE_HEADER } from './signature.js';

/** The minimal `node:http` request the adapter reads: its method, headers and body stream. */
export interface NodeRequestLike extends AsyncIterable<unknown> {
  method?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}

/** The minimal `node:http` response the adapter writes. */
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body?: string): unknown;
}

/** A request listener that reads each request's body within `bodyTimeout` and hands it to `deliver`. */
export function nodeAdapter(
  deliver: DeliverBody,
  bodyTimeout: number,
): (req: NodeRequestLike, res: NodeResponseLike) => void {
  return (req, res) => {
    const answer = (status: number, reason: string, headers: Record<string, string> = {}): void => {
      res.statusCode = status;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      res.end(`${reason}\n`);
    };
    if ((req.method ?? 'POST').toUpperCase() !== 'POST') {
      answer(405, 'POST only', { allow: 'POST' });
      return;
    }
    // Past the limit or the deadline no further chunk is asked for: node:http stops reading the socket once the
    // request's small buffer is full, and `connection: close` ends the connection after the answer, rest unread.
    let read: Promise<BodyRead>;
    if (tooLarge(req.headers['content-length'])) read = Promise.resolve({ refused: 'too-large' });
    else if (isUnreadNodeStream(req)) read = readNodeStream(req, bodyTimeout);
    else read = readLimited(req[Symbol.asyncIterator](), () => {}, bodyTimeout);
    read
      .then(
        async (body) => {
          const result = await deliver(body, req.headers[SIGNATURE_HEADER]);
          answer(result.status, result.reason, 'bytes' in body ? {} : { connection: 'close' });
        },
        () => answer(400, 'the body could not be read'),
      )
      .catch(() => {
        // An answer already under way cannot be replaced; the request listener must never reject.
        try {
          answer(500, 'handler failed');
        } catch {}
      });
  };
}
