// The operation table: each operation's entry from the IR, and the literal it is printed as.
import { describe, expect, it } from 'vitest';
import {
  dataLiteral,
  emitOperationNames,
  emitOperationTable,
  type OperationEntry,
  operationEntry,
} from '../../src/emit/operation-table.js';
import type { IrOperation, IrParameter, IrResource } from '../../src/ir/types.js';
import { printSourceFile } from '../../src/write/source-files.js';

const text = { kind: 'primitive', type: 'string' } as const;
const param = (name: string, simpleType: IrParameter['simpleType'] = 'string', required = false): IrParameter => ({
  name,
  type: text,
  simpleType,
  required,
});

/** An operation of `messaging/things` with nothing but what a case gives. */
function op(given: Partial<IrOperation>): IrOperation {
  return {
    operationId: 'op',
    label: 'things.get',
    method: 'get',
    httpMethod: 'get',
    path: '/things/{thingId}',
    pathParameters: [param('thingId', 'string', true)],
    headerParameters: [],
    result: { kind: 'json', type: text },
    ...given,
  };
}

const resource = (source: string, operations: IrOperation[] = []): IrResource => ({
  name: source.split('/').pop()!,
  property: ['things'],
  source,
  tags: [],
  operations,
});
const base = { method: 'get', path: '/things/{thingId}', area: 'messaging', document: 'messaging/things' } as const;
const thingId = { name: 'thingId', in: 'path', required: true, type: 'string' } as const;

const cases: [string, { given: IrOperation; source?: string; want: OperationEntry }][] = [
  [
    'a GET with a path parameter and a JSON answer',
    { given: op({}), want: { ...base, parameters: [thingId], answer: { contentType: 'application/json' } } },
  ],
  [
    'a path parameter the spec forgot to mark required',
    {
      given: op({ pathParameters: [param('thingId')], result: { kind: 'void' } }),
      want: { ...base, parameters: [thingId] },
    },
  ],
  [
    'path, then query, then header parameters, with their simple types',
    {
      given: op({
        query: {
          typeName: 'ThingsGetQuery',
          required: true,
          parameters: [param('max', 'integer'), param('tags', 'string[]', true)],
        },
        headerParameters: [param('timezone')],
        result: { kind: 'void' },
      }),
      want: {
        ...base,
        parameters: [
          thingId,
          { name: 'max', in: 'query', required: false, type: 'integer' },
          { name: 'tags', in: 'query', required: true, type: 'string[]' },
          { name: 'timezone', in: 'header', required: false, type: 'string' },
        ],
      },
    },
  ],
  [
    'a JSON body, optional',
    {
      given: op({ httpMethod: 'put', body: { type: text, required: false } }),
      want: {
        ...base,
        method: 'put',
        parameters: [thingId],
        body: { contentType: 'application/json', required: false },
        answer: { contentType: 'application/json' },
      },
    },
  ],
  [
    'a JSON Patch body, and no answer',
    {
      given: op({
        httpMethod: 'patch',
        body: { type: text, required: true, contentType: 'application/json-patch+json' },
        result: { kind: 'void' },
      }),
      want: {
        ...base,
        method: 'patch',
        parameters: [thingId],
        body: { contentType: 'application/json-patch+json', required: true },
      },
    },
  ],
  [
    'a text answer',
    {
      given: op({ result: { kind: 'text', type: { kind: 'primitive', type: 'number' } } }),
      want: { ...base, parameters: [thingId], answer: { contentType: 'text/plain' } },
    },
  ],
  [
    'a listing, with its paging whole',
    {
      given: op({
        path: '/things',
        pathParameters: [],
        result: {
          kind: 'list',
          item: text,
          paging: { strategy: 'offset', offset: 'start', limit: 'max', items: 'things' },
        },
      }),
      want: {
        ...base,
        path: '/things',
        parameters: [],
        answer: { contentType: 'application/json' },
        paging: { strategy: 'offset', offset: 'start', limit: 'max', items: 'things' },
      },
    },
  ],
  [
    'a stream: the event-stream answer, and the format of its events',
    {
      given: op({ path: '/things/stream', pathParameters: [], result: { kind: 'stream', item: text, format: 'sse' } }),
      want: {
        ...base,
        path: '/things/stream',
        parameters: [],
        answer: { contentType: 'text/event-stream' },
        stream: 'sse',
      },
    },
  ],
  [
    'a spec file at the top of specs/ (no area), on a host of its own: its server and the host the client routes by',
    {
      given: op({ server: 'https://api.wxcc-{region}.cisco.com', host: 'contactCenter', result: { kind: 'void' } }),
      source: 'things',
      want: {
        method: 'get',
        path: '/things/{thingId}',
        document: 'things',
        server: 'https://api.wxcc-{region}.cisco.com',
        host: 'contactCenter',
        parameters: [thingId],
      },
    },
  ],
];

describe('operationEntry', () => {
  it.each(cases)('%s', (_name, { given, source = 'messaging/things', want }) => {
    const entry = operationEntry(given, resource(source));
    expect(entry).toEqual(want);
    // Fields that do not apply are left out, not set to undefined: the literal then has no `area: undefined`.
    expect(Object.keys(entry)).toEqual(Object.keys(want));
  });
});

describe('dataLiteral', () => {
  it.each([
    ['a string, quoted and escaped', "it's\n", "'it\\'s\\n'"],
    ['booleans and numbers', [true, 2], '[true, 2]'],
    ['an empty array and object', [[], {}], '[[], {}]'],
    ['an object, leaving out undefined fields', { a: 'x', b: undefined, c: false }, "{ a: 'x', c: false }"],
    ['keys that are not identifiers, quoted', { 'rooms.list': 1, in: 2 }, "{ 'rooms.list': 1, in: 2 }"],
    ['nesting', { p: [{ name: 'max' }] }, "{ p: [{ name: 'max' }] }"],
  ])('%s', (_name, given, want) => {
    expect(dataLiteral(given)).toBe(want);
  });

  it.each([null, () => 1, Symbol('s')])('refuses %s, which is not plain data', (given) => {
    expect(() => dataLiteral(given)).toThrow(/dataLiteral: expected a string, number, boolean, array or object/);
  });
});

describe('emitOperationTable and emitOperationNames', () => {
  const things = () =>
    resource('messaging/things', [
      op({ label: 'things.list', method: 'list', path: '/things', pathParameters: [], result: { kind: 'void' } }),
      op({ result: { kind: 'void' } }),
    ]);

  it('keys the entries by name, sorted, checked against the names (none missing, none extra)', () => {
    const printed = printSourceFile('specs/x.yaml', emitOperationTable([things()]));
    expect(printed).toContain("import type { OperationInfo } from '../core/operation-info.js';");
    expect(printed).toContain("import type { OperationName } from './operation-names.gen.js';");
    expect(printed).toContain("export type { OperationName } from './operation-names.gen.js';");
    expect(printed.indexOf("'things.get': {")).toBeLessThan(printed.indexOf("'things.list': {"));
    // Annotated, so that neither an entry missing nor one extra compiles, and no literal type outgrows a .d.ts.
    expect(printed).toContain('export const operations: { readonly [name in OperationName]: OperationInfo } = {');
  });

  it('names the same operations, in the same order, in a file of their own', () => {
    const printed = printSourceFile('specs/x.yaml', emitOperationNames([things()]));
    expect(printed).toContain("export type OperationName = 'things.get' | 'things.list';");
    expect(printed).not.toContain('import');
  });

  it('gives an empty table, and so no names, for specs without operations', () => {
    expect(printSourceFile('specs/x.yaml', emitOperationTable([]))).toContain(
      'export const operations: { readonly [name in OperationName]: OperationInfo } = {};',
    );
    expect(printSourceFile('specs/x.yaml', emitOperationNames([]))).toContain('export type OperationName = never;');
  });
});
