// What generated methods call: checks, one request or a listing, and error answers turned into errors.
import { Paginated, pagingStrategy, type PageRequest, type PlainRequest } from '@webex-ts/paginate';
import { checkInput } from '../checks.js';
import { apiError, parseBody } from '../error-mapping.js';
import { WebexValidationError } from '../errors.js';
import type { RequestOptions } from '../options.js';
import { buildRequest, type RequestParts } from './request.js';
import type { OperationName, PagingConfig, ResourceCore } from './resource.js';
import type { SendOptions, Sent, Transport } from './transport.js';

/** The client's core: every resource method goes through one of these. */
export class Core implements ResourceCore {
  readonly baseUrl: string;

  constructor(readonly transport: Transport) {
    this.baseUrl = transport.baseUrl;
  }

  // The signatures of ResourceCore check inputs and derive results from the spec's types; the runtime is shared here.
  // Async, so that bad input rejects the promise (nothing sent) rather than throwing at the call.
  async send(
    operation: OperationName,
    method: string,
    path: string,
    input: RequestParts,
    options?: RequestOptions,
  ): Promise<never> {
    checkInput(operation, input);
    // Not through this.request: every call goes through here, and an async layer more would cost each a turn.
    const request = buildRequest(this.baseUrl, method, path, input, options?.headers);
    const sent = answered(request, await this.transport.send(request, bounded(options)));
    return parseBody(request, sent.response, sent.body) as never;
  }

  async sendText(
    operation: OperationName,
    method: string,
    path: string,
    input: RequestParts,
    options?: RequestOptions,
  ): Promise<string> {
    checkInput(operation, input);
    const [, sent] = await this.request(method, path, input, options);
    return sent.body;
  }

  /**
   * One request; an error answer throws its typed error. Hand-written calls
   * (form and multipart bodies, calls without the client's token) check their input themselves.
   * @internal
   */
  async request(
    method: string,
    path: string,
    input: RequestParts,
    options?: SendOptions,
  ): Promise<[PlainRequest, Sent]> {
    const request = buildRequest(this.baseUrl, method, path, input, options?.headers);
    return [request, answered(request, await this.transport.send(request, bounded(options)))];
  }

  /**
   * One request whose body is left unread, for downloads: auth and retries as
   * usual, error answers thrown as their typed errors. `target` is a path under
   * `baseUrl` or an absolute URL under it; `signal` bounds the call (caller's
   * signal and deadline), so the reader can stop the body with it.
   * @internal
   */
  async stream(method: string, target: string, options: SendOptions = {}): Promise<Streamed> {
    const root = new URL(`${this.baseUrl}/`).href;
    // Resolved first, so `..` segments cannot climb out of the API root.
    const url = hrefOf(target) ?? hrefOf(this.baseUrl + target) ?? '';
    // The transport sends the token only to the API's origin; refusing other URLs here also keeps the call under the API root.
    if (!url.startsWith(root))
      throw new WebexValidationError(
        'stream',
        'url',
        "expected a path, or a URL under the client's baseUrl; give the path instead",
      );
    const request = buildRequest(url, method, '', {}, options.headers);
    const signal = callSignal(options);
    const response = await this.transport.sendUnread(request, { ...options, signal });
    if (!response.ok) throw apiError(request, response, await response.text().catch(() => ''));
    return { request, response, signal };
  }

  list(
    operation: OperationName,
    path: string,
    input: RequestParts,
    options?: RequestOptions,
    paging?: PagingConfig,
  ): Paginated<never> {
    checkInput(operation, input);
    const query = input.params?.query as Record<string, unknown> | undefined;
    const strategy = pagingStrategy(paging, { baseUrl: this.baseUrl, query });
    return new Paginated<never>(
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
        const sent = answered(request, await this.transport.send(request, { ...options, signal, onHeaders }));
        return { body: parseBody(request, sent.response, sent.body), response: sent.response };
      },
      strategy,
      { signal: callSignal(options) },
    );
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

/** A response whose body is still to be read, the request that got it, and the signal bounding the call. */
export interface Streamed {
  request: PlainRequest;
  response: Response;
  signal: AbortSignal | undefined;
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
