// The types the generated operation table (`gen/operations.gen.ts`) is written against, and nothing else: no runtime code.
import type { PagingConfig } from '@webex-ts/paginate';

/** How a list pages: `@webex-ts/paginate`'s one paging type, under the name the client has always exported. */
export type { PagingConfig };

/**
 * A host other than the API's own (webexapis.com) that operations are served from, as the operation table names it;
 * the client has options for each (`contactCenter`, `callingAnalytics`), and the generator knows the same names.
 */
export type HostName = 'contactCenter' | 'callingAnalytics';

/** A JSON type in one word, as a command line or a query string deals in. */
export type ScalarType = 'string' | 'integer' | 'number' | 'boolean' | 'object';

/** One path, query or header parameter of an operation. */
export interface ParameterInfo {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  /** Path parameters always are. */
  readonly required: boolean;
  /** Its schema's JSON type, or an array of one (`string[]`); `string` when the spec names none. */
  readonly type: ScalarType | `${ScalarType}[]`;
  /** A query array sent as one comma-separated value (`ids=a,b`), not repeated: the input's `commaSeparatedQuery`. */
  readonly commaSeparated?: true;
}

/** One operation of the API as the generator knew it: where it is, what it takes and answers, how it pages. */
export interface OperationInfo {
  /** Lower case, as the spec spells it. */
  readonly method: 'get' | 'put' | 'post' | 'delete' | 'patch';
  /** The spec's path template: `/rooms/{roomId}`. */
  readonly path: string;
  /** The folder of `specs/` it is described in (`messaging`, `admin`, `meetings`, `devices`); none at the top. */
  readonly area?: string;
  /** The spec file it comes from, under `specs/` without the extension: `messaging/rooms`. */
  readonly document: string;
  /** The server URL the operation, its path or its spec file declares; none means the API's base URL. */
  readonly server?: string;
  /** The host it is served from, whose core the client routes it to (`contactCenter`); none means the API's own. */
  readonly host?: HostName;
  /** Path parameters, then query, then header ones, each in the spec's order. */
  readonly parameters: readonly ParameterInfo[];
  /**
   * The request body, when the operation takes one: the content type the client sends it as, and for a multipart
   * body the content types of its parts where the spec gives them (the input's `partTypes`).
   */
  readonly body?: {
    readonly contentType: string;
    readonly required: boolean;
    readonly partTypes?: Readonly<Record<string, string>>;
  };
  /** The success answer's content type (`application/json`, `text/plain`); none for an answer without a body. */
  readonly answer?: { readonly contentType: string };
  /** How a listing pages; none for an operation that answers in one go. */
  readonly paging?: PagingConfig;
  /**
   * How a stream's events are framed: `sse`, server-sent events, each event's data one JSON value (the answer's
   * content type is then `text/event-stream`); none for an operation that answers in one go.
   */
  readonly stream?: 'sse';
  /**
   * The client's check of a rule beyond the spec (`checkMessageCreate`): a key of `operationChecks`, whose function
   * goes in the call's input as `check`; none when the operation has no such rule.
   */
  readonly check?: keyof typeof import('../checks.js')['operationChecks'];
}
