import { describe, expect, it } from 'vitest';
import { parseWebhookEvent, verifyWebhookSignature, WebhookPayloadError } from '../src/index.js';

// The raw bytes as Webex would send them: a UTF-8 "é", an escaped "\u00e9" and odd spacing.
// Re-serialising the parsed JSON gives different bytes, and so a different signature.
const raw = '{"id":"Y2lz","resource":"messages","event":"created","data":{"id":"M1","text":"café \\u00e9"},  "actorId": "P1"}';
const secret = 'webhook-secret-42';
// Vectors computed independently (Python hmac/hashlib).
const signatureOfRaw = '5f0d28db56e421468892241c1a7612ace3829ced';
const signatureOfReserialised = '1225b35a71e3720d28fe1488c57adee7e8467075';

describe('verifyWebhookSignature', () => {
  it('accepts the signature of the raw body, as a string or as bytes', async () => {
    expect(await verifyWebhookSignature(raw, signatureOfRaw, secret)).toBe(true);
    expect(await verifyWebhookSignature(new TextEncoder().encode(raw), signatureOfRaw, secret)).toBe(true);
    expect(await verifyWebhookSignature(new TextEncoder().encode(raw).buffer, signatureOfRaw.toUpperCase(), secret)).toBe(true);
  });

  it('rejects a body that was re-serialised, even though it is the same JSON', async () => {
    const reserialised = JSON.stringify(JSON.parse(raw));
    expect(reserialised).not.toBe(raw);
    expect(await verifyWebhookSignature(reserialised, signatureOfRaw, secret)).toBe(false);
    expect(await verifyWebhookSignature(reserialised.replaceAll('é', '\\u00e9'), signatureOfReserialised, secret)).toBe(true);
  });

  it.each([
    ['another secret', raw, signatureOfRaw, 'other'],
    ['a changed body', raw.replace('M1', 'M2'), signatureOfRaw, secret],
    ['a truncated signature', raw, signatureOfRaw.slice(0, 38), secret],
    ['a signature that is not hex', raw, 'z'.repeat(40), secret],
    ['no signature', raw, null, secret],
    ['no secret', raw, signatureOfRaw, ''],
  ])('rejects %s', async (_name, body, signature, key) => {
    expect(await verifyWebhookSignature(body, signature, key)).toBe(false);
  });
});

describe('parseWebhookEvent', () => {
  it('gives a typed envelope, narrowed by resource', () => {
    const event = parseWebhookEvent(raw);
    expect(event.resource).toBe('messages');
    if (event.resource === 'messages') expect(event.data.id).toBe('M1');
  });

  it.each([
    ['not JSON', '{'],
    ['no resource', '{"event":"created","data":{}}'],
    ['no data', '{"resource":"rooms","event":"created"}'],
  ])('rejects %s', (_name, body) => {
    expect(() => parseWebhookEvent(body)).toThrow(WebhookPayloadError);
  });
});
