// Each strategy's next(), table by table: which page comes after this one, if any.
import { describe, expect, it } from 'vitest';
import {
  ForeignLinkError,
  linkPaging,
  offsetPaging,
  scimPaging,
  type LoadedPage,
  type PageRequest,
} from '../../src/index.js';

const FIRST: PageRequest = { kind: 'first' };
const at = (query: Record<string, number>): PageRequest => ({ kind: 'query', query });

/** A page as a loader would give it; `url` stands in for where the response came from. */
function loaded(body: unknown, headers: Record<string, string> = {}, url = 'https://api.example/v1/items'): LoadedPage {
  const response = new Response(null, { headers });
  Object.defineProperty(response, 'url', { value: url });
  return { body, response };
}

describe('linkPaging().next', () => {
  const base = 'https://api.example/v1';
  it.each([
    {
      why: 'absolute next link',
      link: '<https://api.example/v1/items?cursor=b>; rel="next"',
      next: 'https://api.example/v1/items?cursor=b',
    },
    {
      why: 'relative link, resolved against the response URL',
      link: '</v1/items?cursor=c>; rel="next"',
      next: 'https://api.example/v1/items?cursor=c',
    },
    {
      why: 'next among other links',
      link: '<https://api.example/v1/items?p=1>; rel="prev", <https://api.example/v1/items?p=3>; rel="next"',
      next: 'https://api.example/v1/items?p=3',
    },
    { why: 'no Link header', link: undefined, next: undefined },
    { why: 'no rel="next"', link: '<https://api.example/v1/items?p=1>; rel="prev"', next: undefined },
    { why: 'malformed header', link: 'string', next: undefined },
  ])('$why', ({ link, next }) => {
    const page = loaded({ items: [1] }, link ? { link } : {});
    expect(linkPaging({ baseUrl: base }).next(page, [1], FIRST)).toEqual(
      next === undefined ? undefined : { kind: 'url', url: next },
    );
  });

  it.each([
    { why: 'another origin', link: '<https://evil.example/v1/items?p=2>; rel="next"' },
    { why: 'another scheme', link: '<http://api.example/v1/items?p=2>; rel="next"' },
    { why: 'a path beside the base', link: '<https://api.example/v10/items?p=2>; rel="next"' },
    { why: 'a path above the base', link: '<https://api.example/other?p=2>; rel="next"' },
  ])('throws ForeignLinkError for $why', ({ link }) => {
    expect(() => linkPaging({ baseUrl: base }).next(loaded({}, { link }), [1], FIRST)).toThrow(ForeignLinkError);
  });

  it('follows any origin without a baseUrl', () => {
    const page = loaded({}, { link: '<https://other.example/x>; rel="next"' });
    expect(linkPaging().next(page, [1], FIRST)).toEqual({ kind: 'url', url: 'https://other.example/x' });
  });

  it.each([
    { options: {}, body: { items: [1, 2] }, items: [1, 2] },
    { options: { items: 'rows' }, body: { rows: [3] }, items: [3] },
    { options: {}, body: { items: 'x' }, items: [] },
    { options: {}, body: undefined, items: [] },
    { options: {}, body: null, items: [] },
  ])('items($body) with $options', ({ options, body, items }) => {
    expect(linkPaging(options).items(body)).toEqual(items);
  });
});

describe('offsetPaging().next', () => {
  it.each([
    { why: 'first page, full', options: { query: { max: 3 } }, request: FIRST, count: 3, next: { offset: 3 } },
    {
      why: 'first page, caller’s offset',
      options: { query: { max: 3, offset: 10 } },
      request: FIRST,
      count: 3,
      next: { offset: 13 },
    },
    {
      why: 'caller’s offset as a string',
      options: { query: { max: '3', offset: '10' } },
      request: FIRST,
      count: 3,
      next: { offset: 13 },
    },
    { why: 'later page', options: { query: { max: 3 } }, request: at({ offset: 6 }), count: 3, next: { offset: 9 } },
    {
      why: 'a short page goes on (Webex lowers a page size above its limit)',
      options: { query: { max: 3 } },
      request: at({ offset: 6 }),
      count: 2,
      next: { offset: 8 },
    },
    { why: 'empty page is the last', options: {}, request: at({ offset: 6 }), count: 0, next: undefined },
    {
      why: 'unknown page size: any non-empty page goes on',
      options: {},
      request: at({ offset: 6 }),
      count: 1,
      next: { offset: 7 },
    },
    {
      why: 'page size 0 reads as unknown',
      options: { query: { max: 0 } },
      request: FIRST,
      count: 2,
      next: { offset: 2 },
    },
    {
      why: 'own parameter names',
      options: { offset: 'start', limit: 'limit', query: { limit: 2, start: 4 } },
      request: FIRST,
      count: 2,
      next: { start: 6 },
    },
    {
      why: 'own names, later page',
      options: { offset: 'start', limit: 'limit', query: { limit: 2 } },
      request: at({ start: 8 }),
      count: 2,
      next: { start: 10 },
    },
  ])('$why', ({ options, request, count, next }) => {
    const items = Array.from({ length: count }, (_, i) => i);
    expect(offsetPaging(options).next(loaded({ items }), items, request)).toEqual(
      next === undefined ? undefined : { kind: 'query', query: next },
    );
  });

  it('reads items from the field it is told', () => {
    expect(offsetPaging({ items: 'data' }).items({ data: [1], items: [2] })).toEqual([1]);
  });
});

describe('scimPaging().next', () => {
  it.each([
    {
      why: 'first page',
      options: {},
      body: { totalResults: 10, startIndex: 1 },
      request: FIRST,
      count: 3,
      next: { startIndex: 4 },
    },
    {
      why: 'body without startIndex: the request’s',
      options: {},
      body: { totalResults: 10 },
      request: at({ startIndex: 4 }),
      count: 3,
      next: { startIndex: 7 },
    },
    {
      why: 'body without startIndex, first page: the caller’s',
      options: { query: { startIndex: 5 } },
      body: { totalResults: 10 },
      request: FIRST,
      count: 3,
      next: { startIndex: 8 },
    },
    { why: 'nothing says where: 1', options: {}, body: {}, request: FIRST, count: 3, next: { startIndex: 4 } },
    {
      why: 'the body’s startIndex wins over the request’s',
      options: {},
      body: { startIndex: 2, totalResults: 10 },
      request: at({ startIndex: 4 }),
      count: 3,
      next: { startIndex: 5 },
    },
    {
      why: 'a non-number startIndex in the body is ignored',
      options: {},
      body: { startIndex: '9', totalResults: 10 },
      request: at({ startIndex: 4 }),
      count: 3,
      next: { startIndex: 7 },
    },
    {
      why: 'last page by totalResults',
      options: {},
      body: { totalResults: 9, startIndex: 7 },
      request: at({ startIndex: 7 }),
      count: 3,
      next: undefined,
    },
    {
      why: 'one short of totalResults goes on',
      options: {},
      body: { totalResults: 10, startIndex: 7 },
      request: at({ startIndex: 7 }),
      count: 3,
      next: { startIndex: 10 },
    },
    {
      why: 'short page is not the last while totalResults says more',
      options: {},
      body: { totalResults: 10, startIndex: 1 },
      request: FIRST,
      count: 2,
      next: { startIndex: 3 },
    },
    {
      why: 'empty page is the last',
      options: {},
      body: { totalResults: 10, startIndex: 4 },
      request: at({ startIndex: 4 }),
      count: 0,
      next: undefined,
    },
    {
      why: 'no totalResults: goes on until empty',
      options: {},
      body: { startIndex: 4 },
      request: at({ startIndex: 4 }),
      count: 3,
      next: { startIndex: 7 },
    },
    {
      why: 'own names',
      options: { startIndex: 'from', total: 'size' },
      body: { size: 100, from: 11 },
      request: at({ from: 11 }),
      count: 10,
      next: { from: 21 },
    },
  ])('$why', ({ options, body, request, count, next }) => {
    const items = Array.from({ length: count }, (_, i) => i);
    expect(scimPaging(options).next(loaded({ ...body, Resources: items }), items, request)).toEqual(
      next === undefined ? undefined : { kind: 'query', query: next },
    );
  });

  it('reads Resources by default, another field when told', () => {
    expect(scimPaging().items({ Resources: [1], items: [2] })).toEqual([1]);
    expect(scimPaging({ items: 'items' }).items({ Resources: [1], items: [2] })).toEqual([2]);
  });
});
