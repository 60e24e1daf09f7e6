import { describe, expect, it } from 'vitest';
import { emitReference } from '../../src/emit/reference.js';
import type { IrOperation, IrResource, NamedPaging } from '../../src/ir/types.js';
import { lines } from './printed.js';

const op = (method: string, path: string, extra: Partial<IrOperation> = {}): IrOperation => ({
  operationId: method,
  label: `things.${method}`,
  method,
  httpMethod: 'get',
  path,
  pathParameters: [],
  headerParameters: [],
  result: { kind: 'void' },
  ...extra,
});
const list = (paging: NamedPaging) =>
  ({ result: { kind: 'list', item: { kind: 'primitive', type: 'string' }, paging } }) as const;

const HEAD = (resources: number, operations: number) => [
  '<!-- Generated from x. -->',
  '',
  '# Resources',
  '',
  `Every generated method of \`Webex\`: ${resources} resources, ${operations} operations, grouped by area (the folder of \`specs/\`).`,
  'Paging: `link` follows the `Link` header; `offset`, `scim` and `page` page with the query parameters named (`page`: then the',
  "items field, when the answer is not the array itself, and the totals' paths). Lists return a `Paginated` to iterate with",
  '`for await`, and streams (`stream (sse)`: server-sent events) an `EventStream` of their events, iterated the same way;',
  'everything else a promise of the answer. A resource served from another host than webexapis.com says which.',
  '',
];
const TABLE = ['| method | HTTP | paging | what it does |', '|---|---|---|---|'];

const cases: [string, { given: IrResource[]; want: string }][] = [
  ['no resources', { given: [], want: `${HEAD(0, 0).join('\n').trimEnd()}\n` }],
  [
    'areas sorted, resources by property, a file at the top under "other"; paging or streaming, and the first sentence',
    {
      given: [
        {
          name: 'things',
          property: ['things'],
          source: 'messaging/things',
          tags: ['Things', 'Stuff'],
          description: 'Things to keep.',
          operations: [
            op('list', '/things', {
              description: 'Lists things. Many | more.',
              ...list({ strategy: 'link', items: 'items' }),
            }),
            op('find', '/things/find', { summary: 'Find a | thing', ...list({ strategy: 'link', items: 'found' }) }),
            op('page', '/things/page', list({ strategy: 'offset', offset: 'start', limit: 'max', items: 'items' })),
            op('watch', '/things/stream', {
              result: { kind: 'stream', item: { kind: 'primitive', type: 'string' }, format: 'sse' },
            }),
          ],
        },
        { name: 'apps', property: ['apps'], source: 'apps', tags: [], operations: [op('get', '/apps/{id}')] },
        {
          name: 'skills',
          property: ['contactCenter', 'skills'],
          source: 'contact-center/skills',
          host: 'contactCenter',
          tags: ['Skill'],
          operations: [
            op('list', '/organization/{orgid}/skill', {
              server: 'https://api.wxcc-{region}.cisco.com',
              host: 'contactCenter',
              ...list({
                strategy: 'page',
                page: 'page',
                pageSize: 'pageSize',
                totalPages: 'meta.totalPages',
                totalRecords: 'meta.totalRecords',
              }),
            }),
          ],
        },
      ],
      want: lines(
        ...HEAD(3, 6),
        '## contact-center',
        '',
        '### `webex.contactCenter.skills`',
        '',
        'Source: `specs/contact-center/skills.yaml`; Webex tag: "Skill". Served from `https://api.wxcc-{region}.cisco.com` (host `contactCenter`).',
        '',
        ...TABLE,
        '| `list` | `GET /organization/{orgid}/skill` | page (page, pageSize, meta.totalPages, meta.totalRecords) |  |',
        '',
        '## messaging',
        '',
        '### `webex.things`',
        '',
        'Things to keep. Source: `specs/messaging/things.yaml`; Webex tags: "Things", "Stuff".',
        '',
        ...TABLE,
        '| `list` | `GET /things` | link | Lists things. |',
        '| `find` | `GET /things/find` | link (found) | Find a \\| thing |',
        '| `page` | `GET /things/page` | offset (start, max, items) |  |',
        '| `watch` | `GET /things/stream` | stream (sse) |  |',
        '',
        '## other',
        '',
        '### `webex.apps`',
        '',
        'Source: `specs/apps.yaml`; Webex tag: .',
        '',
        ...TABLE,
        '| `get` | `GET /apps/{id}` |  |  |',
        '',
      ),
    },
  ],
];

describe('emitReference', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(emitReference(given, 'Generated from x.')).toBe(want);
  });
});
