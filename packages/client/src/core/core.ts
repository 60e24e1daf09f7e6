// What generated methods call: checks, one request or a listing, and error answers turned into errors.
import { Paginated, pagingStrategy, type PageRequest } from '@webex-ts/paginate';
import { checkInput } from '../checks.js';
import { apiError, parseBody } from '../error-mapping.js';
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
  async send(operation: OperationName, method: string, path: string, input: RequestParts, options?: RequestOptions): Promise<never> {
    checkInput(operation, input);
    const [request, sent] = await this.request(method, path, input, options);
    return parseBody(request, sent.response, sent.text) as never;
  }

  async sendText(operation: OperationName, method: string, path: string, input: RequestParts, options?: RequestOptions): Promise<string> {
    checkInput(operation, input);
    const [, sent] = await this.request(method, path, input, options);
    return sent.text;
  }

  /**
   * One request; an error answer throws its typed error. Hand-written calls
   * (form and multipart bodies, calls without the client's token) check their input themselves.
   * @internal
   */
  async request(method: string, path: string, input: RequestParts, options: SendOptions = {}): Promise<[Request, Sent]> {
    const request = buildRequest(this.baseUrl, method, path, input, options.headers);
    const call = options.deadline ? { ...options, signal: callSignal(options) } : options;
    const sent = await this.transport.send(request, call);
    if (!sent.response.ok) throw apiError(request, sent.response, sent.text);
    return [request, sent];
  }

  list(operation: OperationName, path: string, input: RequestParts, options?: RequestOptions, paging?: PagingConfig): Paginated<never> {
    checkInput(operation, input);
    const query = input.params?.query as Record<string, unknown> | undefined;
    const strategy = pagingStrategy(paging, { baseUrl: this.baseUrl, query });
    return new Paginated<never>(
      async (page: PageRequest, signal: AbortSignal) => {
        const request =
          page.kind === 'url'
            ? buildRequest(page.url, 'GET', '', { headers: input.headers }, options?.headers)
            : buildRequest(this.baseUrl, 'GET', path, page.kind === 'query' ? { ...input, params: { ...input.params, query: { ...query, ...page.query } } } : input, options?.headers);
        const sent = await this.transport.send(request, { ...options, signal });
        if (!sent.response.ok) throw apiError(request, sent.response, sent.text);
        return { body: parseBody(request, sent.response, sent.text), response: sent.response };
      },
      strategy,
      { signal: callSignal(options) },
    );
  }
}

/** The caller's signal, bounded by the overall deadline when there is one. */
export function callSignal(options: RequestOptions | undefined): AbortSignal | undefined {
  if (!options?.deadline) return options?.signal;
  const deadline = AbortSignal.timeout(options.deadline);
  return options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
}
