// The one contract every resource is written against, generated or hand-written: types only, no runtime code.
import type { Paginated, PagingConfig, PagingFactory, PagingNames, PlainRequest } from '@webex-ts/paginate';
import type { OperationName } from '../gen/operation-names.gen.js';

export type { OperationName, PagingConfig, PagingFactory, PagingNames };

/** Per-call options, the last argument of every method. */
export interface RequestOptions {
  /** Aborts the call, including any retry wait. */
  signal?: AbortSignal;
  /** Time limit of each attempt of this call, in ms. */
  timeout?: number;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /** Retry this POST or PATCH after a 5xx, reset or timeout too; only for calls safe to repeat. */
  retryNonIdempotent?: boolean;
  /** Overall time limit for the call, retries and waits included, in ms. */
  deadline?: number;
  /** A `TrackingID` header to send, to find this call in Webex's logs and yours. */
  trackingId?: string;
}

/** An HTTP method in lower case, as the spec spells it. */
export type HttpMethod = 'get' | 'head' | 'put' | 'post' | 'delete' | 'patch';

/** What a call sends besides its method and path: path and query parameters, a body, headers of its own. */
export interface CallInput {
  params?: { path?: Record<string, unknown>; query?: object | undefined };
  /** A JSON value, or a body fetch sends as it is (`FormData`, `URLSearchParams`, `Blob`). */
  body?: unknown;
  headers?: Record<string, string> | undefined;
  /**
   * Query parameters whose arrays go as one comma-separated value (`ids=a,b`, OpenAPI `style: form, explode: false`)
   * rather than repeated (`ids=a&ids=b`, the default).
   */
  commaSeparatedQuery?: readonly string[];
  /**
   * Content types of a multipart body's parts, by part name (`{ audioFileInfo: 'application/json' }`): such a part
   * goes with its own `Content-Type` (an object as its JSON), not as a plain text field.
   */
  partTypes?: Readonly<Record<string, string>>;
  /**
   * The operation's own rule beyond the spec, checked before anything is sent (`checkMessageCreate`); the generated
   * method passes it, so that only the checks of the methods a bundle uses are in it.
   */
  check?: (input: CallInput, operation: string) => void;
}

/** Per-call options as a resource passes them on: the caller's, and calls made without the client's token. */
export interface CallOptions extends RequestOptions {
  /**
   * Send no `Authorization` of the client's own (token exchanges, guest logins).
   * @internal
   */
  anonymous?: boolean;
}

/** A response whose body is still to be read, the request that got it, and the signal bounding the call. */
export interface Streamed {
  request: PlainRequest;
  response: Response;
  signal: AbortSignal | undefined;
}

/**
 * What every resource calls, generated or hand-written: one request, a listing, or a download. `operation` names the
 * call (`rooms.get`) for the checks made before sending and for the errors they throw. The core sends and parses;
 * the types of answers are the caller's to give: a generated method names the model its spec gives
 * (`call<Room>(…)`), so the contract needs no copy of the spec's types.
 */
export interface ResourceCore {
  /** The API root paths are resolved against. */
  readonly baseUrl: string;
  /** One request; resolves to the parsed JSON answer (undefined for an empty one). An error answer throws its error. */
  call<Result>(
    operation: string,
    method: HttpMethod,
    path: string,
    input: CallInput,
    options?: CallOptions,
  ): Promise<Result>;
  /** One request whose answer is plain text. */
  callText(
    operation: string,
    method: HttpMethod,
    path: string,
    input: CallInput,
    options?: CallOptions,
  ): Promise<string>;
  /**
   * A `GET` listing that fetches its pages as it is iterated, paged by the strategy `paging` makes from `names` (a
   * strategy's own factory, such as `linkPaging` or `pagePaging`, so a bundle carries only the strategies it lists
   * with; `anyPaging` picks one from a `PagingConfig` held as data).
   */
  list<Item>(
    operation: string,
    path: string,
    input: CallInput,
    options: RequestOptions | undefined,
    paging: PagingFactory,
    names?: PagingNames,
  ): Paginated<Item>;
  /**
   * One request whose body is left unread, for downloads and event streams: `target` is a path under `baseUrl` or an
   * absolute URL under it (anything else is refused before sending); the answer's `signal` bounds the call, so a
   * reader can stop the body. With `input`, `target` is a path template filled from it, like a call's, and the input
   * is checked first.
   */
  stream(
    operation: string,
    method: HttpMethod,
    target: string,
    options?: CallOptions,
    input?: CallInput,
  ): Promise<Streamed>;
}
