// The two ways a delivery's HMAC-SHA1 is computed: node:crypto (found at run time, no static import) and WebCrypto
// (browsers, edge runtimes). Both must give Webex's signature for the same bytes.
import { describe, expect, it } from 'vitest';
import { hmacSha1Hex, webCryptoHmacSha1Hex } from '../src/webhooks/hmac-sha1.js';

// RFC 2202 case 2, and vectors computed with Python's hmac module: a key longer than SHA-1's block, UTF-8 text, a
// body of many blocks.
const vectors: { name: string; key: string; body: string | Uint8Array; hex: string }[] = [
  {
    name: 'RFC 2202 case 2',
    key: 'Jefe',
    body: 'what do ya want for nothing?',
    hex: 'effcdf6ae5eb2fa2d27416d5f184df9c259a7c79',
  },
  {
    name: 'a 100-byte key',
    key: 'k'.repeat(100),
    body: 'Larger Than Block-Size Key: hashed first',
    hex: 'b8b83f147c73e2dd786e1c821f1ab5ddd4813010',
  },
  {
    name: 'UTF-8 text',
    key: 'webhook-secret',
    body: '{"data":{"text":"café é"}}',
    hex: '32a999c844cb5c780cb7dca36381a6cf92166f0f',
  },
  {
    name: 'the same UTF-8 text as bytes',
    key: 'webhook-secret',
    body: new TextEncoder().encode('{"data":{"text":"café é"}}'),
    hex: '32a999c844cb5c780cb7dca36381a6cf92166f0f',
  },
  { name: 'a 1000-byte body', key: 's', body: 'x'.repeat(1000), hex: '79c0ed991ce2146fbf3dffa680195574cf63dd3f' },
];

describe('hmacSha1Hex', () => {
  it.each(vectors)('$name: node:crypto and WebCrypto both give the known signature', async (vector) => {
    expect(await hmacSha1Hex(vector.key, vector.body)).toBe(vector.hex);
    expect(await webCryptoHmacSha1Hex(vector.key, vector.body)).toBe(vector.hex);
  });

  it('signs text, bytes and an ArrayBuffer of the same body alike, on both paths', async () => {
    const body = '{"data":{"text":"café \\u00e9"}}';
    const bytes = new TextEncoder().encode(body);
    const expected = await webCryptoHmacSha1Hex('s3cret', body);
    for (const form of [body, bytes, bytes.buffer]) {
      expect(await hmacSha1Hex('s3cret', form)).toBe(expected);
      expect(await webCryptoHmacSha1Hex('s3cret', form)).toBe(expected);
    }
  });

  it('in Node, signs at once through node:crypto, without a round trip through WebCrypto', () => {
    expect(typeof hmacSha1Hex('s3cret', 'body')).toBe('string');
  });

  it('WebCrypto keeps each secret apart when more secrets are used than it keeps keys for', async () => {
    const secrets = Array.from({ length: 40 }, (_, i) => `secret-${i}`);
    for (const round of [1, 2]) {
      for (const secret of secrets) {
        const body = `{"round":${round},"secret":"${secret}"}`;
        expect(await webCryptoHmacSha1Hex(secret, body)).toBe(hmacSha1Hex(secret, body));
      }
    }
  });
});
