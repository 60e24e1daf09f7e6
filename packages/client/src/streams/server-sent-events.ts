// Server-sent events (the `text/event-stream` format of the HTML standard), read from bytes as they arrive.

/** One event of a `text/event-stream` body. */
export interface ServerSentEvent {
  /** The `event:` field; `message` when the event names none. */
  event: string;
  /** The event's `data:` lines, joined with `\n`. */
  data: string;
  /** The last `id:` the stream gave, this event's or an earlier one's; `''` when none: where a caller would resume. */
  id: string;
  /** The reconnection delay the stream last asked for (`retry:`), in ms; undefined when it never did. */
  retry?: number;
}

const LINE_END = /\r\n|\r|\n/g;

/**
 * Turns the text of a `text/event-stream` body into events, fed piece by piece: a piece may end anywhere, inside a
 * line, a field or a CRLF. Lines end with CRLF, LF or CR; comments (`:` lines, the heartbeats servers send to keep a
 * connection open) and unknown fields are skipped; an event is sent at the blank line that ends it, and an event
 * without data is none.
 */
export class ServerSentEventParser {
  /** The start of a line whose end has not come yet. */
  #partial = '';
  /** The last piece ended with CR: an LF opening the next piece is the rest of that line end, not an empty line. */
  #afterCr = false;
  #data: string[] = [];
  #event = '';
  #id = '';
  #retry: number | undefined;

  /** The events the text completes, in order. */
  push(text: string): ServerSentEvent[] {
    let piece = text;
    if (this.#afterCr && piece) {
      this.#afterCr = false;
      if (piece.startsWith('\n')) piece = piece.slice(1);
    }
    const buffer = this.#partial + piece;
    const events: ServerSentEvent[] = [];
    LINE_END.lastIndex = 0;
    let start = 0;
    for (let end = LINE_END.exec(buffer); end; end = LINE_END.exec(buffer)) {
      this.#line(buffer.slice(start, end.index), events);
      start = LINE_END.lastIndex;
      if (end[0] === '\r' && start === buffer.length) this.#afterCr = true;
    }
    this.#partial = buffer.slice(start);
    return events;
  }

  #line(line: string, events: ServerSentEvent[]): void {
    if (line === '') {
      this.#dispatch(events);
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const raw = colon === -1 ? '' : line.slice(colon + 1);
    const value = raw.startsWith(' ') ? raw.slice(1) : raw;
    switch (field) {
      case 'data':
        this.#data.push(value);
        break;
      case 'event':
        this.#event = value;
        break;
      case 'id':
        // The standard ignores an id holding NUL: it could not be sent back in a header.
        if (!value.includes('\0')) this.#id = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.#retry = Number(value);
        break;
    }
  }

  #dispatch(events: ServerSentEvent[]): void {
    const event = this.#event || 'message';
    this.#event = '';
    if (!this.#data.length) return;
    const data = this.#data.join('\n');
    this.#data = [];
    events.push({ event, data, id: this.#id, ...(this.#retry !== undefined ? { retry: this.#retry } : {}) });
  }
}

/**
 * The events of a `text/event-stream` body, each yielded as soon as the bytes that end it have arrived: nothing is
 * held back but an event still incomplete, which the body's end drops, as the standard says. Leaving the loop early
 * (`break`, `return`, an error in the loop) cancels the body, which releases its connection.
 */
export async function* readServerSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent, void> {
  const reader = body.getReader();
  // A UTF-8 character split between two chunks is decoded once whole; a byte-order mark at the start is dropped.
  const decoder = new TextDecoder();
  const parser = new ServerSentEventParser();
  let finished = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        finished = true;
        yield* parser.push(decoder.decode());
        return;
      }
      yield* parser.push(decoder.decode(next.value, { stream: true }));
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => {});
  }
}
