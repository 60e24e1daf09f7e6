import { describe, expect, it } from 'vitest';
import { checkSchema, type SchemaIssue } from '../src/contract/schema-check.js';
import { ContractSpec, type Schema } from '../src/contract/spec.js';

const spec = new ContractSpec({
  paths: {},
  components: {
    schemas: {
      Kind: { type: 'string', enum: ['a', 'b'] },
      Item: {
        type: 'object',
        required: ['id'],
        properties: { id: { type: 'string' }, kind: { $ref: '#/components/schemas/Kind' } },
      },
    },
  },
});

const cases: [string, { schema: Schema; value: unknown; want: SchemaIssue[] }][] = [
  [
    'a conforming nested value',
    {
      schema: {
        type: 'object',
        properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Item' } } },
      },
      value: { items: [{ id: 'x', kind: 'a' }] },
      want: [],
    },
  ],
  [
    'a wrong type deep in an array',
    {
      schema: { type: 'array', items: { $ref: '#/components/schemas/Item' } },
      value: [{ id: 'x' }, { id: 3 }],
      want: [{ pointer: '/1/id', rule: 'type', message: 'expected string, got integer' }],
    },
  ],
  [
    'a missing required property',
    {
      schema: { $ref: '#/components/schemas/Item' },
      value: {},
      want: [{ pointer: '/id', rule: 'required', message: 'missing required property id' }],
    },
  ],
  [
    'null where the spec does not allow it',
    {
      schema: { type: 'string' },
      value: null,
      want: [{ pointer: '', rule: 'type', message: 'expected string, got null' }],
    },
  ],
  ['null where the spec allows it', { schema: { type: ['string', 'null'] }, value: null, want: [] }],
  [
    'a value not in a $ref enum',
    {
      schema: { $ref: '#/components/schemas/Item' },
      value: { id: 'x', kind: 'c' },
      want: [{ pointer: '/kind', rule: 'enum', message: '"c" is not one of "a", "b"' }],
    },
  ],
  [
    'a secret-named field in an enum failure, without its value',
    {
      schema: { type: 'object', properties: { client_secret: { type: 'string', enum: ['x'] } } },
      value: { client_secret: 'hunter2' },
      want: [{ pointer: '/client_secret', rule: 'enum', message: 'the value is not one of "x"' }],
    },
  ],
  [
    'anyOf with no fitting shape',
    {
      schema: { anyOf: [{ type: 'string' }, { type: 'integer' }] },
      value: true,
      want: [{ pointer: '', rule: 'type', message: 'matches none of the 2 shapes the spec allows (got boolean)' }],
    },
  ],
  ['anyOf with a fitting shape', { schema: { anyOf: [{ type: 'string' }, { type: 'integer' }] }, value: 4, want: [] }],
  [
    'allOf: every part applies',
    {
      schema: { allOf: [{ required: ['a'] }, { required: ['b'] }] },
      value: { a: 1 },
      want: [{ pointer: '/b', rule: 'required', message: 'missing required property b' }],
    },
  ],
  [
    'a constraint',
    {
      schema: { type: 'integer', minimum: 1 },
      value: 0,
      want: [{ pointer: '', rule: 'constraint', message: 'expected at least 1, got 0' }],
    },
  ],
  [
    'undeclared properties are not violations',
    { schema: { type: 'object', properties: {} }, value: { extra: 1 }, want: [] },
  ],
  [
    'a pointer escapes / and ~',
    {
      schema: { type: 'object', properties: { 'a/b~c': { type: 'string' } } },
      value: { 'a/b~c': 1 },
      want: [{ pointer: '/a~1b~0c', rule: 'type', message: 'expected string, got integer' }],
    },
  ],
];

describe('checkSchema', () => {
  it.each(cases)('%s', (_name, { schema, value, want }) => {
    expect(checkSchema(spec, schema, value)).toEqual(want);
  });
});

describe('ContractSpec.find', () => {
  it('prefers a literal path over a template and decodes path parameters', () => {
    const routes = new ContractSpec({
      paths: {
        '/people/{personId}': { get: { operationId: 'getPerson', 'x-sdk-method': 'get', responses: {} } },
        '/people/me': { get: { operationId: 'getMe', 'x-sdk-method': 'me', responses: {} } },
      },
    });
    expect(routes.find('GET', '/people/me')?.operation.operationId).toBe('getMe');
    expect(routes.find('GET', '/people/a%2Fb')).toMatchObject({
      operation: { operationId: 'getPerson', label: 'people.get' },
      pathParams: { personId: 'a/b' },
    });
    expect(routes.find('POST', '/people/me')).toBeUndefined();
  });
});
