import { describe, expect, it } from 'vitest';
import { classifyResult, type ResultShape } from '../../src/ir/classify.js';
import type { SpecOperation } from '../../src/ir/spec-operations.js';
import type { NamedPaging } from '../../src/ir/types.js';
import type { OpenApiDocument, Operation, SchemaObject } from '../../src/load/openapi.js';

const ITEMS: SchemaObject = { type: 'object', properties: { items: { type: 'array', items: { type: 'string' } } } };
const PAGE_REF: SchemaObject = { $ref: '#/components/schemas/Page' };
const doc: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  components: {
    schemas: {
      Page: { type: 'object', properties: { things: { $ref: '#/components/schemas/Things' } } },
      Things: { type: 'array', items: { type: 'integer' } },
    },
    responses: { Listed: { description: 'ok', content: { 'application/json': { schema: PAGE_REF } } } },
  },
};

const json = (schema: SchemaObject) => ({ description: 'ok', content: { 'application/json': { schema } } });
const text = (schema: SchemaObject) => ({ description: 'ok', content: { 'text/plain': { schema } } });
const empty = { description: 'none' };

function op(responses: Operation['responses'], httpMethod: SpecOperation['httpMethod'] = 'get'): SpecOperation {
  return { path: '/things', httpMethod, operation: { responses }, parameters: [], source: 'a/things' };
}

const offset: NamedPaging = { strategy: 'offset', offset: 'start', limit: 'max', items: 'things' };

const cases: [string, { given: SpecOperation; paging?: NamedPaging | 'none'; want: ResultShape }][] = [
  ['no success answer with a body: void', { given: op({ '204': empty, '404': json(ITEMS) }), want: { kind: 'void' } }],
  ['plain text', { given: op({ '200': text({ type: 'string' }) }), want: { kind: 'text', numeric: false } }],
  [
    'plain text holding digits, as a number',
    { given: op({ '200': text({ type: 'string', format: 'int32' }) }), want: { kind: 'text', numeric: true } },
  ],
  [
    'JSON',
    {
      given: op({ '200': json({ type: 'string' }) }),
      want: { kind: 'json', schema: { type: 'string' }, mayBeEmpty: false },
    },
  ],
  [
    'JSON that may also come without a body',
    {
      given: op({ '207': json({ type: 'string' }), '204': empty }),
      want: { kind: 'json', schema: { type: 'string' }, mayBeEmpty: true },
    },
  ],
  [
    'the first success status by code decides',
    { given: op({ '201': json(ITEMS), '200': text({ type: 'integer' }) }), want: { kind: 'text', numeric: true } },
  ],
  [
    'a GET with an items array and no word on paging: Link paging',
    {
      given: op({ '200': json(ITEMS) }),
      want: { kind: 'list', items: { type: 'string' }, paging: { strategy: 'link', items: 'items' } },
    },
  ],
  [
    'the same, paging none: the answer whole',
    { given: op({ '200': json(ITEMS) }), paging: 'none', want: { kind: 'json', schema: ITEMS, mayBeEmpty: false } },
  ],
  [
    'a POST answering an items array: not a list',
    { given: op({ '200': json(ITEMS) }, 'post'), want: { kind: 'json', schema: ITEMS, mayBeEmpty: false } },
  ],
  [
    'paging named by the spec, through refs to the answer and its field',
    {
      given: op({ '200': { $ref: '#/components/responses/Listed' } }),
      paging: offset,
      want: { kind: 'list', items: { type: 'integer' }, paging: offset },
    },
  ],
  [
    'a GET without an items array and no word on paging: JSON',
    { given: op({ '200': json(PAGE_REF) }), want: { kind: 'json', schema: PAGE_REF, mayBeEmpty: false } },
  ],
];

describe('classifyResult', () => {
  it.each(cases)('%s', (_name, { given, paging, want }) => {
    expect(classifyResult(doc, given, paging)).toEqual(want);
  });

  it('streams when the operation has a checked x-sdk-stream, whatever JSON answer it also gives', () => {
    const stream = { format: 'sse', item: PAGE_REF } as const;
    const events = {
      description: 'ok',
      content: { 'text/event-stream': { schema: { type: 'string' } }, 'application/json': { schema: PAGE_REF } },
    } as const;
    expect(classifyResult(doc, op({ '200': events }), undefined, stream)).toEqual({
      kind: 'stream',
      item: PAGE_REF,
      format: 'sse',
    });
  });
});
