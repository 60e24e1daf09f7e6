export { parseLinkHeader, nextLink, type Link } from './link.js';
export {
  Paginated,
  PageLimitError,
  PageFetchError,
  ForeignLinkError,
  paginate,
  relativeToBase,
  type Page,
  type PageFetcher,
  type PaginateOptions,
  type OpenApiPaginateOptions,
  type GetClient,
} from './paginate.js';
export {
  fetchWithRetry,
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
} from './retry.js';
export { sleep } from './sleep.js';
export { RequestGate, type GateOptions } from './gate.js';
