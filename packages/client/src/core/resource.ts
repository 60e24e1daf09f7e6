// The types generated resources are written against, and nothing else: no runtime code.
import type { Paginated } from '@webex-ts/paginate';
import type { FetchResponse, MaybeOptionalInit } from 'openapi-fetch';
import type { paths } from '../gen/openapi.gen.js';
import type { OperationName } from '../gen/operation-names.gen.js';
import type { RequestOptions } from '../options.js';
import type { PagingConfig } from './operation-info.js';

export type { OperationName, PagingConfig, RequestOptions };

/** An HTTP method as the spec's `paths` spell it. */
type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch';

/** The paths of the spec that have method `M`. */
type PathWith<M extends HttpMethod> = {
  [P in keyof paths]: [paths[P][M]] extends [never | undefined] ? never : P;
}[keyof paths];

/** What a generated method passes for one operation: path and query parameters, body, extra headers; checked against the spec. */
type OperationInput<P extends keyof paths, M extends HttpMethod> = MaybeOptionalInit<paths[P], M> & {
  headers?: Record<string, string>;
};

/** The parsed success body of an operation, from the spec's `paths`. */
type ResponseData<P extends keyof paths, M extends HttpMethod> = NonNullable<
  Extract<
    FetchResponse<paths[P][M] & Record<string | number, unknown>, object, 'application/json'>,
    { error?: never }
  >['data']
>;

/** The items of a list answer: the array in field `K`. */
type ListItem<D, K extends string> = D extends { [key in K]?: readonly (infer I)[] | null } ? I : never;

/** What generated resources need from the client: one request, its text, or a listing. */
export interface ResourceCore {
  /** One request; resolves to the parsed body (undefined for an empty answer). */
  send<P extends PathWith<M>, M extends HttpMethod>(
    operation: OperationName,
    method: M,
    path: P,
    input: OperationInput<P, M>,
    options?: RequestOptions,
  ): Promise<ResponseData<P, M>>;
  /** One request whose answer is plain text. */
  sendText<P extends PathWith<M>, M extends HttpMethod>(
    operation: OperationName,
    method: M,
    path: P,
    input: OperationInput<P, M>,
    options?: RequestOptions,
  ): Promise<string>;
  /** A listing that fetches pages as it is iterated; Link paging over `items` unless `paging` says otherwise. */
  list<P extends PathWith<'get'>, K extends string = 'items'>(
    operation: OperationName,
    path: P,
    input: OperationInput<P, 'get'>,
    options?: RequestOptions,
    paging?: PagingConfig<K>,
  ): Paginated<ListItem<ResponseData<P, 'get'>, K>>;
}
