// Status → error class, as data: every error answer is typed from this table, whichever path it came by. Its two
// columns are two constants, so that a bundle that never downloads a file carries neither download class.
import {
  FileInfectedError,
  FileUnscannableError,
  RateLimitError,
  WebexApiError,
  type RateLimitErrorInit,
} from './classes.js';

/** An error class built from an answer's fields; `retryAfterMs` is read by `RateLimitError` and ignored by the others. */
export type ApiErrorClass = new (init: RateLimitErrorInit) => WebexApiError;

/** Error classes by status; a status without an entry is a plain `WebexApiError`. */
export type StatusTable = Readonly<Partial<Record<number, ApiErrorClass>>>;

/** Every call's error answers. */
export const CALL_ERRORS: StatusTable = { 429: RateLimitError };

/** A download's error answers, over every call's: malware scanning speaks through 410 and 428 there, and only there. */
export const DOWNLOAD_ERRORS: StatusTable = { 410: FileInfectedError, 428: FileUnscannableError };

/** The class an error answer with `status` becomes: from `over` (a call's own column) first, then from every call's. */
export function errorClassFor(status: number, over?: StatusTable): ApiErrorClass {
  return over?.[status] ?? CALL_ERRORS[status] ?? WebexApiError;
}

/**
 * An error the core already typed as any call's, typed again by a call's own column (a download's 410 becomes a
 * `FileInfectedError`): the core does not know what kind of call it sent. Anything else is returned as it is.
 */
export function retyped(error: unknown, over: StatusTable): unknown {
  if (!(error instanceof WebexApiError)) return error;
  const ErrorClass = errorClassFor(error.status, over);
  if (Object.getPrototypeOf(error) === ErrorClass.prototype) return error;
  const { method, url, status, apiMessage: message, errors, trackingId, violations } = error;
  return new ErrorClass({ method, url, status, message, errors, trackingId, ...(violations ? { violations } : {}) });
}
