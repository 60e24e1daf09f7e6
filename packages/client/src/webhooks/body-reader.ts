// Reading a delivery's body for the adapters: whole, but never past the 1 MB a delivery can be, nor past bodyTimeout.

/** Deliveries are small JSON envelopes; a larger body is refused before it is buffered. */
export const MAX_BODY_BYTES = 1_048_576; // 1 MiB

/** A body read whole, or why reading it stopped. */
export type BodyRead = { bytes: Uint8Array } | { refused: 'too-large' | 'timeout' };

/** What an adapter hands a read body to, with the signature header: the answer to give. */
export type DeliverBody = (
  body: BodyRead,
  signatureHeader: string | readonly string[] | null | undefined,
) => Promise<{ status: number; reason: string }>;

const encoder = /* @__PURE__ */ new TextEncoder();

/** Whether a `Content-Length` header already says the body is larger than a delivery can be. */
export function tooLarge(declared: string | string[] | null | undefined): boolean {
  return typeof declared === 'string' && Number(declared) > MAX_BODY_BYTES;
}

/** The chunks as one array; a body that came in one chunk (most deliveries) is not copied. */
function joined(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

const asBytes = (chunk: unknown): Uint8Array =>
  typeof chunk === 'string' ? encoder.encode(chunk) : (chunk as Uint8Array);

/**
 * Reads a body chunk by chunk until it ends, grows past the limit, or `timeoutMs` has passed, whichever comes first.
 * In the two last cases `stop` is called and no further chunk is asked for, so nothing much past the limit is read.
 */
export async function readLimited(
  chunks: { next(): Promise<IteratorResult<unknown>> },
  stop: () => void,
  timeoutMs: number,
): Promise<BodyRead> {
  const parts: Uint8Array[] = [];
  let size = 0;
  let timedOut = false;
  // One waker for the chunk being waited for, replaced each time: a promise raced against every chunk would keep
  // one reaction per chunk alive, and a body dripped byte by byte has a million of them.
  let wake: ((step: 'timeout') => void) | undefined;
  const timer = setTimeout(() => {
    timedOut = true;
    wake?.('timeout');
  }, timeoutMs);
  try {
    for (;;) {
      const step = timedOut
        ? 'timeout'
        : await new Promise<IteratorResult<unknown> | 'timeout'>((resolve, reject) => {
            wake = resolve;
            chunks.next().then(resolve, reject);
          });
      if (step === 'timeout') {
        stop();
        return { refused: 'timeout' };
      }
      if (step.done) break;
      const bytes = asBytes(step.value);
      size += bytes.byteLength;
      if (size > MAX_BODY_BYTES) {
        stop();
        return { refused: 'too-large' };
      }
      parts.push(bytes);
    }
  } finally {
    clearTimeout(timer);
  }
  return { bytes: joined(parts, size) };
}

/** A `node:http` request seen as the stream it is: its events, `pause`, and whether anyone has read it yet. */
export interface NodeBodyStream {
  on(event: string, listener: (value?: unknown) => void): unknown;
  removeListener(event: string, listener: (value?: unknown) => void): unknown;
  pause(): unknown;
  readableFlowing?: boolean | null;
  readableEnded?: boolean;
  destroyed?: boolean;
}

/**
 * Whether {@link readNodeStream} can read the request: a stream with its events that no one has started reading, as
 * node:http hands it over. One already read, paused or ended (by a framework's body parser, say) would never emit
 * `end` to a new listener, so it goes through its async iterator, which tells where it stands.
 */
export function isUnreadNodeStream(request: object): request is NodeBodyStream {
  const stream = request as Partial<NodeBodyStream>;
  return (
    typeof stream.on === 'function' &&
    typeof stream.removeListener === 'function' &&
    typeof stream.pause === 'function' &&
    stream.readableFlowing === null &&
    stream.readableEnded === false &&
    stream.destroyed === false
  );
}

const ignore = () => {};

/**
 * {@link readLimited} for a `node:http` request, through its `data` and `end` events: a request's async iterator
 * costs a promise and more per chunk. Past the limit or the deadline the request is paused, so node:http stops reading
 * the socket once the request's small buffer is full.
 */
export function readNodeStream(request: NodeBodyStream, timeoutMs: number): Promise<BodyRead> {
  return new Promise((resolve, reject) => {
    const parts: Uint8Array[] = [];
    let size = 0;
    const settle = (): void => {
      clearTimeout(timer);
      request.removeListener('data', onData);
      request.removeListener('end', onEnd);
      request.removeListener('error', onError);
      request.removeListener('close', onClose);
    };
    const refuse = (refused: 'too-large' | 'timeout'): void => {
      settle();
      request.pause();
      // The rest is left unread; whatever the request emits about it now concerns no one.
      request.on('error', ignore);
      resolve({ refused });
    };
    const onData = (chunk: unknown): void => {
      const bytes = asBytes(chunk);
      size += bytes.byteLength;
      if (size > MAX_BODY_BYTES) refuse('too-large');
      else parts.push(bytes);
    };
    const onEnd = (): void => {
      settle();
      resolve({ bytes: joined(parts, size) });
    };
    const onError = (error: unknown): void => {
      settle();
      reject(error);
    };
    // `end` comes before `close` when the body came whole; a close without it is a client that went away.
    const onClose = (): void => onError(new Error('the request closed before its body ended'));
    const timer = setTimeout(() => refuse('timeout'), timeoutMs);
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('close', onClose);
  });
}
