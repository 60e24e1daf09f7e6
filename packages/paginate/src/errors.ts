/**
 * The base of every error this package throws, and of an API client's own errors built on it: `@webex-ts/client`
 * re-exports it as `WebexError`, so one `instanceof` catches a client's errors and the paging errors alike.
 */
export class ApiClientError extends Error {
  override name = 'ApiClientError';
}
