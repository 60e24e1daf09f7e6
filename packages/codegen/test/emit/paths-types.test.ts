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
