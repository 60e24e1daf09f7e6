// What an answer becomes when it is not the success it should be: an error answer, a broken body, a cut-off read.
import { parseRetryAfter } from '@webex-ts/paginate';
import {
  MalformedResponseError,
  WebexBodyReadError,
  type SpecViolation,
  type WebexApiError,
  type WebexErrorDetail,
} from './classes.js';
import { redactUrl } from './redact-url.js';
import { errorClassFor } from './status-table.js';

/** What errors name of the request that failed: a `Request` or the transport's plain request both have it. */
type SentRequest = Pick<Request, 'method' | 'url'>;

/** The typed error for an error answer (its class from the status table), with the details of its body when it has them. */
export function apiError(request: SentRequest, response: Response, text: string): WebexApiError {
  let body: { message?: unknown; errors?: unknown; trackingId?: unknown; error?: unknown } = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') body = parsed as typeof body;
  } catch {
    // Not JSON: the status text stands in for the message.
  }
  const errors = Array.isArray(body.errors) ? (body.errors as WebexErrorDetail[]) : [];
  const message =
    typeof body.message === 'string' && body.message
      ? body.message
      : (errors[0]?.description ??
        contactCenterMessage(body.error) ??
        (response.statusText || `HTTP ${response.status}`));
  const trackingId =
    response.headers.get('trackingid') ?? (typeof body.trackingId === 'string' ? body.trackingId : undefined);
  const violations = specViolations(response.headers.get('sl-violations'));
  const init = {
    method: request.method,
    url: redactUrl(request.url),
    status: response.status,
    message,
    errors,
    trackingId,
    ...(violations && { violations }),
  };
  const ErrorClass = errorClassFor(response.status);
  // An unreadable Retry-After (Webex has sent `rand(30),add(30)`) is no wait the server asked for: undefined.
  return new ErrorClass({ ...init, retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) });
}

/**
 * The message of a Contact Center error body, `{ trackingId, error: { key, message: [...] } }`: the first entry of
 * `message` that says something in words (a string, or an object's `description` or `message`), else the `key`.
 */
function contactCenterMessage(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const { key, message } = error as { key?: unknown; message?: unknown };
  for (const entry of Array.isArray(message) ? message : []) {
    const words = typeof entry === 'string' ? entry : (entry?.description ?? entry?.message);
    if (typeof words === 'string' && words) return words;
  }
  return typeof key === 'string' && key ? key : undefined;
}

/** Prism's `sl-violations` header (a JSON array): why a contract mock rejected the request. Undefined when absent or unreadable. */
function specViolations(header: string | null): SpecViolation[] | undefined {
  if (!header) return undefined;
  try {
    const parsed: unknown = JSON.parse(header);
    if (!Array.isArray(parsed)) return undefined;
    const violations = parsed
      .filter(
        (item): item is Record<string, unknown> =>
          !!item && typeof item === 'object' && typeof (item as { message?: unknown }).message === 'string',
      )
      .map((item) => ({
        location: Array.isArray(item.location) ? item.location.map(String) : [],
        code: typeof item.code === 'string' ? item.code : String(item.code ?? ''),
        message: item.message as string,
        ...(typeof item.severity === 'string' && { severity: item.severity }),
      }));
    return violations.length ? violations : undefined;
  } catch {
    // A header we cannot read adds nothing; the status and body still tell the story.
    return undefined;
  }
}

/** Parses a success body read as text; an empty body (204) gives undefined, a body that is not JSON a `MalformedResponseError`. */
export function parseBody(request: SentRequest, response: Response, text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MalformedResponseError(
      response.status,
      response.headers.get('trackingid') ?? undefined,
      request.method,
      redactUrl(request.url),
      { cause: error },
    );
  }
}

/**
 * What a failed read of a success or error body becomes: a network failure (fetch's `TypeError: terminated`) as
 * `WebexBodyReadError`, with it as the cause; anything else (an abort's reason, an error of ours) as it is.
 */
export function bodyReadError(request: SentRequest, response: Response, error: unknown): unknown {
  if (!(error instanceof TypeError)) return error;
  return new WebexBodyReadError(request.method, redactUrl(request.url), response.status, { cause: error });
}
