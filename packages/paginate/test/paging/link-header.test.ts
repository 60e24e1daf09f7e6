import { describe, expect, it } from 'vitest';
import { nextLink, parseLinkHeader } from '../../src/index.js';

describe('parseLinkHeader', () => {
  const cases: [string, { given: string | null; base?: string; want: { url: string; rel: string[] }[] }][] = [
    [
      'Webex next link',
      {
        given: '<https://webexapis.com/v1/people?max=100&cursor=abc>; rel="next"',
        want: [{ url: 'https://webexapis.com/v1/people?max=100&cursor=abc', rel: ['next'] }],
      },
    ],
    [
      'several links, token rel',
      {
        given: '<https://a.test/1>; rel=first, <https://a.test/3>; rel="next"',
        want: [
          { url: 'https://a.test/1', rel: ['first'] },
          { url: 'https://a.test/3', rel: ['next'] },
        ],
      },
    ],
    [
      'commas inside the URL and quoted values',
      {
        given: '<https://a.test/x?ids=a,b,c>; title="a, b"; rel="next"',
        want: [{ url: 'https://a.test/x?ids=a,b,c', rel: ['next'] }],
      },
    ],
    [
      'several relation types, case folded',
      { given: '<https://a.test/2>; rel="NEXT last"', want: [{ url: 'https://a.test/2', rel: ['next', 'last'] }] },
    ],
    [
      'relative reference with a base',
      {
        given: '</v1/rooms?cursor=2>; rel="next"',
        base: 'https://a.test/v1/rooms',
        want: [{ url: 'https://a.test/v1/rooms?cursor=2', rel: ['next'] }],
      },
    ],
    [
      'first rel wins',
      { given: '<https://a.test/2>; rel="next"; rel="prev"', want: [{ url: 'https://a.test/2', rel: ['next'] }] },
    ],
    ['Prism placeholder', { given: 'string', want: [] }],
    ['no angle brackets', { given: 'https://a.test/2; rel="next"', want: [] }],
    ['unterminated quote', { given: '<https://a.test/2>; rel="next', want: [] }],
    ['no rel', { given: '<https://a.test/2>; title="x"', want: [] }],
    [
      'broken link then a good one',
      {
        given: '<https://a.test/1>; =x, <https://a.test/2>; rel=next',
        want: [{ url: 'https://a.test/2', rel: ['next'] }],
      },
    ],
    ['empty', { given: '', want: [] }],
    ['null', { given: null, want: [] }],
  ];
  it.each(cases)('%s', (_name, { given, base, want }) => {
    expect(parseLinkHeader(given, base).map(({ url, rel }) => ({ url, rel }))).toEqual(want);
  });

  it('keeps other parameters', () => {
    expect(parseLinkHeader('<https://a.test/2>; rel="next"; type="application/json"')[0]?.params).toEqual({
      rel: 'next',
      type: 'application/json',
    });
  });
});

describe('nextLink', () => {
  it('finds rel="next" among others', () => {
    expect(nextLink('<https://a.test/p>; rel="prev", <https://a.test/n>; rel="next"')).toBe('https://a.test/n');
  });
  it('is undefined without rel="next"', () => {
    expect(nextLink('<https://a.test/p>; rel="prev"')).toBeUndefined();
  });
});
