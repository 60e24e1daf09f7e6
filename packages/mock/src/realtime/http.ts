// Small HTTP helpers shared by the catalog, WDM and REST handlers.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthCheck, FailableOperation, FailureOptions } from './types.js';

/** An answer a handler decided on; the server writes it. */
export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** `Authorization` against the token: `Bearer <token>` exactly. */
export function checkAuth(header: string | undefined, token: string): AuthCheck {
  if (!header) return 'missing';
  return header === `Bearer ${token}` ? 'valid' : 'wrong';
}

/** A Webex-shaped error: `{ message, errors: [{ description }], trackingId }` and the `TrackingID` header. */
export function errorAnswer(status: number, message: string, headers: Record<string, string> = {}): Answer {
  const trackingId = `fake_${randomUUID()}`;
  return {
    status,
    body: { message, errors: [{ description: message }], trackingId },
    headers: { TrackingID: trackingId, ...headers },
  };
}

/** The answer to a request without the current token. */
export function unauthorized(auth: AuthCheck): Answer {
  return errorAnswer(
    401,
    auth === 'missing'
      ? 'The request requires a valid access token set in the Authorization request header.'
      : 'The access token is not valid (or no longer valid): the fake expects its current token.',
  );
}

/** Reads a request body; JSON when it parses, otherwise undefined (an empty body too). */
export async function readJson(request: IncomingMessage): Promise<{ json: unknown; raw: string }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if (!raw) return { json: undefined, raw };
  try {
    return { json: JSON.parse(raw), raw };
  } catch {
    return { json: undefined, raw };
  }
}

/** Writes an answer as JSON (no body for 204). */
export function writeAnswer(response: ServerResponse, answer: Answer): void {
  const headers: Record<string, string> = { ...answer.headers };
  if (answer.status === 204 || answer.body === undefined) {
    response.writeHead(answer.status, headers).end();
    return;
  }
  const text = JSON.stringify(answer.body);
  response
    .writeHead(answer.status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(text)),
      TrackingID: `fake_${randomUUID()}`,
      ...headers,
    })
    .end(text);
}

/** One-shot failures queued per operation by `failNext`. */
export class FailureQueue {
  private readonly queued = new Map<FailableOperation, { status: number; options: FailureOptions }[]>();

  add(operation: FailableOperation, status: number, options: FailureOptions = {}): void {
    if (!Number.isInteger(status) || status < 400 || status > 599)
      throw new Error(`failNext: status must be an HTTP error status 400–599 (got ${status})`);
    const list = this.queued.get(operation) ?? [];
    list.push({ status, options });
    this.queued.set(operation, list);
  }

  /** The next failure of `operation` as an answer, removed from the queue; undefined when none is queued. */
  take(operation: FailableOperation): Answer | undefined {
    const next = this.queued.get(operation)?.shift();
    if (!next) return undefined;
    const headers: Record<string, string> =
      next.options.retryAfter === undefined ? {} : { 'Retry-After': String(next.options.retryAfter) };
    return errorAnswer(next.status, next.options.message ?? defaultMessage(operation, next.status), headers);
  }
}

function defaultMessage(operation: FailableOperation, status: number): string {
  if (operation === 'register' && status === 403) return EXCESSIVE_DEVICES;
  if (status === 401) return 'The request requires a valid access token set in the Authorization request header.';
  if (status === 404) return 'The requested resource could not be found.';
  if (status === 429) return 'Too many requests.';
  return `Scripted failure of ${operation} (fake.failNext).`;
}

/** WDM's error message when the account has too many devices. */
export const EXCESSIVE_DEVICES = 'User has excessive device registrations';
