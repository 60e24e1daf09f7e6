import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { parseWebhookEvent, verifyWebhookSignature, WebhookPayloadError, type WebhookEnvelope } from '../src/index.js';
import {
  isKnownWebhookEvent,
  type UnknownWebhookEvent,
  type UnknownWebhookResource,
} from '../src/webhooks/envelope.js';

// The raw bytes as Webex would send them: a UTF-8 "é", an escaped "\u00e9" and odd spacing.
// Re-serialising the parsed JSON gives different bytes, and so a different signature.
const raw =
  '{"id":"Y2lz","resource":"messages","event":"created","data":{"id":"M1","text":"café \\u00e9"},  "actorId": "P1"}';
const secret = 'webhook-secret-42';
// Vectors computed independently (Python hmac/hashlib).
const signatureOfRaw = '5f0d28db56e421468892241c1a7612ace3829ced';
const signatureOfReserialised = '1225b35a71e3720d28fe1488c57adee7e8467075';

describe('verifyWebhookSignature', () => {
  it('keeps each secret apart when many are used in turn (keys are kept per secret)', async () => {
    const secrets = Array.from({ length: 40 }, (_, i) => `secret-${i}`);
    for (const round of [1, 2]) {
      for (const [i, key] of secrets.entries()) {
        const body = `{"round":${round},"i":${i}}`;
        const signature = createHmac('sha1', key).update(body).digest('hex');
        expect(await verifyWebhookSignature(body, signature, key)).toBe(true);
        expect(await verifyWebhookSignature(body, signature, secrets[(i + 1) % secrets.length]!)).toBe(false);
      }
    }
  });

  it('accepts the signature of the raw body, as a string or as bytes', async () => {
    expect(await verifyWebhookSignature(raw, signatureOfRaw, secret)).toBe(true);
    expect(await verifyWebhookSignature(new TextEncoder().encode(raw), signatureOfRaw, secret)).toBe(true);
    expect(
      await verifyWebhookSignature(new TextEncoder().encode(raw).buffer, signatureOfRaw.toUpperCase(), secret),
    ).toBe(true);
  });

  it('rejects a body that was re-serialised, even though it is the same JSON', async () => {
    const reserialised = JSON.stringify(JSON.parse(raw));
    expect(reserialised).not.toBe(raw);
    expect(await verifyWebhookSignature(reserialised, signatureOfRaw, secret)).toBe(false);
    expect(await verifyWebhookSignature(reserialised.replaceAll('é', '\\u00e9'), signatureOfReserialised, secret)).toBe(
      true,
    );
  });

  it.each([
    ['another secret', raw, signatureOfRaw, 'other'],
    ['a changed body', raw.replace('M1', 'M2'), signatureOfRaw, secret],
    ['a truncated signature', raw, signatureOfRaw.slice(0, 38), secret],
    ['a signature that is not hex', raw, 'z'.repeat(40), secret],
    ['no signature', raw, null, secret],
    ['a missing header', raw, undefined, secret],
    ['a repeated header, even if one copy is right', raw, [signatureOfRaw, signatureOfRaw], secret],
    ['a repeated header with one copy', raw, [signatureOfRaw], secret],
    ['no secret', raw, signatureOfRaw, ''],
  ])('rejects %s', async (_name, body, signature, key) => {
    expect(await verifyWebhookSignature(body, signature, key)).toBe(false);
  });

  it('takes the signature straight from Node request headers', async () => {
    const headers: IncomingHttpHeaders = { 'x-spark-signature': signatureOfRaw };
    expect(await verifyWebhookSignature(raw, headers['x-spark-signature'], secret)).toBe(true);
    expect(await verifyWebhookSignature(raw, ({} as IncomingHttpHeaders)['x-spark-signature'], secret)).toBe(false);
    expectTypeOf<IncomingHttpHeaders[string]>().toExtend<Parameters<typeof verifyWebhookSignature>[1]>();
  });
});

/** A delivery envelope as Webex sends it, with `resource`, `event` and `data` chosen by the test. */
function delivery(resource: string, event: string, data: Record<string, unknown>): string {
  return JSON.stringify({
    id: 'W1',
    name: 'hook',
    targetUrl: 'https://bot.example/hook',
    orgId: 'O1',
    createdBy: 'P0',
    appId: 'A1',
    ownedBy: 'creator',
    status: 'active',
    created: '2024-01-01T00:00:00.000Z',
    actorId: 'P1',
    resource,
    event,
    data,
  });
}

describe('parseWebhookEvent', () => {
  it('gives a typed envelope, narrowed by resource and event', () => {
    const event = parseWebhookEvent(
      delivery('messages', 'created', { id: 'M1', roomId: 'R1', personId: 'P1', personEmail: 'a@example.com' }),
    );
    expect(event.resource).toBe('messages');
    if (event.resource === 'messages' && event.event === 'created') {
      const id: string = event.data.id;
      const roomId: string = event.data.roomId;
      expect([id, roomId, event.data.personEmail]).toEqual(['M1', 'R1', 'a@example.com']);
    } else {
      expect.unreachable(`expected messages/created, got ${String(event.resource)}/${event.event}`);
    }
  });

  it.each([
    ['memberships', 'deleted', { id: 'MB1', roomId: 'R1', personId: 'P2' }],
    ['rooms', 'updated', { id: 'R1', title: 'Team' }],
    ['attachmentActions', 'created', { id: 'AA1', messageId: 'M1', roomId: 'R1', type: 'submit' }],
    ['meetings', 'started', { id: 'MT1', title: 'Standup' }],
    ['telephony_calls', 'created', { callId: 'C1' }],
  ])('keeps a %s delivery as it came', (resource, name, data) => {
    const event = parseWebhookEvent(delivery(resource, name, data));
    expect([event.resource, event.event, event.data]).toEqual([resource, name, data]);
  });

  it('tells known resources from unknown ones at runtime', () => {
    expect(isKnownWebhookEvent(parseWebhookEvent(delivery('rooms', 'created', { id: 'R1' })))).toBe(true);
    expect(isKnownWebhookEvent(parseWebhookEvent(delivery('telephony_calls', 'created', { id: 'C1' })))).toBe(false);
    // Inherited names are not resources.
    expect(isKnownWebhookEvent(parseWebhookEvent(delivery('toString', 'created', {})))).toBe(false);
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['a JSON array', '[]', /JSON object, got an array/],
    ['no resource', '{"event":"created","data":{}}', /"resource" string, got nothing/],
    ['no data', '{"resource":"rooms","event":"created"}', /"data" object, got nothing/],
    [
      'messages data without a roomId',
      delivery('messages', 'created', { id: 'M1', personId: 'P1' }),
      /messages webhook "data" should have a "roomId" string, got nothing/,
    ],
    [
      'attachmentActions data with a numeric messageId',
      delivery('attachmentActions', 'created', { id: 'A1', messageId: 7, roomId: 'R1' }),
      /"messageId" string, got a number/,
    ],
  ])('rejects %s', (_name, body, message) => {
    expect(() => parseWebhookEvent(body)).toThrow(WebhookPayloadError);
    expect(() => parseWebhookEvent(body)).toThrow(message);
  });
});

// Checked by `tsc -p packages/client/tsconfig.json`; expectTypeOf is a no-op when vitest runs it.
describe('WebhookEnvelope types', () => {
  it('narrows data by resource and event, with no non-null assertions', () => {
    const narrow = (event: WebhookEnvelope): void => {
      if (event.resource === 'messages' && event.event === 'created') {
        expectTypeOf(event.data.id).toEqualTypeOf<string>();
        expectTypeOf(event.data.roomId).toEqualTypeOf<string>();
        expectTypeOf(event.data.personId).toEqualTypeOf<string>();
        expectTypeOf(event.data.personEmail).toEqualTypeOf<string | undefined>();
      }
      if (event.resource === 'memberships') {
        expectTypeOf(event.data.roomId).toEqualTypeOf<string>();
        expectTypeOf(event.data.personId).toEqualTypeOf<string>();
        expectTypeOf(event.data.isModerator).toEqualTypeOf<boolean | undefined>();
      }
      if (event.resource === 'rooms') {
        expectTypeOf(event.data.id).toEqualTypeOf<string>();
        expectTypeOf(event.data.title).toEqualTypeOf<string | undefined>();
        // @ts-expect-error a room's data has no roomId
        void event.data.roomId;
      }
      if (event.resource === 'attachmentActions') {
        expectTypeOf(event.data.messageId).toEqualTypeOf<string>();
        expectTypeOf(event.data.roomId).toEqualTypeOf<string>();
      }
      if (event.resource === 'meetings' && event.event === 'started') {
        expectTypeOf(event.data.id).toEqualTypeOf<string>();
      }
      if (!isKnownWebhookEvent(event)) {
        expectTypeOf(event).toEqualTypeOf<UnknownWebhookEvent>();
        expectTypeOf(event.resource).toEqualTypeOf<UnknownWebhookResource>();
        expectTypeOf(event.data).toEqualTypeOf<Record<string, unknown>>();
        // @ts-expect-error an unknown resource's data has no typed roomId: it is `unknown`, not a string
        const roomId: string = event.data.roomId;
        void roomId;
        // @ts-expect-error an unknown resource is not one of the known names
        if (event.resource === 'messages') return;
      }
    };
    const bySwitch = (event: WebhookEnvelope): string => {
      switch (event.resource) {
        case 'rooms':
          return event.data.id;
        case 'attachmentActions':
          return event.data.messageId;
        case 'messages':
        case 'memberships':
          return event.data.roomId;
        case 'meetings':
          return event.data.id;
        default:
          expectTypeOf(event).toEqualTypeOf<UnknownWebhookEvent>();
          // Unknown names compare as strings.
          return String(event.resource) === 'telephony_calls' ? 'call' : String(event.resource);
      }
    };
    expect(
      bySwitch(
        parseWebhookEvent(delivery('attachmentActions', 'created', { id: 'A1', messageId: 'M1', roomId: 'R1' })),
      ),
    ).toBe('M1');
    expect(bySwitch(parseWebhookEvent(delivery('telephony_calls', 'created', {})))).toBe('call');
    expectTypeOf(narrow).toBeFunction();
    expectTypeOf<Extract<WebhookEnvelope, { resource: 'messages' }>['data']['roomId']>().toEqualTypeOf<string>();
    // The catch-all must not absorb known names, or narrowing on them would stop working.
    expectTypeOf<Extract<WebhookEnvelope, { resource: 'messages' }>>().not.toEqualTypeOf<never>();
    expectTypeOf<'messages'>().not.toExtend<UnknownWebhookResource>();
  });
});

describe('the README webhook server', () => {
  it('answers 200 to a signed delivery and 403 to a tampered or unsigned one', async () => {
    const seen: string[] = [];
    const server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const c of request) chunks.push(c as Buffer);
      const rawBody = Buffer.concat(chunks);
      if (!(await verifyWebhookSignature(rawBody, request.headers['x-spark-signature'], secret))) {
        response.writeHead(403).end();
        return;
      }
      const event = parseWebhookEvent(rawBody);
      if (event.resource === 'messages' && event.event === 'created') {
        const id: string = event.data.id;
        const roomId: string = event.data.roomId;
        seen.push(`${id}@${roomId}`);
      }
      response.writeHead(200).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const body = delivery('messages', 'created', { id: 'M9', roomId: 'R9', personId: 'P9', text: 'café' });
      // node:crypto signs independently of the Web Crypto code under test.
      const sign = (text: string): string => createHmac('sha1', secret).update(text).digest('hex');
      const post = async (text: string, headers: Record<string, string>): Promise<number> =>
        (await fetch(url, { method: 'POST', body: text, headers })).status;
      expect(await post(body, { 'x-spark-signature': sign(body) })).toBe(200);
      expect(await post(body.replace('M9', 'M8'), { 'x-spark-signature': sign(body) })).toBe(403);
      expect(await post(body, {})).toBe(403);
      expect(seen).toEqual(['M9@R9']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
