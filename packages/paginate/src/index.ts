export { parseLinkHeader, nextLink, type Link } from './link.js';
export type { PageRequest, LoadedPage, PageLoader, PagingStrategy } from './strategy.js';
export { Paginated, DEFAULT_MAX_PAGES, type Page, type PaginateOptions } from './paginate.js';
export { linkPaging, type LinkPagingOptions } from './strategies/link.js';
export { offsetPaging, type OffsetPagingOptions } from './strategies/offset.js';
export { scimPaging, type ScimPagingOptions } from './strategies/scim.js';
export { paginate, type OpenApiPaginateOptions, type GetClient } from './openapi.js';
export { pagingStrategy, type PagingChoice, type PagingContext } from './strategies/choose.js';
export { ApiClientError, PageLimitError, PageFetchError, ForeignLinkError } from './errors.js';
export { relativeToBase } from './base-url.js';
export {
  fetchWithRetry,
  sendWithRetry,
  shouldRetry,
  backoffDelayMs,
  parseRetryAfter,
  isIdempotent,
  isTimeout,
  defaultRetryPolicy,
  type RetryPolicy,
  type RetryDecision,
  type RetryReason,
  type RetryEvent,
  type RetryCounts,
  type AttemptOutcome,
  type FetchWithRetryOptions,
  type PlainRequest,
  type RetryableRequest,
  type AttemptFetchFn,
} from './retry.js';
export { sleep } from './sleep.js';
export { RequestGate, type GateOptions } from './gate.js';
