import { describe, expect, it } from 'vitest';
import type { InlineName } from '../../src/ir/name-types.js';
import { schemaTypes } from '../../src/ir/to-type.js';
import type { IrType } from '../../src/ir/types.js';
import type { SchemaObject } from '../../src/load/openapi.js';

const string: IrType = { kind: 'primitive', type: 'string' };
const number: IrType = { kind: 'primitive', type: 'number' };
const nul: IrType = { kind: 'primitive', type: 'null' };
const unknown: IrType = { kind: 'primitive', type: 'unknown' };

const cases: [string, { given: SchemaObject | undefined; want: IrType }][] = [
  ['no schema: unknown', { given: undefined, want: unknown }],
  [
    'a $ref: the name it points at',
    { given: { $ref: '#/components/schemas/Room' }, want: { kind: 'ref', name: 'Room' } },
  ],
  ['integer and number: number', { given: { type: 'integer' }, want: number }],
  [
    'nullable, 3.0 style',
    { given: { type: 'string', nullable: true }, want: { kind: 'union', members: [string, nul] } },
  ],
  [
    'nullable, 3.1 style, two types',
    {
      given: { type: ['string', 'number', 'null'] },
      want: { kind: 'union', members: [string, number, nul] },
    },
  ],
  ['const null: null, not null | null', { given: { const: null, nullable: true }, want: nul }],
  ['a const', { given: { const: 'circle' }, want: { kind: 'enum', values: ['circle'] } }],
  ['an enum, null left to nullable', { given: { enum: ['a', 1, null] }, want: { kind: 'enum', values: ['a', 1] } }],
  ['an array', { given: { type: 'array', items: { type: 'string' } }, want: { kind: 'array', items: string } }],
  [
    'an object: properties, required ones marked, docs kept',
    {
      given: {
        type: 'object',
        required: ['id'],
        properties: { id: { type: 'string', description: ' Its id. ' }, at: { type: 'string', format: 'date-time' } },
      },
      want: {
        kind: 'object',
        properties: [
          { name: 'id', required: true, description: 'Its id.', type: string },
          { name: 'at', required: false, format: 'date-time', type: string },
        ],
      },
    },
  ],
  [
    'an object without properties: any keys',
    { given: { type: 'object' }, want: { kind: 'object', properties: [], additionalProperties: unknown } },
  ],
  [
    'additional properties of a type',
    {
      given: { type: 'object', additionalProperties: { type: 'number' } },
      want: { kind: 'object', properties: [], additionalProperties: number },
    },
  ],
  [
    'oneOf: a union, constraint-only variants left out',
    {
      given: { oneOf: [{ type: 'string' }, { required: ['a'] }, { $ref: '#/components/schemas/A' }] },
      want: { kind: 'union', members: [string, { kind: 'ref', name: 'A' }] },
    },
  ],
  [
    'allOf with properties of its own: an intersection',
    {
      given: { allOf: [{ $ref: '#/components/schemas/Base' }], type: 'object', properties: { a: { type: 'string' } } },
      want: {
        kind: 'intersection',
        members: [
          { kind: 'ref', name: 'Base' },
          { kind: 'object', properties: [{ name: 'a', required: false, type: string }] },
        ],
      },
    },
  ],
  [
    'allOf of one: that one',
    { given: { allOf: [{ $ref: '#/components/schemas/Base' }] }, want: { kind: 'ref', name: 'Base' } },
  ],
];

describe('schemaTypes().typeOf', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(schemaTypes(new Map(), () => {}).typeOf(given)).toEqual(want);
  });

  it('refers to a named inline schema by its name and hands it to declare, parents before what is inside', () => {
    const kind: SchemaObject = { enum: ['a'] };
    const owner: SchemaObject = { type: 'object', properties: { kind } };
    const inline = new Map<SchemaObject, InlineName>([
      [owner, { name: 'WidgetOwner', location: 'Widget.owner', source: 'w' }],
      [kind, { name: 'WidgetOwnerKind', location: 'Widget.owner.kind', source: 'w' }],
    ]);
    const declared: string[] = [];
    const types = schemaTypes(inline, (named, schema) => {
      declared.push(named.name);
      types.declaredType(schema);
    });
    expect(types.typeOf({ type: 'object', properties: { owner } })).toEqual({
      kind: 'object',
      properties: [{ name: 'owner', required: false, type: { kind: 'ref', name: 'WidgetOwner' } }],
    });
    expect(declared).toEqual(['WidgetOwner', 'WidgetOwnerKind']);
    expect(types.declaredType(owner)).toEqual({
      kind: 'object',
      properties: [{ name: 'kind', required: false, type: { kind: 'ref', name: 'WidgetOwnerKind' } }],
    });
  });
});
