// JSON requests to the catalog and the device service, with the token. Every URL is checked by the caller
// (trust.ts) before it gets here; redirects are refused, so that the token cannot be led elsewhere by one.
import { DeviceServiceError } from './errors.js';

/** The `fetch` used for U2C and WDM. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** An answer: its status, its JSON body (undefined when empty or not JSON) and `TrackingID`. */
export interface JsonAnswer {
  status: number;
  body: unknown;
  trackingId: string | undefined;
}

/** What every call needs. */
export interface HttpSettings {
  fetch: FetchLike;
  /** Per-request time limit, in ms. */
  timeoutMs: number;
  /** Aborted when the source closes. */
  signal: AbortSignal;
}

/** Sends one request with `Authorization: Bearer <token>` and reads the JSON answer, whatever its status. */
export async function requestJson(
  settings: HttpSettings,
  method: string,
  url: URL,
  token: string,
  body?: unknown,
): Promise<JsonAnswer> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${token}`,
    accept: 'application/json',
    trackingid: `webex-ts_${crypto.randomUUID()}`,
  };
  if (body !== undefined) headers['content-type'] = 'application/json';
  // A controller of its own rather than AbortSignal.any: combining with the source's long-lived signal would leave a
  // reference behind on it per request (Node 20).
  const controller = new AbortController();
  const abort = () => controller.abort(settings.signal.reason);
  if (settings.signal.aborted) abort();
  settings.signal.addEventListener('abort', abort, { once: true });
  const timer = setTimeout(
    () =>
      controller.abort(
        new DeviceServiceError(
          `${method} ${shown(url)}: no answer within ${settings.timeoutMs} ms`,
          undefined,
          undefined,
        ),
      ),
    settings.timeoutMs,
  );
  let response: Response;
  let text: string;
  try {
    try {
      response = await settings.fetch(url.href, {
        method,
        headers,
        redirect: 'error',
        signal: controller.signal,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      if (settings.signal.aborted) throw settings.signal.reason;
      throw new DeviceServiceError(`${method} ${shown(url)} failed: ${messageOf(error)}`, undefined, undefined, {
        cause: error,
      });
    }
    text = await response.text().catch(() => '');
  } finally {
    clearTimeout(timer);
    settings.signal.removeEventListener('abort', abort);
  }
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed, trackingId: response.headers.get('trackingid') ?? undefined };
}

/** The error for an answer that is not what the caller expected: status, Webex's message, tracking id. */
export function answerError(method: string, url: URL, answer: JsonAnswer, expected: string): DeviceServiceError {
  const message = isRecord(answer.body) && typeof answer.body.message === 'string' ? `: ${answer.body.message}` : '';
  const tracking = answer.trackingId ? ` [tracking id ${answer.trackingId}]` : '';
  return new DeviceServiceError(
    `${method} ${shown(url)} answered ${answer.status}${message}; expected ${expected}${tracking}`,
    answer.status,
    answer.trackingId,
  );
}

/** The URL as errors show it: without its query. */
export function shown(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
