// A stand-in for the client's `core/resource.ts`, which the scenario's generated resources import. The client's own
// checks every call against the Webex API's `paths`; this one checks them against the scenario's (operation names,
// paths and methods), and lets each method say what it resolves to.
import type { paths } from '../gen/openapi.gen.js';
import type { OperationName } from '../gen/operation-names.gen.js';
import type { PagingConfig } from './operation-info.js';

/** Per-call options. */
export interface RequestOptions {
  signal?: AbortSignal;
}

type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch';

/** The paths of the scenario's spec that have method `M`. */
type PathWith<M extends HttpMethod> = {
  [P in keyof paths]: [paths[P][M]] extends [never | undefined] ? never : P;
}[keyof paths];

/** What the generated resources call. */
export interface ResourceCore {
  send<T, M extends HttpMethod = HttpMethod>(
    operation: OperationName,
    method: M,
    path: PathWith<M>,
    input: object,
    options?: RequestOptions,
  ): Promise<T>;
  sendText<M extends HttpMethod>(
    operation: OperationName,
    method: M,
    path: PathWith<M>,
    input: object,
    options?: RequestOptions,
  ): Promise<string>;
  list<T>(
    operation: OperationName,
    path: PathWith<'get'>,
    input: object,
    options?: RequestOptions,
    paging?: PagingConfig,
  ): T;
}
