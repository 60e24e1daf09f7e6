// What a generated stream method returns: the events of one `text/event-stream` answer, parsed as they arrive.
import { typedBody } from '../core/body.js';
import type { CallInput, HttpMethod, RequestOptions, ResourceCore, Streamed } from '../core/resource.js';
import { MalformedStreamError, WebexConnectionError, WebexTimeoutError } from '../errors/classes.js';
import { bodyReadError, parseBody } from '../errors/from-response.js';
import { redactUrl } from '../errors/redact-url.js';
import { readServerSentEvents } from './server-sent-events.js';

/** The media type of server-sent events. */
const EVENT_STREAM = 'text/event-stream';

/**
 * The events of a stream operation, each event's data parsed as one `Item`, yielded as soon as it arrives: iterate
 * with `for await`. Nothing is sent until the loop starts; each loop opens its own connection, which `break` (or
 * `return`, or an error thrown in the loop) closes, as does the call's `signal` or `deadline`. An error answer throws
 * its `WebexApiError` from the loop before any event; a connection lost afterwards throws `WebexBodyReadError`, and
 * the request is not sent again: a caller that wants to go on opens a new loop. A JSON answer instead of events (as a
 * mock may give) is read as a stream of that one item.
 *
 * ```ts
 * for await (const view of webex.contactCenter.journeyProfiles.stream(workspaceId, '+34915550123', templateId)) {
 *   if (view.personId) break;
 * }
 * ```
 */
export class EventStream<Item> implements AsyncIterable<Item> {
  readonly #core: ResourceCore;
  readonly #operation: string;
  readonly #method: HttpMethod;
  readonly #path: string;
  readonly #input: CallInput;
  readonly #options: RequestOptions;

  /** Built by a generated method: its core, name, HTTP method, path template, parameters and per-call options. */
  constructor(
    core: ResourceCore,
    operation: string,
    method: HttpMethod,
    path: string,
    input: CallInput,
    options: RequestOptions = {},
  ) {
    this.#core = core;
    this.#operation = operation;
    this.#method = method;
    this.#path = path;
    this.#input = input;
    this.#options = options;
  }

  [Symbol.asyncIterator](): AsyncIterator<Item> {
    return this.#items();
  }

  async *#items(): AsyncGenerator<Item, void> {
    const streamed = await this.#core.stream(this.#operation, this.#method, this.#path, this.#options, this.#input);
    const { request, response } = streamed;
    const url = redactUrl(request.url);
    offHostRefused(streamed, url);
    const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    try {
      if (type === 'application/json' || type.endsWith('+json')) {
        const text = await response.text().catch((error: unknown) => {
          throw bodyReadError(request, response, error);
        });
        const item = parseBody(request, response, text);
        if (item !== undefined) yield item as Item;
        return;
      }
      if (type !== EVENT_STREAM) {
        await response.body?.cancel().catch(() => {});
        throw new MalformedStreamError(
          this.#operation,
          request.method,
          url,
          `answered ${response.status} with ${type ? `Content-Type ${type}` : 'no Content-Type'}, not ${EVENT_STREAM}`,
        );
      }
      let count = 0;
      for await (const event of readServerSentEvents(typedBody(request, response))) {
        count++;
        yield this.#parse(event.data, count, event.id, request.method, url);
      }
    } catch (error) {
      throw this.#stopped(error, streamed, url);
    }
  }

  /** One event's data as the item it holds. */
  #parse(data: string, count: number, id: string, method: string, url: string): Item {
    try {
      return JSON.parse(data) as Item;
    } catch (error) {
      const which = id ? `event ${count} (id ${JSON.stringify(id)})` : `event ${count}`;
      throw new MalformedStreamError(this.#operation, method, url, `sent ${which}, whose data is not valid JSON`, {
        cause: error,
      });
    }
  }

  /** The error a stream stopped with: the deadline's passing as the timeout it is; anything else as it came. */
  #stopped(error: unknown, { request, signal }: Streamed, url: string): unknown {
    const { deadline } = this.#options;
    if (signal?.aborted && !this.#options.signal?.aborted && deadline !== undefined)
      return new WebexTimeoutError(deadline, request.method, url, { cause: error });
    return error;
  }
}

/** A stream redirected to another origin is refused, as any answer of an operation is: its events are not this host's. */
function offHostRefused({ request, response }: Streamed, url: string): void {
  if (!response.redirected || new URL(response.url).origin === new URL(request.url).origin) return;
  response.body?.cancel().catch(() => {});
  throw new WebexConnectionError(request.method, url, {
    cause: new Error('redirected off the host', {
      cause: new Error(`redirected to ${new URL(response.url).origin}: the answer was refused`),
    }),
  });
}
