import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { emitPathsTypes } from '../../src/emit/paths-types.js';

const LONG = 'word '.repeat(30).trim();

/** A document with one operation answering this schema. */
const documentWith = (schema: object) => ({
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: {
    '/things': {
      get: {
        operationId: 'listThings',
        responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } },
      },
    },
  },
});

const cases: [string, { given: object; want: string[]; not?: string[] }][] = [
  [
    'the paths and operations openapi-fetch needs',
    {
      given: documentWith({ type: 'string' }),
      want: ['export interface paths {', '"/things": {', 'get: operations["listThings"];', 'listThings: {'],
    },
  ],
  [
    'descriptions wrapped at 90 columns, examples left out',
    {
      given: documentWith({
        type: 'object',
        properties: { name: { type: 'string', description: LONG, example: 'an-example-value' } },
      }),
      want: [`${'word '.repeat(18).trim()}\n`],
      not: ['an-example-value', LONG],
    },
  ],
  [
    'an open enum as the models write it: the known values or any other string',
    {
      given: documentWith({ type: 'string', enum: ['ALL', 'NONE'], 'x-sdk-open-enum': true }),
      want: ['"application/json": "ALL" | "NONE" | (string & {});'],
    },
  ],
  [
    'an open enum that may be null, and one inside an array',
    {
      given: documentWith({
        type: 'object',
        properties: {
          state: { type: ['string', 'null'], enum: ['ON', 'OFF', null], 'x-sdk-open-enum': true },
          modes: { type: 'array', items: { enum: ['A', 'B'], 'x-sdk-open-enum': true } },
        },
      }),
      want: ['state?: "ON" | "OFF" | (string & {}) | null;', 'modes?: ("A" | "B" | (string & {}))[];'],
    },
  ],
  [
    'a closed enum stays closed',
    {
      given: documentWith({ type: 'string', enum: ['ALL', 'NONE'] }),
      want: ['"application/json": "ALL" | "NONE";'],
      not: ['string & {}'],
    },
  ],
  [
    'an object without properties as unknown keys',
    { given: documentWith({ type: 'object' }), want: ['"application/json": Record<string, unknown>;'] },
  ],
];

/** Paths, parameters, a body, references and a discriminated union: what the settings of openapi-typescript touch. */
const rich = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: {
    '/pets/{petId}': {
      parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'string' } }],
      get: {
        operationId: 'getPet',
        parameters: [{ name: 'max', in: 'query', schema: { type: 'integer', default: 10 } }],
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } },
          },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
      put: {
        operationId: 'updatePet',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } },
        },
        responses: { '204': { description: 'updated' } },
      },
    },
  },
  components: {
    schemas: {
      Pet: {
        oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
        discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat' } },
      },
      Cat: {
        type: 'object',
        required: ['kind'],
        properties: { kind: { type: 'string' }, lives: { type: 'integer', default: 9 }, extra: { type: 'object' } },
      },
      Dog: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' }, tags: { type: 'array' } } },
      Error: {
        type: 'object',
        properties: { message: { type: 'string' }, deprecated: { type: 'string', deprecated: true } },
      },
    },
    responses: {
      NotFound: {
        description: 'none',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    },
  },
};

describe('emitPathsTypes', () => {
  it('writes what openapi-typescript’s own entry point writes for the same settings (it skips only its lint and bundle)', async () => {
    const viaEntryPoint = astToString(
      await openapiTS(structuredClone(rich) as unknown as Parameters<typeof openapiTS>[0], {
        alphabetize: false,
        emptyObjectsUnknown: true,
        silent: true,
      }),
    );
    expect(viaEntryPoint).toContain('Record<string, unknown>');
    expect(emitPathsTypes(rich)).toBe(viaEntryPoint);
  });

  it.each(cases)('%s', async (_name, { given, want, not = [] }) => {
    const text = emitPathsTypes(given);
    for (const fragment of want) expect(text).toContain(fragment);
    for (const fragment of not) expect(text).not.toContain(fragment);
  });
});
