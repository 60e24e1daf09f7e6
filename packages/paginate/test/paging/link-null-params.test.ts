// Next links that carry `max=null` (Webex has sent `…/v1/rooms?cursor=abc&max=null`): the next page keeps the
// caller's page size. A table over linkPaging's next(), then a loopback server that records the query it receives.
import { afterEach, describe, expect, it } from 'vitest';
import { json, startServer, type TestServer } from '../../../../test-utils/http-server.js';
import { linkPaging, paginate, type PageRequest } from '../../src/index.js';
import { clientFor } from './listing-servers.js';

const FIRST: PageRequest = { kind: 'first' };
const base = 'https://api.example/v1';

function nextUrl(link: string, query: Record<string, unknown> | undefined): string | undefined {
  const response = new Response(null, { headers: { link: `<${link}>; rel="next"` } });
  Object.defineProperty(response, 'url', { value: `${base}/rooms` });
  const next = linkPaging({ baseUrl: base, ...(query && { query }) }).next({ body: {}, response }, [1], FIRST);
  return next?.kind === 'url' ? next.url : undefined;
}

describe('linkPaging: parameters a next link gives as null', () => {
  it.each([
    {
      why: "max=null takes the caller's max",
      link: `${base}/rooms?cursor=abc&max=null`,
      query: { max: 50 },
      want: `${base}/rooms?cursor=abc&max=50`,
    },
    {
      why: 'in its place, the other parameters untouched byte for byte',
      link: `${base}/rooms?max=null&cursor=a%2Bb%3D&type=group`,
      query: { max: '20', type: 'group' },
      want: `${base}/rooms?max=20&cursor=a%2Bb%3D&type=group`,
    },
    {
      why: 'max=undefined too',
      link: `${base}/rooms?cursor=abc&max=undefined`,
      query: { max: 7 },
      want: `${base}/rooms?cursor=abc&max=7`,
    },
    {
      why: 'a null the caller gave no value for is left out',
      link: `${base}/rooms?cursor=abc&max=null`,
      query: {},
      want: `${base}/rooms?cursor=abc`,
    },
    {
      why: 'no caller query at all: left out',
      link: `${base}/rooms?max=null`,
      query: undefined,
      want: `${base}/rooms`,
    },
    {
      why: 'an array value is repeated',
      link: `${base}/rooms?cursor=abc&id=null`,
      query: { id: ['a', 'b'] },
      want: `${base}/rooms?cursor=abc&id=a&id=b`,
    },
    {
      why: "a real value is the server's: kept",
      link: `${base}/rooms?cursor=abc&max=30`,
      query: { max: 50 },
      want: `${base}/rooms?cursor=abc&max=30`,
    },
    {
      why: 'a value that only starts with null is kept',
      link: `${base}/rooms?cursor=nullable&max=null`,
      query: { max: 5 },
      want: `${base}/rooms?cursor=nullable&max=5`,
    },
  ])('$why', ({ link, query, want }) => {
    expect(nextUrl(link, query)).toBe(want);
  });
});

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('a listing whose Link says max=null', () => {
  it("asks for the next pages with the caller's max, as the server records it", async () => {
    server = await startServer((req, res) => {
      const query = new URL(req.url, 'http://x').searchParams;
      const page = Number(query.get('cursor') ?? '0');
      if (query.get('max') !== '2')
        return json(res, 400, { message: `max must be a number (got ${query.get('max')})` });
      const headers: Record<string, string> =
        page < 2 ? { link: `<${server!.url}/api/rooms?cursor=${page + 1}&max=null>; rel="next"` } : {};
      json(res, 200, { items: [`r${page}a`, `r${page}b`] }, headers);
    });
    const rooms = paginate<string>(
      clientFor(server),
      '/rooms',
      { params: { query: { max: 2 } } },
      { baseUrl: `${server.url}/api` },
    );
    expect(await rooms.toArray()).toEqual(['r0a', 'r0b', 'r1a', 'r1b', 'r2a', 'r2b']);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/api/rooms?max=2',
      '/api/rooms?cursor=1&max=2',
      '/api/rooms?cursor=2&max=2',
    ]);
  });
});
