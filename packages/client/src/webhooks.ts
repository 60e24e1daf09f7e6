import type { AttachmentAction, Membership, Message, Room } from '@webex-ts/models';
import { WebexError } from './errors.js';

/** The `X-Spark-Signature` header: hex HMAC-SHA1 of the raw body, keyed with the webhook's secret. */
export const SIGNATURE_HEADER = 'x-spark-signature';

const encoder = new TextEncoder();

function bytesOf(body: string | Uint8Array | ArrayBuffer): Uint8Array {
  if (typeof body === 'string') return encoder.encode(body);
  return body instanceof Uint8Array ? body : new Uint8Array(body);
}

function hexToBytes(hex: string): Uint8Array | undefined {
  const clean = hex.trim().toLowerCase();
  if (!/^([0-9a-f]{2})+$/.test(clean)) return undefined;
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Compares in time that depends only on the length, so a forger learns nothing from timing. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/**
 * Checks a webhook delivery's `X-Spark-Signature` against the raw request body.
 * Pass the body exactly as received (bytes or the raw string), never re-serialised JSON.
 * Uses Web Crypto, so it runs in Node, Deno, Bun, browsers and edge runtimes.
 */
export async function verifyWebhookSignature(
  rawBody: string | Uint8Array | ArrayBuffer,
  signature: string | null | undefined,
  secret: string,
): Promise<boolean> {
  if (!signature || !secret) return false;
  const expected = hexToBytes(signature);
  if (!expected) return false;
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const actual = new Uint8Array(await crypto.subtle.sign('HMAC', key, bytesOf(rawBody) as Uint8Array<ArrayBuffer>));
  return constantTimeEqual(actual, expected);
}

/** Fields every webhook delivery has. */
interface EnvelopeBase {
  id: string;
  name: string;
  targetUrl: string;
  filter?: string;
  orgId: string;
  createdBy: string;
  appId: string;
  ownedBy: string;
  status: string;
  created: string;
  actorId: string;
}

/** A webhook delivery, discriminated by `resource` and `event`. For messages `data` has ids only: fetch the content with `messages.get`. */
export type WebhookEnvelope =
  | (EnvelopeBase & { resource: 'messages'; event: 'created' | 'updated' | 'deleted'; data: Pick<Message, 'id' | 'roomId' | 'personId' | 'personEmail' | 'created'> & { roomType?: string; mentionedPeople?: string[] } })
  | (EnvelopeBase & { resource: 'memberships'; event: 'created' | 'updated' | 'deleted'; data: Membership })
  | (EnvelopeBase & { resource: 'rooms'; event: 'created' | 'updated'; data: Room })
  | (EnvelopeBase & { resource: 'attachmentActions'; event: 'created'; data: AttachmentAction })
  | (EnvelopeBase & { resource: string & {}; event: string; data: Record<string, unknown> });

/** The body is not a webhook envelope. */
export class WebhookPayloadError extends WebexError {
  override name = 'WebhookPayloadError';
}

/** Parses a webhook delivery body (raw text, bytes or an already-parsed object) into a typed envelope. */
export function parseWebhookEvent(body: string | Uint8Array | ArrayBuffer | object): WebhookEnvelope {
  let value: unknown = body;
  if (typeof body === 'string' || body instanceof Uint8Array || body instanceof ArrayBuffer) {
    try {
      value = JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(bytesOf(body)));
    } catch {
      throw new WebhookPayloadError('webhook body is not JSON');
    }
  }
  const envelope = value as Partial<WebhookEnvelope> | null;
  if (!envelope || typeof envelope !== 'object') throw new WebhookPayloadError('webhook body is not an object');
  for (const field of ['resource', 'event'] as const) {
    if (typeof envelope[field] !== 'string') throw new WebhookPayloadError(`webhook body has no "${field}"`);
  }
  if (!envelope.data || typeof envelope.data !== 'object') throw new WebhookPayloadError('webhook body has no "data" object');
  return envelope as WebhookEnvelope;
}
