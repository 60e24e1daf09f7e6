import { describe, expect, it } from 'vitest';
import {
  emitOperationMethod,
  emitResourceFile,
  generatedClassName,
  resourceClassName,
} from '../../src/emit/resource-class.js';
import type { IrOperation, IrParameter, IrResource, IrType } from '../../src/ir/types.js';
import { printStatements } from '../../src/write/source-files.js';
import { lines, printed } from './printed.js';

const string: IrType = { kind: 'primitive', type: 'string' };
const thing: IrType = { kind: 'ref', name: 'Thing' };
const thingId: IrParameter = {
  name: 'thingId',
  required: true,
  type: string,
  simpleType: 'string',
  description: 'The thing.',
};
const OPTIONS_DOC = [
  '   * @param options Per-call options: `signal`, `timeout`, `deadline`, `headers`, `trackingId`,',
  '   * `retryNonIdempotent`.',
];

/** `things.get`: `GET /things/{thingId}` answering a Thing, changed as a case says. */
const op = (given: Partial<IrOperation>): IrOperation => ({
  operationId: 'op',
  label: 'things.get',
  method: 'get',
  httpMethod: 'get',
  path: '/things/{thingId}',
  pathParameters: [thingId],
  headerParameters: [],
  result: { kind: 'json', type: thing },
  ...given,
});

const cases: [string, { given: IrOperation; want: string }][] = [
  [
    'a GET by id: the path parameter first, summary and description in the docs',
    {
      given: op({ summary: 'Get a thing', description: 'Gets one.' }),
      want: lines(
        '/**',
        ' * Get a thing',
        ' *',
        ' * Gets one.',
        ' *',
        ' * `GET /things/{thingId}`',
        ' * @param thingId The thing.',
        ...OPTIONS_DOC.map((l) => l.slice(2)),
        ' */',
        'get(thingId: string, options?: RequestOptions): Promise<Thing> {',
        "  return this.core.call<Thing>('things.get', 'get', '/things/{thingId}', { params: { path: { thingId } } }, options);",
        '}',
      ),
    },
  ],
  [
    'a list with Link paging over items: the link strategy, no names',
    {
      given: op({
        label: 'things.list',
        method: 'list',
        path: '/things',
        pathParameters: [],
        query: { typeName: 'ThingsListQuery', required: false, parameters: [] },
        result: { kind: 'list', item: thing, paging: { strategy: 'link', items: 'items' } },
      }),
      want: lines(
        '/**',
        ' * `GET /things`',
        ' *',
        ' * Pages with the `Link` header; iterate with `for await`.',
        ' * @param query Query parameters.',
        ...OPTIONS_DOC.map((l) => l.slice(2)),
        ' */',
        'list(query?: ThingsListQuery, options?: RequestOptions): Paginated<Thing> {',
        "  return this.core.list<Thing>('things.list', '/things', { params: { query } }, options, linkPaging);",
        '}',
      ),
    },
  ],
  [
    'a query array sent comma-separated: its name passed beside the params, the exploded one not',
    {
      given: op({
        label: 'things.list',
        method: 'list',
        path: '/things',
        pathParameters: [],
        query: {
          typeName: 'ThingsListQuery',
          required: false,
          parameters: [
            {
              name: 'categories',
              type: { kind: 'array', items: { kind: 'primitive', type: 'string' } },
              simpleType: 'string[]',
              required: false,
              commaSeparated: true,
            },
            {
              name: 'ids',
              type: { kind: 'array', items: { kind: 'primitive', type: 'string' } },
              simpleType: 'string[]',
              required: false,
            },
          ],
        },
        result: { kind: 'list', item: thing, paging: { strategy: 'link', items: 'items' } },
      }),
      want: lines(
        '/**',
        ' * `GET /things`',
        ' *',
        ' * Pages with the `Link` header; iterate with `for await`.',
        ' * @param query Query parameters.',
        ...OPTIONS_DOC.map((l) => l.slice(2)),
        ' */',
        'list(query?: ThingsListQuery, options?: RequestOptions): Paginated<Thing> {',
        "  return this.core.list<Thing>('things.list', '/things', { params: { query }, commaSeparatedQuery: ['categories'] }, options, linkPaging);",
        '}',
      ),
    },
  ],
  [
    'a list with offset paging: its strategy and names passed, a required query',
    {
      given: op({
        label: 'things.search',
        method: 'search',
        path: '/things/search',
        pathParameters: [],
        query: { typeName: 'ThingsSearchQuery', required: true, parameters: [] },
        result: {
          kind: 'list',
          item: string,
          paging: { strategy: 'offset', offset: 'start', limit: 'max', items: 'items' },
        },
      }),
      want: lines(
        '/**',
        ' * `GET /things/search`',
        ' *',
        ' * Pages with offset paging; iterate with `for await`.',
        ' * @param query Query parameters.',
        ...OPTIONS_DOC.map((l) => l.slice(2)),
        ' */',
        'search(query: ThingsSearchQuery, options?: RequestOptions): Paginated<string> {',
        "  return this.core.list<string>('things.search', '/things/search', { params: { query } }, options, offsetPaging, { offset: 'start', limit: 'max', items: 'items' });",
        '}',
      ),
    },
  ],
  [
    'a list with page-number paging over an answer that is the array itself: no items field passed',
    {
      given: op({
        label: 'skills.list',
        method: 'list',
        path: '/organization/{orgid}/skill',
        pathParameters: [
          { name: 'orgid', type: string, simpleType: 'string', required: true, description: 'The organization.' },
        ],
        result: {
          kind: 'list',
          item: thing,
          paging: {
            strategy: 'page',
            page: 'page',
            pageSize: 'pageSize',
            totalPages: 'meta.totalPages',
            totalRecords: 'meta.totalRecords',
          },
        },
      }),
      want: lines(
        '/**',
        ' * `GET /organization/{orgid}/skill`',
        ' *',
        ' * Pages with page numbers, from 0; iterate with `for await`.',
        ' * @param orgid The organization.',
        ...OPTIONS_DOC.map((l) => l.slice(2)),
        ' */',
        'list(orgid: string, options?: RequestOptions): Paginated<Thing> {',
        "  return this.core.list<Thing>('skills.list', '/organization/{orgid}/skill', { params: { path: { orgid } } }, options, pagePaging, { page: 'page', pageSize: 'pageSize', totalPages: 'meta.totalPages', totalRecords: 'meta.totalRecords' });",
        '}',
      ),
    },
  ],
  [
    'a plain-text number',
    {
      given: op({
        label: 'things.count',
        method: 'count',
        path: '/things/count',
        pathParameters: [],
        result: { kind: 'text', type: { kind: 'primitive', type: 'number' } },
      }),
      want: lines(
        '/**',
        ' * `GET /things/count`',
        ...OPTIONS_DOC.map((l) => l.slice(2)),
        ' */',
        'count(options?: RequestOptions): Promise<number> {',
        "  return this.core.callText('things.count', 'get', '/things/count', {}, options).then(Number);",
        '}',
      ),
    },
  ],
  [
    'an optional body before a query that is optional too, sent as its own content type; deprecated',
    {
      given: op({
        label: 'things.patch',
        method: 'patch',
        httpMethod: 'patch',
        deprecated: true,
        body: { type: { kind: 'ref', name: 'NewThing' }, required: false, contentType: 'application/merge-patch+json' },
        result: { kind: 'void' },
      }),
      want: lines(
        '/**',
        ' * `PATCH /things/{thingId}`',
        ' * @param thingId The thing.',
        ' * @param body What to send.',
        ...OPTIONS_DOC.map((l) => l.slice(2)),
        ' * @deprecated',
        ' */',
        'patch(thingId: string, body?: NewThing, options?: RequestOptions): Promise<void> {',
        "  return this.core.call<void>('things.patch', 'patch', '/things/{thingId}', { params: { path: { thingId } }, body, headers: { 'Content-Type': 'application/merge-patch+json' } }, options);",
        '}',
      ),
    },
  ],
  [
    'a stream: an EventStream of its items, asking for server-sent events',
    {
      given: op({
        label: 'things.stream',
        method: 'stream',
        path: '/things/{thingId}/stream',
        query: { typeName: 'ThingsStreamQuery', required: false, parameters: [] },
        result: { kind: 'stream', item: thing, format: 'sse' },
      }),
      want: lines(
        '/**',
        ' * `GET /things/{thingId}/stream`',
        ' *',
        ' * Streams server-sent events as they come, one item per event; iterate with `for await`, and `break`',
        ' * (or the `signal`) to close the connection.',
        ' * @param thingId The thing.',
        ' * @param query Query parameters.',
        ...OPTIONS_DOC.map((l) => l.slice(2)),
        ' */',
        'stream(thingId: string, query?: ThingsStreamQuery, options?: RequestOptions): EventStream<Thing> {',
        "  return new EventStream<Thing>(this.core, 'things.stream', 'get', '/things/{thingId}/stream', { params: { path: { thingId }, query }, headers: { Accept: 'text/event-stream' } }, options);",
        '}',
      ),
    },
  ],
  [
    'an optional body before a required query: `| undefined`, not `?`',
    {
      given: op({
        label: 'things.put',
        method: 'put',
        httpMethod: 'put',
        body: { type: { kind: 'ref', name: 'NewThing' }, required: false },
        query: { typeName: 'ThingsPutQuery', required: true, parameters: [] },
        result: { kind: 'json', type: { kind: 'union', members: [thing, { kind: 'primitive', type: 'undefined' }] } },
      }),
      want: lines(
        '/**',
        ' * `PUT /things/{thingId}`',
        ' * @param thingId The thing.',
        ' * @param body What to send.',
        ' * @param query Query parameters.',
        ...OPTIONS_DOC.map((l) => l.slice(2)),
        ' */',
        'put(thingId: string, body: NewThing | undefined, query: ThingsPutQuery, options?: RequestOptions): Promise<Thing | undefined> {',
        "  return this.core.call<Thing | undefined>('things.put', 'put', '/things/{thingId}', { params: { path: { thingId }, query }, body }, options);",
        '}',
      ),
    },
  ],
  [
    'header parameters: named in options.headers as strings, a required one makes options required',
    {
      given: op({
        headerParameters: [
          { name: 'timezone', required: false, type: string, simpleType: 'string', description: 'An IANA zone.' },
          { name: 'X-ORGANIZATION-ID', required: true, type: string, simpleType: 'string' },
        ],
      }),
      want: lines(
        '/**',
        ' * `GET /things/{thingId}`',
        ' * @param thingId The thing.',
        ' * @param options Per-call options: `signal`, `timeout`, `deadline`, `headers`, `trackingId`,',
        " * `retryNonIdempotent`. The operation's header parameters go in `headers`: `timezone`: An IANA zone;",
        ' * `X-ORGANIZATION-ID` (required).',
        ' */',
        // Printed, not yet formatted: Biome breaks the long signature.
        "get(thingId: string, options: RequestOptions & { headers: { timezone?: string; 'X-ORGANIZATION-ID': string } & Record<string, string> }): Promise<Thing> {",
        "  return this.core.call<Thing>('things.get', 'get', '/things/{thingId}', { params: { path: { thingId } } }, options);",
        '}',
      ),
    },
  ],
];

describe('emitOperationMethod', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(printed(emitOperationMethod(given))).toBe(want);
  });
});

describe('emitResourceFile', () => {
  const resource = (operations: IrOperation[], extra: Partial<IrResource> = {}): IrResource => ({
    name: 'scim-users',
    property: ['scim', 'users'],
    source: 'a/scim-users',
    tags: ['Users', 'SCIM'],
    operations,
    ...extra,
  });

  it('names the class after where it is reached; a generated class extended by hand is its base', () => {
    expect(resourceClassName(resource([]))).toBe('ScimUsersResource');
    expect(generatedClassName(resource([]), false)).toBe('ScimUsersResource');
    expect(generatedClassName(resource([]), true)).toBe('ScimUsersResourceBase');
  });

  it('emits the base of a class written by hand under its base name, and says which class webex holds', () => {
    const text = printStatements(
      emitResourceFile(
        resource([op({ pathParameters: [], result: { kind: 'void' } })], { tags: [] }),
        '@x/models',
        true,
      ),
    );
    expect(text).toContain('export class ScimUsersResourceBase {');
    expect(text.replace(/\n \* /g, ' ')).toContain(
      'The generated methods of `webex.scim.users`, which is a `ScimUsersResource`: this class and what is written by hand',
    );
    expect(text).not.toContain('Reached as');
  });

  it('imports the models it uses (sorted), Paginated and the paging factory for a list, and the core types; then the class', () => {
    const list = op({
      method: 'list',
      query: { typeName: 'ThingsListQuery', required: false, parameters: [] },
      result: { kind: 'list', item: thing, paging: { strategy: 'link', items: 'items' } },
    });
    const text = printStatements(emitResourceFile(resource([list, op({ method: 'get' })]), '@x/models'));
    expect(text).toBe(
      lines(
        "import type { Thing, ThingsListQuery } from '@x/models';",
        "import { type Paginated, linkPaging } from '@webex-ts/paginate';",
        "import type { RequestOptions, ResourceCore } from '../../core/resource.js';",
        '',
        '/**',
        ' * The scim.users API.',
        ' *',
        ' * Reached as `webex.scim.users`.',
        ' *',
        ' * Webex API tags: Users, SCIM.',
        ' */',
        'export class ScimUsersResource {',
        '  /** Built on a core from `new Webex()` or `createCore()`. */',
        '  constructor(protected readonly core: ResourceCore) {',
        '  }',
        '',
        ...printed(emitOperationMethod(list))
          .split('\n')
          .map((l) => `  ${l}`),
        '',
        ...printed(emitOperationMethod(op({ method: 'get' })))
          .split('\n')
          .map((l) => `  ${l}`),
        '}',
      ),
    );
  });

  it('imports neither models nor Paginated when it uses none; describes itself by its description', () => {
    const text = printStatements(
      emitResourceFile(
        resource([op({ pathParameters: [], result: { kind: 'void' } })], { description: 'Users.', tags: [] }),
        '@x/models',
      ),
    );
    expect(text.split('\n').slice(0, 4)).toEqual([
      "import type { RequestOptions, ResourceCore } from '../../core/resource.js';",
      '',
      '/**',
      ' * Users.',
    ]);
    expect(text).not.toContain('Webex API tag');
  });
});
