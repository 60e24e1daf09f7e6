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

describe('emitPathsTypes', () => {
  it.each(cases)('%s', async (_name, { given, want, not = [] }) => {
    const text = await emitPathsTypes(given);
    for (const fragment of want) expect(text).toContain(fragment);
    for (const fragment of not) expect(text).not.toContain(fragment);
  });
});
