import { describe, expect, it, vi } from 'vitest';
import type { SchemaIssue } from '../src/contract/issue.js';
import { checkSchema } from '../src/contract/schema-check.js';
import { ContractSpec, loadSpec, type Schema } from '../src/contract/spec.js';

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
      // Recursive, like a thread of replies: Ajv calls it instead of inlining it.
      Node: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          children: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
        },
      },
      Coordinate: { oneOf: [{ type: 'number' }, { type: 'string' }] },
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
    'a value an open enum does not list yet: no issue (the client takes any string there)',
    {
      schema: { type: 'string', enum: ['ALL', 'NONE'], 'x-sdk-open-enum': true } as Schema,
      value: 'SOME_NEW_VALUE',
      want: [],
    },
  ],
  [
    'a value of the wrong type for an open enum still is one',
    {
      schema: { type: 'string', enum: ['ALL', 'NONE'], 'x-sdk-open-enum': true } as Schema,
      value: 3,
      want: [{ pointer: '', rule: 'type', message: 'expected string, got integer' }],
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
    'a type failure deep in a recursive schema',
    {
      schema: { $ref: '#/components/schemas/Node' },
      value: { children: [{ children: [{ name: 'a' }, { name: 2 }] }] },
      want: [{ pointer: '/children/0/children/1/name', rule: 'type', message: 'expected string, got integer' }],
    },
  ],
  [
    'nested arrays of maps: each failure at its own place',
    {
      schema: {
        type: 'array',
        items: {
          type: 'array',
          items: { type: 'object', required: ['id'], additionalProperties: { type: 'integer', minimum: 0 } },
        },
      },
      value: [[{ id: 1, n: -1 }], [{ m: 'x' }]],
      want: [
        { pointer: '/0/0/n', rule: 'constraint', message: 'expected at least 0, got -1' },
        { pointer: '/1/0/id', rule: 'required', message: 'missing required property id' },
        { pointer: '/1/0/m', rule: 'type', message: 'expected integer, got string' },
      ],
    },
  ],
  [
    'additionalProperties: true lets anything through',
    { schema: { type: 'object', additionalProperties: true }, value: { a: [1, { b: null }] }, want: [] },
  ],
  [
    'additionalProperties: false names the property',
    {
      schema: { type: 'object', properties: { a: {} }, additionalProperties: false },
      value: { a: 1, extra: 2 },
      want: [{ pointer: '/extra', rule: 'constraint', message: 'a property the spec does not allow here' }],
    },
  ],
  [
    'anyOf: the alternatives fold into one issue, a sibling property keeps its own',
    {
      schema: {
        type: 'object',
        properties: {
          a: { type: 'string' },
          b: {
            anyOf: [{ type: 'string' }, { type: 'object', required: ['x'], properties: { x: { type: 'string' } } }],
          },
        },
      },
      value: { a: 1, b: { x: 2 } },
      want: [
        { pointer: '/a', rule: 'type', message: 'expected string, got integer' },
        { pointer: '/b', rule: 'type', message: 'matches none of the 2 shapes the spec allows (got object)' },
      ],
    },
  ],
  [
    'anyOf beside a type on the same schema: both are reported',
    {
      schema: { type: 'integer', anyOf: [{ type: 'string' }, { type: 'boolean' }] },
      value: 1.5,
      want: [
        { pointer: '', rule: 'type', message: 'expected integer, got number' },
        { pointer: '', rule: 'type', message: 'matches none of the 2 shapes the spec allows (got number)' },
      ],
    },
  ],
  ['oneOf with one fitting shape', { schema: { $ref: '#/components/schemas/Coordinate' }, value: '47.6', want: [] }],
  [
    'oneOf with no fitting shape',
    {
      schema: { type: 'object', properties: { latitude: { $ref: '#/components/schemas/Coordinate' } } },
      value: { latitude: true },
      want: [
        { pointer: '/latitude', rule: 'type', message: 'matches none of the 2 shapes the spec allows (got boolean)' },
      ],
    },
  ],
  [
    'oneOf with two fitting shapes',
    {
      schema: { oneOf: [{ type: 'number' }, { type: 'integer' }] },
      value: 3,
      want: [
        {
          pointer: '',
          rule: 'type',
          message: 'matches 2 of the 2 shapes the spec allows, where exactly one should fit',
        },
      ],
    },
  ],
  [
    'a wrong type is one issue, not also an enum failure',
    {
      schema: { $ref: '#/components/schemas/Item' },
      value: { id: 'x', kind: 4 },
      want: [{ pointer: '/kind', rule: 'type', message: 'expected string, got integer' }],
    },
  ],
  [
    'a secret-named array: its items are not quoted either',
    {
      schema: { type: 'object', properties: { keys: { type: 'array', items: { enum: ['a'] } } } },
      value: { keys: ['private-key-material'] },
      want: [{ pointer: '/keys/0', rule: 'enum', message: 'the value is not one of "a"' }],
    },
  ],
  [
    'a secret-named field below a limit, without its value',
    {
      schema: { type: 'object', properties: { pinCode: { type: 'integer', minimum: 1000 } } },
      value: { pinCode: 42 },
      want: [{ pointer: '/pinCode', rule: 'constraint', message: 'expected at least 1000' }],
    },
  ],
  [
    'length limits count characters, not UTF-16 units',
    {
      schema: { type: 'string', minLength: 3 },
      value: '😀😀',
      want: [{ pointer: '', rule: 'constraint', message: 'expected at least 3 characters, got 2' }],
    },
  ],
  [
    'item limits',
    {
      schema: { type: 'array', maxItems: 1 },
      value: [1, 2],
      want: [{ pointer: '', rule: 'constraint', message: 'expected at most 1 items, got 2' }],
    },
  ],
  [
    'a pattern',
    {
      schema: { type: 'string', pattern: '^[0-9]+$' },
      value: '12a',
      want: [{ pointer: '', rule: 'constraint', message: 'does not match the pattern ^[0-9]+$' }],
    },
  ],
  ['a pattern JavaScript cannot read matches anything', { schema: { pattern: '(' }, value: 'x', want: [] }],
  [
    'formats are not checked',
    {
      schema: { type: 'object', properties: { at: { format: 'date-time' }, mail: { format: 'email' } } },
      value: { at: 'yesterday', mail: 'nobody' },
      want: [],
    },
  ],
  [
    'a property named like a keyword, holding a ref',
    {
      schema: { type: 'object', properties: { enum: { $ref: '#/components/schemas/Kind' } } },
      value: { enum: 'c' },
      want: [{ pointer: '/enum', rule: 'enum', message: '"c" is not one of "a", "b"' }],
    },
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
    // A second check of the same schema reuses its validator and gets the same answer.
    expect(checkSchema(spec, schema, value)).toEqual(want);
  });

  it('places the value under the pointer it is given, and hides a secret-named parameter', () => {
    const kind = { $ref: '#/components/schemas/Kind' };
    expect(checkSchema(spec, kind, 'c', '/type')).toEqual([
      { pointer: '/type', rule: 'enum', message: '"c" is not one of "a", "b"' },
    ]);
    expect(checkSchema(spec, kind, 'hunter2', '/code')).toEqual([
      { pointer: '/code', rule: 'enum', message: 'the value is not one of "a", "b"' },
    ]);
  });
});

describe('the bundled spec', () => {
  it('compiles every schema a check can meet, without a word on the console', () => {
    const bundled = loadSpec();
    const warn = vi.spyOn(console, 'warn');
    const log = vi.spyOn(console, 'log');
    const schemas = new Set<Schema>();
    for (const operation of bundled.operations) {
      for (const parameter of operation.parameters) if (parameter.schema) schemas.add(parameter.schema);
      for (const media of Object.values(operation.requestBody?.content ?? {}))
        if (media.schema) schemas.add(media.schema);
      for (const response of Object.values(operation.responses))
        for (const media of Object.values(response.content ?? {})) if (media.schema) schemas.add(media.schema);
    }
    expect(schemas.size).toBeGreaterThan(500);
    // A symbol is no JSON value: every validator runs, and most fail, so their failures are worded too.
    for (const schema of schemas) expect(() => checkSchema(bundled, schema, Symbol('not JSON'))).not.toThrow();
    expect(warn).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
    warn.mockRestore();
    log.mockRestore();
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
