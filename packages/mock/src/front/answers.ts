// The answers the mock writes itself (not Prism's): JSON with a `TrackingID`, errors shaped as Webex shapes them.
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/** A tracking id the mock made, told apart from Prism's example ones by its prefix. */
export function trackingId(): string {
  return `WEBEX_MOCK_${randomUUID()}`;
}

/**
 * What Prism sends with every answer so that a page on another origin (the client in a browser, against the mock)
 * may read it, headers included: the answers the mock writes itself carry the same, or a browser refuses them.
 */
export const CROSS_ORIGIN_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': '*',
} as const;

/** Writes `body` as JSON (the headers only for `HEAD`); returns the status. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  method = 'GET',
  headers: Record<string, string> = {},
): number {
  const text = JSON.stringify(body);
  const id = headers.TrackingID ?? trackingId();
  response.writeHead(status, {
    ...CROSS_ORIGIN_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers,
    TrackingID: id,
  });
  response.end(method === 'HEAD' ? undefined : text);
  return status;
}

/** Writes a Webex error body: `{ message, errors: [{ description }], trackingId }`, the same id in `TrackingID`. */
export function sendError(response: ServerResponse, status: number, message: string, method = 'GET'): number {
  const id = trackingId();
  return sendJson(response, status, { message, errors: [{ description: message }], trackingId: id }, method, {
    TrackingID: id,
  });
}

/** Whether a request carries a bearer token, as Prism demands of every operation (the mock takes any token). */
export function hasBearer(header: string | undefined): boolean {
  return /^Bearer \S+/.test(header ?? '');
}

/** The answer to a request without a bearer token, worded as Webex's. */
export function sendUnauthorized(response: ServerResponse, method: string): number {
  return sendError(
    response,
    401,
    'The request requires a valid access token set in the Authorization request header.',
    method,
  );
}
