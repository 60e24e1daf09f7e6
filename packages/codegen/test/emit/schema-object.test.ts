import { describe, expect, it } from 'vitest';
import { emitSchemaObject } from '../../src/emit/schema-object.js';
import type { IrNamedType, IrType } from '../../src/ir/types.js';
import { printStatements } from '../../src/write/source-files.js';
import { lines } from './printed.js';

const string: IrType = { kind: 'primitive', type: 'string' };
const named = (name: string, type: IrType, extra: Partial<IrNamedType> = {}): IrNamedType => ({
  name,
  source: 'a/things',
  type,
  ...extra,
});

const cases: [string, { given: IrNamedType; want: string }][] = [
  [
    'an object: an interface, docs on each property, optional ones marked, odd keys quoted',
    {
      given: named(
        'Room',
        {
          kind: 'object',
          properties: [
            { name: 'id', required: true, type: string, description: 'Its id.' },
            { name: 'created', required: false, type: string, format: 'date-time' },
            { name: 'x-weird', required: false, type: string, deprecated: true },
          ],
        },
        { description: 'A room.' },
      ),
      want: lines(
        '/** A room. */',
        'export interface Room {',
        '  /** Its id. */',
        '  id: string;',
        '  /** An ISO 8601 date-time string. */',
        '  created?: string;',
        '  /** @deprecated */',
        "  'x-weird'?: string;",
        '}',
      ),
    },
  ],
  [
    'an enum of strings: an object of the values beside the union of them',
    {
      given: named('Color', { kind: 'enum', values: ['red', 'light-blue'] }, { description: 'A color.' }),
      want: lines(
        '/**',
        ' * A color.',
        ' *',
        ' * Every value, for iteration and autocompletion.',
        ' */',
        "export const Color = { red: 'red', 'light-blue': 'light-blue' } as const;",
        '/** A color. */',
        "export type Color = 'red' | 'light-blue';",
      ),
    },
  ],
  [
    'an open enum: the object of its known values, and its type open to any other string',
    {
      given: named('Ring', { kind: 'enum', values: ['NORMAL', 'SILENT'], open: true }, { description: 'A ring.' }),
      want: lines(
        '/**',
        ' * A ring.',
        ' *',
        ' * Every known value, for iteration and autocompletion.',
        ' */',
        "export const Ring = { NORMAL: 'NORMAL', SILENT: 'SILENT' } as const;",
        '/**',
        ' * A ring.',
        ' *',
        ' * Open: the service may answer (and take) values newer than these, so any other string is allowed too.',
        ' */',
        "export type Ring = 'NORMAL' | 'SILENT' | (string & {});",
      ),
    },
  ],
  [
    'an enum of numbers: a type alias only',
    { given: named('Level', { kind: 'enum', values: [1, 2] }), want: 'export type Level = 1 | 2;' },
  ],
  [
    'allOf of references and one object: an interface extending them',
    {
      given: named('Widget', {
        kind: 'intersection',
        members: [
          { kind: 'ref', name: 'Audit' },
          { kind: 'object', properties: [{ name: 'id', required: true, type: string }] },
        ],
      }),
      want: lines('export interface Widget extends Audit {', '  id: string;', '}'),
    },
  ],
  [
    'allOf with a union in it: a type alias',
    {
      given: named('Either', {
        kind: 'intersection',
        members: [
          { kind: 'ref', name: 'Audit' },
          {
            kind: 'union',
            members: [
              { kind: 'ref', name: 'A' },
              { kind: 'ref', name: 'B' },
            ],
          },
        ],
      }),
      want: 'export type Either = Audit & (A | B);',
    },
  ],
  [
    'additional properties beside named ones: an index signature every property fits',
    {
      given: named('Labels', {
        kind: 'object',
        properties: [{ name: 'id', required: false, type: string }],
        additionalProperties: string,
      }),
      want: lines('export interface Labels {', '  [key: string]: string | undefined;', '  id?: string;', '}'),
    },
  ],
  [
    'a former name: a deprecated alias after the declaration',
    {
      given: named('LayoutMode', { kind: 'object', properties: [] }, { formerName: 'LayoutLayoutMode' }),
      want: lines(
        'export interface LayoutMode {',
        '}',
        '',
        '/**',
        ' * The former name of `LayoutMode`.',
        ' * @deprecated Use LayoutMode.',
        ' */',
        'export type LayoutLayoutMode = LayoutMode;',
      ),
    },
  ],
  [
    'the former name of an enum: the object of values too',
    {
      given: named('Mode', { kind: 'enum', values: ['a'] }, { formerName: 'ModeMode' }),
      want: lines(
        '/** Every value, for iteration and autocompletion. */',
        "export const Mode = { a: 'a' } as const;",
        "export type Mode = 'a';",
        '/**',
        ' * The former name of `Mode`.',
        ' * @deprecated Use Mode.',
        ' */',
        'export const ModeMode = Mode;',
        '/**',
        ' * The former name of `Mode`.',
        ' * @deprecated Use Mode.',
        ' */',
        'export type ModeMode = Mode;',
      ),
    },
  ],
];

describe('emitSchemaObject', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(printStatements(emitSchemaObject(given))).toBe(want);
  });
});
