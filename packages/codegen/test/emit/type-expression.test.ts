import { describe, expect, it } from 'vitest';
import { indexSignatureType, referencedNames, typeExpression } from '../../src/emit/type-expression.js';
import type { IrType } from '../../src/ir/types.js';

const string: IrType = { kind: 'primitive', type: 'string' };
const number: IrType = { kind: 'primitive', type: 'number' };
const ref = (name: string): IrType => ({ kind: 'ref', name });

const cases: [string, { given: IrType; want: string }][] = [
  ['a reference', { given: ref('Room'), want: 'Room' }],
  ['a primitive', { given: { kind: 'primitive', type: 'unknown' }, want: 'unknown' }],
  [
    'an enum, strings quoted',
    { given: { kind: 'enum', values: ['a', "it's", 2, true] }, want: "'a' | 'it\\'s' | 2 | true" },
  ],
  [
    'an open enum: the known values, then any other string',
    { given: { kind: 'enum', values: ['a', 'b'], open: true }, want: "'a' | 'b' | (string & {})" },
  ],
  [
    'an array of an open enum, in parentheses even with one value',
    { given: { kind: 'array', items: { kind: 'enum', values: ['a'], open: true } }, want: "('a' | (string & {}))[]" },
  ],
  ['an array', { given: { kind: 'array', items: ref('Room') }, want: 'Room[]' }],
  [
    'an array of a union, in parentheses',
    { given: { kind: 'array', items: { kind: 'union', members: [string, number] } }, want: '(string | number)[]' },
  ],
  [
    'an array of an enum of several values, in parentheses',
    { given: { kind: 'array', items: { kind: 'enum', values: ['a', 'b'] } }, want: "('a' | 'b')[]" },
  ],
  [
    'an array of one literal, without',
    { given: { kind: 'array', items: { kind: 'enum', values: ['a'] } }, want: "'a'[]" },
  ],
  [
    'an object, optional properties marked, odd keys quoted',
    {
      given: {
        kind: 'object',
        properties: [
          { name: 'id', required: true, type: string },
          { name: 'x-y', required: false, type: number },
        ],
      },
      want: "{ id: string; 'x-y'?: number }",
    },
  ],
  [
    'an object of additional properties only: a record',
    { given: { kind: 'object', properties: [], additionalProperties: number }, want: 'Record<string, number>' },
  ],
  [
    'an object with both',
    {
      given: {
        kind: 'object',
        properties: [{ name: 'id', required: true, type: string }],
        additionalProperties: number,
      },
      want: '{ id: string; [key: string]: number | string }',
    },
  ],
  ['an empty object', { given: { kind: 'object', properties: [] }, want: 'Record<string, never>' }],
  [
    'a union, members written once',
    { given: { kind: 'union', members: [string, ref('A'), string] }, want: 'string | A' },
  ],
  [
    'an intersection, a union member in parentheses',
    {
      given: { kind: 'intersection', members: [ref('A'), { kind: 'union', members: [ref('B'), ref('C')] }] },
      want: 'A & (B | C)',
    },
  ],
];

describe('typeExpression', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(typeExpression(given)).toBe(want);
  });
});

describe('referencedNames', () => {
  it('finds every named type, however deep', () => {
    const type: IrType = {
      kind: 'intersection',
      members: [
        ref('A'),
        {
          kind: 'object',
          properties: [{ name: 'b', required: false, type: { kind: 'array', items: ref('B') } }],
          additionalProperties: { kind: 'union', members: [ref('C'), ref('A')] },
        },
      ],
    };
    expect([...referencedNames(type)]).toEqual(['A', 'B', 'C']);
  });
});

describe('indexSignatureType', () => {
  it.each([
    [
      'unknown takes everything',
      [{ required: false, type: string }],
      { kind: 'primitive', type: 'unknown' },
      'unknown',
    ],
    ['required properties add their types', [{ required: true, type: string }], number, 'number | string'],
    ['optional ones add undefined', [{ required: false, type: number }], number, 'number | undefined'],
    ['each type once', [{ required: true, type: number }], number, 'number'],
  ] as const)('%s', (_name, properties, additional, want) => {
    expect(indexSignatureType([...properties], additional as IrType)).toBe(want);
  });
});
