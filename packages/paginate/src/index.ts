export { parseLinkHeader, nextLink, type Link } from './paging/link-header.js';
export type {
  PageRequest,
  LoadedPage,
  PageLoader,
  PagingStrategy,
  PagingFactory,
  PagingNames,
  ListingContext,
} from './paging/strategy.js';
export { Paginated, DEFAULT_MAX_PAGES, type Page, type PaginateOptions } from './paging/engine.js';
export { linkPaging, type LinkPagingOptions } from './paging/strategies/link.js';
export { offsetPaging, type OffsetPagingOptions } from './paging/strategies/offset.js';
export { scimPaging, type ScimPagingOptions } from './paging/strategies/scim.js';
export { pagePaging, type PagePagingOptions } from './paging/strategies/page.js';
export { paginate, type OpenApiPaginateOptions, type GetClient, type PaginateInit } from './paging/openapi.js';
export {
  anyPaging,
  pagingStrategy,
  type PagingConfig,
  type PagingChoice,
  type PagingContext,
} from './paging/strategies/choose.js';
export { ApiClientError } from './errors.js';
export { PageLimitError, PageFetchError, ForeignLinkError, MalformedPageError } from './paging/errors.js';
export { relativeToBase } from './paging/base-url.js';
export {
  shouldRetry,
  backoffDelayMs,
  isIdempotent,
  isTimeout,
  defaultRetryPolicy,
  type RetryPolicy,
  type RetryDecision,
  type RetryReason,
  type RetryCounts,
  type AttemptOutcome,
} from './retry/policy.js';
export { parseRetryAfter } from './retry/retry-after.js';
export {
  fetchWithRetry,
  sendWithRetry,
  type RetryEvent,
  type FetchWithRetryOptions,
  type PlainRequest,
  type RetryableRequest,
  type AttemptFetchFn,
} from './retry/send-with-retry.js';
export { sleep } from './retry/sleep.js';
export { RequestGate, type GateOptions } from './gate/gate.js';
