// anyPaging: the factory for paging held as data, which picks its strategy by name, as a listing given a strategy's
// own factory would page.
import { describe, expect, it } from 'vitest';
import { anyPaging, ForeignLinkError, type LoadedPage, type PageRequest } from '../../src/index.js';

const FIRST: PageRequest = { kind: 'first' };
const context = { baseUrl: 'https://api.example/v1', query: {} };

function loaded(body: unknown, headers: Record<string, string> = {}): LoadedPage {
  const response = new Response(null, { headers });
  Object.defineProperty(response, 'url', { value: 'https://api.example/v1/items' });
  return { body, response };
}

describe('anyPaging', () => {
  it('pages by Link when given no strategy, and keeps links under the base URL', () => {
    const paging = anyPaging(context);
    const page = loaded({ items: [1] }, { link: '<https://elsewhere.example/v1/items?p=2>; rel="next"' });
    expect(() => paging.next(page, [1], FIRST)).toThrow(ForeignLinkError);
  });

  it.each([
    ['offset', { strategy: 'offset', offset: 'start', limit: 'max', items: 'items' }, { items: [1, 2] }, { start: 2 }],
    ['scim', { strategy: 'scim', items: 'Resources' }, { Resources: [1, 2], totalResults: 5 }, { startIndex: 3 }],
    ['page, over a bare array', { strategy: 'page' }, [1, 2], { page: 1 }],
    [
      'page, over an envelope',
      { strategy: 'page', items: 'data' },
      { meta: { totalPages: 3 }, data: [1] },
      { page: 1 },
    ],
  ] as const)('pages by %s, with the names given', (_, names, body, next) => {
    const paging = anyPaging({ ...context, ...names });
    const items = paging.items(body);
    expect(items.length).toBeGreaterThan(0);
    expect(paging.next(loaded(body), items, FIRST)).toEqual({ kind: 'query', query: next });
  });
});
