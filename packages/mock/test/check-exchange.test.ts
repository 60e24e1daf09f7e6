import { describe, expect, it } from 'vitest';
import { checkResponse, type PlacedIssue } from '../src/contract/check-exchange.js';
import { ContractSpec, type Operation } from '../src/contract/spec.js';

const spec = new ContractSpec({ paths: {}, components: {} });
const json = { 'application/json': { schema: { type: 'object' as const } } };

/** An operation whose 200 and 404 answer `content`. */
const operation = (content: Record<string, { schema?: object }>): Operation => ({
  label: 'things.get',
  operationId: 'getThing',
  method: 'GET',
  template: '/things/{id}',
  sdkMethod: 'get',
  hidden: false,
  parameters: [],
  responses: { '200': { content }, '404': { content } },
});

const notJson = (type: string): PlacedIssue => ({
  where: 'response',
  part: 'body',
  pointer: '',
  rule: 'type',
  message: `expected a JSON body, got ${type}`,
});

const cases: [
  string,
  { content: Record<string, { schema?: object }>; status?: number; type?: string; body: string; want: PlacedIssue[] },
][] = [
  ['JSON, with a charset', { content: json, type: 'application/json; charset=utf-8', body: '{}', want: [] }],
  ['JSON without a Content-Type', { content: json, body: '{}', want: [] }],
  [
    'an HTML page where JSON is declared',
    { content: json, type: 'text/html', body: '<p>hi</p>', want: [notJson('text/html')] },
  ],
  [
    'an HTML page on an error status',
    { content: json, status: 404, type: 'text/html', body: '<p>no</p>', want: [notJson('text/html')] },
  ],
  [
    'a Content-Type that is no plain media type, not quoted',
    { content: json, type: 'text/html<b>', body: 'x', want: [notJson('a body of another type')] },
  ],
  [
    'no body at all on a 200, whatever the type',
    { content: json, type: 'text/html', body: '', want: [notJson('none')] },
  ],
  ['no body on a 404', { content: json, status: 404, type: 'text/html', body: '', want: [] }],
  [
    'a type the answer declares beside JSON',
    { content: { ...json, 'text/plain': {} }, type: 'text/plain; charset=utf-8', body: 'hi', want: [] },
  ],
  [
    'a type a wildcard declares beside JSON',
    { content: { ...json, 'text/*': {} }, type: 'text/csv', body: 'a,b', want: [] },
  ],
  ['an answer that declares no JSON', { content: { 'text/vtt': {} }, type: 'text/html', body: '<p>', want: [] }],
];

describe('checkResponse: the body type', () => {
  it.each(cases)('%s', (_name, { content, status = 200, type, body, want }) => {
    const headers = new Headers(type === undefined ? {} : { 'content-type': type });
    expect(checkResponse(spec, operation(content), status, headers, Buffer.from(body))).toEqual(want);
  });
});
