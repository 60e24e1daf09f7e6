// The stages together (buildIr: validate → name → build): the named types in their order, and resources.
import { describe, expect, it } from 'vitest';
import { buildIr } from '../../src/ir/build-ir.js';
import { bundleOf } from '../spec-files.js';

const ROOT = [
  'openapi: 3.1.0',
  "info: { title: t, version: '1' }",
  'tags: [{ name: Things, description: Things to keep. }, { name: Spare }]',
  'paths: {}',
  '',
].join('\n');

const THINGS = [
  'paths:',
  '  /things:',
  '    get:',
  '      operationId: listThings',
  '      x-sdk-method: list',
  '      tags: [Spare, Things]',
  '      parameters: [{ name: max, in: query, schema: { type: integer } }]',
  "      responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/ThingPage' } } } } }",
  '    post:',
  '      operationId: createThing',
  '      x-sdk-method: create',
  '      tags: [Things]',
  "      responses: { '204': { description: ok } }",
  '  /things/secret:',
  '    get:',
  '      operationId: secretThing',
  '      x-sdk-hidden: true',
  "      responses: { '204': { description: ok } }",
  'components:',
  '  schemas:',
  '    ThingPage:',
  '      type: object',
  '      properties: { items: { type: array, items: { $ref: "#/components/schemas/Thing" } } }',
  '    Thing:',
  '      type: object',
  '      properties:',
  '        thingKind: { enum: [a, b] }',
  '        layout: { type: object, properties: { layoutMode: { enum: [x] } } }',
  '',
].join('\n');

describe('buildIr', () => {
  const ir = buildIr(bundleOf({ 'webex.yaml': ROOT, 'a/things.yaml': THINGS }));

  it('lists components sorted, each followed by what is named inside it, then the query types', () => {
    expect(ir.types.map((t) => t.name)).toEqual([
      'Thing',
      'ThingKind',
      'ThingLayout',
      'ThingLayoutMode',
      'ThingPage',
      'ThingsListQuery',
    ]);
    expect(ir.types.every((t) => t.source === 'a/things')).toBe(true);
  });

  it('keeps the former name of a type that dropped repeated words', () => {
    expect(ir.types.filter((t) => t.formerName).map((t) => [t.formerName, t.name])).toEqual([
      ['ThingThingKind', 'ThingKind'],
      ['ThingLayoutLayoutMode', 'ThingLayoutMode'],
    ]);
  });

  it("makes one resource per spec file, with its operations' tags and the first tag's description", () => {
    expect(ir.resources).toHaveLength(1);
    expect(ir.resources[0]).toMatchObject({
      name: 'things',
      property: ['things'],
      source: 'a/things',
      tags: ['Spare', 'Things'],
      description: 'Things to keep.',
    });
    expect(ir.resources[0]!.operations.map((op) => [op.label, op.result.kind])).toEqual([
      ['things.list', 'list'],
      ['things.create', 'void'],
    ]);
  });
});
