// Whether a delivery came from Webex: its `X-Spark-Signature` checked against the raw body and the webhook's secret.
import { hmacSha1Hex } from './hmac-sha1.js';

/** The `X-Spark-Signature` header: hex HMAC-SHA1 of the raw body, keyed with the webhook's secret. */
export const SIGNATURE_HEADER = 'x-spark-signature';

/** Compares in time that depends only on the length, so a forger learns nothing from timing. */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * Checks a webhook delivery's `X-Spark-Signature` against the raw request body.
 * Pass the body exactly as received (bytes or the raw string), never re-serialised JSON.
 * `signature` takes Node's header type as is: a repeated header (an array) or a missing one is simply not verified.
 * Signs with node:crypto where the runtime offers it through `process.getBuiltinModule` (Node), else with Web Crypto
 * (browsers, edge runtimes).
 */
export async function verifyWebhookSignature(
  rawBody: string | Uint8Array | ArrayBuffer,
  signature: string | readonly string[] | null | undefined,
  secret: string,
): Promise<boolean> {
  // Two X-Spark-Signature headers are not something Webex sends, so no choice between them can be trusted.
  if (typeof signature !== 'string' || !signature || !secret) return false;
  // Anything but hex differs from the digest somewhere, and is refused by the same comparison.
  return constantTimeEqual(await hmacSha1Hex(secret, rawBody), signature.trim().toLowerCase());
}
