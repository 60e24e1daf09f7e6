import { describe, expect, it } from 'vitest';
import { validateSpecs } from '../../src/ir/validate.js';
import { SpecError } from '../../src/load/bundle.js';
import { bundleOf, EMPTY_ROOT, resourceFile } from '../spec-files.js';

/** The root spec with these component schemas (YAML flow mappings, by name). */
const withSchemas = (schemas: Record<string, string>) => ({
  'webex.yaml': `${EMPTY_ROOT}components:\n  schemas:\n${Object.entries(schemas)
    .map(([name, schema]) => `    ${name}: ${schema}\n`)
    .join('')}`,
});

const refusal = (message: string) => expect.objectContaining({ name: SpecError.name, message });

describe('enum and const values', () => {
  it.each([
    ['{ enum: [a, 1, true, ~] }'],
    ['{ const: ~ }'],
    ['{ type: object, properties: { kind: { const: circle } } }'],
  ])('accepts strings, numbers, booleans and null: %s', (schema) => {
    expect(() => validateSpecs(bundleOf(withSchemas({ Thing: schema })))).not.toThrow();
  });

  it.each([
    ['{ enum: [a, { b: 1 }] }', 'Thing', '{"b":1}'],
    ['{ const: [1] }', 'Thing', '[1]'],
    ['{ type: object, properties: { size: { enum: [[s]] } } }', 'Thing.size', '["s"]'],
    ['{ type: array, items: { enum: [{}] } }', 'Thing[]', '{}'],
    ['{ allOf: [{ type: object, properties: { a: { const: {} } } }] }', 'Thing.allOf[0].a', '{}'],
  ])('refuses %s, naming the schema and where in it', (schema, where, got) => {
    expect(() => validateSpecs(bundleOf(withSchemas({ Thing: schema })))).toThrow(
      refusal(`webex.yaml (${where}): enum and const values must be strings, numbers, booleans or null (got ${got})`),
    );
  });

  it("checks what an operation sends and answers, naming the operation's file and id", () => {
    const files = {
      'a/things.yaml': resourceFile('/things', {
        operation: ['x-sdk-method: list', 'parameters: [{ name: sort, in: query, schema: { enum: [[up]] } }]'],
      }),
    };
    expect(() => validateSpecs(bundleOf(files))).toThrow(
      refusal(
        'a/things.yaml (opthings parameter sort): enum and const values must be strings, numbers, booleans or null (got ["up"])',
      ),
    );
  });
});

describe('x-sdk-name', () => {
  it('is collected from inline schemas, with where it is', () => {
    const spec = validateSpecs(
      bundleOf(withSchemas({ Thing: '{ type: object, properties: { size: { enum: [s, l], x-sdk-name: Size } } }' })),
    );
    expect([...spec.nameOverrides.values()]).toEqual([{ name: 'Size', place: 'webex.yaml (Thing.size)' }]);
  });

  it.each([
    [
      '{ type: object, properties: { size: { enum: [s], x-sdk-name: size } } }',
      'Thing.size',
      'must be a PascalCase type name (got "size")',
    ],
    [
      '{ type: object, properties: { size: { enum: [s], x-sdk-name: 5 } } }',
      'Thing.size',
      'must be a PascalCase type name (got 5)',
    ],
    ['{ type: object, x-sdk-name: Other }', 'Thing', 'is for inline schemas; a component schema is named by its key'],
  ])('refuses %s', (schema, where, problem) => {
    expect(() => validateSpecs(bundleOf(withSchemas({ Thing: schema })))).toThrow(
      refusal(`webex.yaml (${where}): x-sdk-name ${problem}`),
    );
  });

  it('refuses any other x-sdk setting on a schema', () => {
    expect(() => validateSpecs(bundleOf(withSchemas({ Thing: '{ type: string, x-sdk-method: list }' })))).toThrow(
      refusal(
        'webex.yaml (Thing): x-sdk-method is not a schema setting (a schema takes only x-sdk-name and x-sdk-open-enum)',
      ),
    );
  });
});

describe('x-sdk-open-enum', () => {
  it.each([
    ['{ enum: [a, b], x-sdk-open-enum: true }'],
    ['{ enum: [a, ~], x-sdk-open-enum: true }'],
    ['{ enum: [a], x-sdk-open-enum: false }'],
  ])('takes true (or false) on an enum of strings: %s', (schema) => {
    expect(() => validateSpecs(bundleOf(withSchemas({ Thing: schema })))).not.toThrow();
  });

  it.each([
    ['{ enum: [a], x-sdk-open-enum: yes }', '"yes" on ["a"]'],
    ['{ enum: [1, 2], x-sdk-open-enum: true }', 'true on [1,2]'],
    ['{ type: string, x-sdk-open-enum: true }', 'true on "no enum"'],
  ])('refuses %s', (schema, got) => {
    expect(() => validateSpecs(bundleOf(withSchemas({ Thing: schema })))).toThrow(
      refusal(`webex.yaml (Thing): x-sdk-open-enum must be true, on an enum of strings (got ${got})`),
    );
  });
});
