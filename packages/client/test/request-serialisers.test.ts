// The resources build requests with core/request.ts; `createHttp` (the ./http entry) with openapi-fetch's own
// serialisers. Two implementations of one wire format: this keeps them saying the same for every style the specs use
// (path: simple; query: form exploded for arrays, deepObject for objects), so a call means the same through either.
import fc from 'fast-check';
import { createFinalURL, createQuerySerializer, defaultPathSerializer } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { buildRequest } from '../src/core/request.js';

const BASE = 'https://webexapis.com/v1';
const TEMPLATE = '/rooms/{roomId}/tabs/{tabId}';

// The styles of the spec's parameters, as openapi-fetch would be told them.
const querySerializer = createQuerySerializer({
  array: { style: 'form', explode: true },
  object: { style: 'deepObject', explode: true },
});

/** A URL as what a server reads of it: the decoded path segments and the decoded query pairs, in order. */
function asRead(url: string) {
  const parsed = new URL(url);
  return {
    segments: parsed.pathname.split('/').map(decodeURIComponent),
    query: [...parsed.searchParams.entries()],
  };
}

const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 });
const key = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9]{0,8}$/);
const scalar = fc.oneof(text, fc.integer(), fc.boolean());
const queryValue = fc.oneof(
  scalar,
  fc.array(scalar, { minLength: 1, maxLength: 3 }),
  fc.dictionary(key, scalar, { minKeys: 1, maxKeys: 3 }),
);

describe('request serialisers: core/request.ts and openapi-fetch agree', () => {
  it('on path parameters and query strings of every style the specs use', () => {
    fc.assert(
      fc.property(text, text, fc.dictionary(key, queryValue, { maxKeys: 4 }), (roomId, tabId, query) => {
        // Dots alone are refused before any request is built (checks.ts), so neither side sees them.
        fc.pre(![roomId, tabId].some((id) => id.trim() === '' || id === '.' || id === '..'));
        const params = { path: { roomId, tabId }, query };
        const ours = buildRequest(BASE, 'get', TEMPLATE, { params }).url;
        const theirs = createFinalURL(TEMPLATE, {
          baseUrl: BASE,
          params,
          querySerializer,
          pathSerializer: defaultPathSerializer,
        });
        expect(asRead(ours)).toEqual(asRead(theirs));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves out undefined query values, as openapi-fetch does', () => {
    const params = { query: { max: 10, cursor: undefined } };
    const ours = buildRequest(BASE, 'get', '/rooms', { params }).url;
    const theirs = createFinalURL('/rooms', {
      baseUrl: BASE,
      params,
      querySerializer,
      pathSerializer: defaultPathSerializer,
    });
    expect(asRead(ours)).toEqual(asRead(theirs));
    expect(new URL(ours).searchParams.has('cursor')).toBe(false);
  });
});
