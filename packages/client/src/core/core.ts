// The one core: checks, one request, a listing or a download, and error answers turned into their errors.
import {
  Paginated,
  type PageRequest,
  type PagingFactory,
  type PagingNames,
  type PlainRequest,
} from '@webex-ts/paginate';
import { checkInput } from '../checks.js';
import { apiError, parseBody } from '../errors/from-response.js';
import { WebexValidationError } from '../errors/classes.js';
import { buildRequest } from './request.js';
import type { CallInput, CallOptions, HttpMethod, RequestOptions, ResourceCore, Streamed } from './resource.js';
import type { SendOptions, Sent, Transport } from './transport.js';

/** The client's core: every resource, generated or hand-written, calls through one of these. */
export class Core implements ResourceCore {
  readonly baseUrl: string;
  /**
   * Sends a `Request` with the client's auth and retries, and hands back the response with its body unread (a
   * connection lost while it is read is a typed error): what `createHttp` gives openapi-fetch.
   * @internal
   */
  readonly fetch: (request: Request) => Promise<Response>;
  readonly #transport: Transport;

  /**
   * Built by `createCore()`, which resolves the options into a transport.
   * @internal
   */
  constructor(transport: Transport) {
    this.#transport = transport;
    this.baseUrl = transport.baseUrl;
    this.fetch = transport.fetch;
  }

  // Async, so that bad input rejects the promise (nothing sent) rather than throwing at the call.
  async call<Result>(
    operation: string,
    method: HttpMethod,
    path: string,
    input: CallInput,
    options?: CallOptions,
  ): Promise<Result> {
    const request = this.#request(operation, method, path, input, options);
    const sent = answered(request, await this.#transport.send(request, bounded(options)));
    // JSON in, the caller's type out: a generated method names the model the spec gives for this answer.
    return parseBody(request, sent.response, sent.body) as Result;
  }

  async callText(
    operation: string,
    method: HttpMethod,
    path: string,
    input: CallInput,
    options?: CallOptions,
  ): Promise<string> {
    const request = this.#request(operation, method, path, input, options);
    return answered(request, await this.#transport.send(request, bounded(options))).body;
  }

  async stream(
    operation: string,
    method: HttpMethod,
    target: string,
    options: CallOptions = {},
    input?: CallInput,
  ): Promise<Streamed> {
    const root = new URL(`${this.baseUrl}/`).href;
    const filled = input && this.#request(operation, method, target, input, options);
    // Resolved first, so `..` segments cannot climb out of the API root.
    const url = filled ? (hrefOf(filled.url) ?? '') : (hrefOf(target) ?? hrefOf(this.baseUrl + target) ?? '');
    // The transport sends the token only to the API's origin; refusing other URLs here also keeps the call under the API root.
    if (!url.startsWith(root))
      throw new WebexValidationError(
        operation,
        'url',
        "expected a path, or a URL under the client's baseUrl; give the path instead",
      );
    const request = filled ? { ...filled, url } : buildRequest(url, method, '', {}, options.headers);
    const signal = callSignal(options);
    const response = await this.#transport.sendUnread(request, { ...options, signal });
    if (!response.ok) throw apiError(request, response, await response.text().catch(() => ''));
    return { request, response, signal };
  }

  list<Item>(
    operation: string,
    path: string,
    input: CallInput,
    options: RequestOptions | undefined,
    paging: PagingFactory,
    names?: PagingNames,
  ): Paginated<Item> {
    checkInput(operation, input);
    const query = input.params?.query as Record<string, unknown> | undefined;
    // Links must stay under this core's root: a page of one host never leads to another.
    const strategy = paging({ ...names, baseUrl: this.baseUrl, query: query ?? {} });
    return new Paginated<Item>(
      async (page: PageRequest, signal: AbortSignal, onHeaders?: (response: Response) => Promise<void> | undefined) => {
        const request =
          page.kind === 'url'
            ? buildRequest(page.url, 'GET', '', { headers: input.headers }, options?.headers)
            : buildRequest(
                this.baseUrl,
                'GET',
                path,
                page.kind === 'query'
                  ? { ...input, params: { ...input.params, query: { ...query, ...page.query } } }
                  : input,
                options?.headers,
              );
        const sent = answered(request, await this.#transport.send(request, { ...options, signal, onHeaders }));
        return { body: parseBody(request, sent.response, sent.body), response: sent.response };
      },
      strategy,
      { signal: callSignal(options) },
    );
  }

  /**
   * The request of a call, once its input passed the checks. Not async: a call awaits the transport alone, since an
   * async layer more would cost every call a turn.
   */
  #request(
    operation: string,
    method: HttpMethod,
    path: string,
    input: CallInput,
    options: CallOptions | undefined,
  ): PlainRequest {
    checkInput(operation, input);
    return buildRequest(this.baseUrl, method, path, input, options?.headers);
  }
}

/** An absolute URL, normalised; undefined for anything else (a path). */
function hrefOf(raw: string): string | undefined {
  try {
    return new URL(raw).href;
  } catch {
    return undefined;
  }
}

/** What came back, when it is a success; an error answer throws its typed error. */
function answered(request: PlainRequest, sent: Sent): Sent {
  if (!sent.response.ok) throw apiError(request, sent.response, sent.body);
  return sent;
}

const NO_OPTIONS: SendOptions = Object.freeze({});

/** A call's options with its deadline folded into its signal. */
function bounded(options: SendOptions | undefined): SendOptions {
  if (!options) return NO_OPTIONS;
  return options.deadline ? { ...options, signal: callSignal(options) } : options;
}

/** The caller's signal, bounded by the overall deadline when there is one. */
export function callSignal(options: RequestOptions | undefined): AbortSignal | undefined {
  if (!options?.deadline) return options?.signal;
  const deadline = AbortSignal.timeout(options.deadline);
  return options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
}
