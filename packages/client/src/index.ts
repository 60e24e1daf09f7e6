export { Webex } from './webex.js';
export type { WebexOptions, RequestOptions } from './options.js';
export { DEFAULT_BASE_URL } from './options.js';
export {
  WebexError,
  WebexApiError,
  RateLimitError,
  MalformedResponseError,
  AccessTokenError,
  WebexTimeoutError,
  WebexConnectionError,
  WebexValidationError,
  redactUrl,
  type WebexErrorDetail,
} from './errors.js';
export { MESSAGE_MAX_BYTES, PEOPLE_MAX_IDS } from './checks.js';
export * from './gen/resources.gen.js';
export type { paths, components, operations } from './gen/openapi.gen.js';
export { Paginated, PageLimitError, ForeignLinkError, type Page, type RetryEvent } from '@webex-ts/paginate';
export type * from '@webex-ts/models';
