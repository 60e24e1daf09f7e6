// What an IR operation takes from its spec: simple parameter types, header parameters, servers, body, query type.
import { describe, expect, it } from 'vitest';
import { buildIr } from '../../src/ir/build-ir.js';
import { bundleOf } from '../spec-files.js';

const ROOT =
  "openapi: 3.1.0\ninfo: { title: t, version: '1' }\nservers: [{ url: 'https://api.example.test' }]\npaths: {}\n";

function operationsOf(files: Record<string, string>) {
  const ir = buildIr(bundleOf({ 'webex.yaml': ROOT, ...files }));
  return new Map(ir.resources.flatMap((r) => r.operations.map((o) => [o.label, o])));
}

const get = (method: string, extra = '', operationId = method) =>
  `    get:\n      operationId: ${operationId}\n      x-sdk-method: ${method}\n${extra}      responses: { '204': { description: ok } }\n`;

describe('parameters', () => {
  it.each([
    ['{ type: integer }', 'integer'],
    ['{ type: number }', 'number'],
    ['{ type: boolean }', 'boolean'],
    ['{ type: [integer, "null"] }', 'integer'],
    ['{ type: array, items: { type: integer } }', 'integer[]'],
    ['{ type: array, items: { $ref: "#/components/schemas/Kind" } }', 'string[]'],
    ['{ $ref: "#/components/schemas/Count" }', 'integer'],
    ['{ anyOf: [{ type: string }, { type: integer }] }', 'string'],
    ['{ type: [string, integer] }', 'string'],
    ['{}', 'string'],
  ])('a parameter of schema %s is %s', (schema, want) => {
    const file = [
      'paths:',
      '  /things:',
      get(
        'list',
        `      parameters: [{ name: p, in: query, schema: ${schema} }, { name: h, in: header, schema: ${schema} }]\n`,
      ),
      'components:',
      '  schemas:',
      '    Kind: { type: string, enum: [a, b] }',
      '    Count: { type: integer }',
      '',
    ].join('\n');
    const list = operationsOf({ 'a/things.yaml': file }).get('things.list')!;
    expect(list.query?.parameters.map((p) => p.simpleType)).toEqual([want]);
    expect(list.headerParameters.map((p) => [p.name, p.simpleType])).toEqual([['h', want]]);
  });

  it("takes the path item's parameters, an operation's own replacing one of the same name, and names the query type", () => {
    const file = [
      'paths:',
      '  /things/{id}:',
      '    parameters:',
      '      - { name: id, in: path, required: true, schema: { type: string } }',
      '      - { name: max, in: query, schema: { type: integer } }',
      get(
        'get',
        '      parameters: [{ name: max, in: query, required: true, description: Page size., schema: { type: integer, format: int32 } }]\n',
      ),
    ].join('\n');
    const op = operationsOf({ 'a/things.yaml': file }).get('things.get')!;
    expect(op.pathParameters.map((p) => p.name)).toEqual(['id']);
    expect(op.query).toEqual({
      typeName: 'ThingsGetQuery',
      required: true,
      parameters: [
        {
          name: 'max',
          required: true,
          description: 'Page size.',
          format: 'int32',
          type: { kind: 'primitive', type: 'number' },
          simpleType: 'integer',
        },
      ],
    });
  });
});

describe('servers and bodies', () => {
  it("takes the server and host its spec file declares for every operation of it; the root's is no operation's own", () => {
    const file = (top: string, paths: string) => `${top}paths:\n${paths}`;
    const byLabel = operationsOf({
      'a/things.yaml': file(
        "x-sdk-host: contactCenter\nservers: [{ url: 'https://api.wxcc-{region}.cisco.com' }]\n",
        [
          '  /things:',
          get('list'),
          '  /things/{id}:',
          '    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]',
          get('get'),
        ].join('\n'),
      ),
      'b/others.yaml': file('', `  /others:\n${get('list', '', 'listOthers')}`),
    });
    for (const label of ['things.list', 'things.get']) {
      expect(byLabel.get(label)).toMatchObject({
        server: 'https://api.wxcc-{region}.cisco.com',
        host: 'contactCenter',
      });
    }
    expect(byLabel.get('others.list')).not.toHaveProperty('server');
    expect(byLabel.get('others.list')).not.toHaveProperty('host');
  });

  it.each([
    ['{ application/json: { schema: { type: string } }, text/plain: { schema: { type: integer } } }', undefined],
    ['{ application/merge-patch+json: { schema: { type: string } } }', 'application/merge-patch+json'],
  ])('takes a JSON body where there is one, else the first: %s', (content, contentType) => {
    const file = `paths:\n  /things:\n    post:\n      operationId: create\n      x-sdk-method: create\n      requestBody: { required: true, content: ${content} }\n      responses: { '204': { description: ok } }\n`;
    const op = operationsOf({ 'a/things.yaml': file }).get('things.create')!;
    expect(op.body).toEqual({
      type: { kind: 'primitive', type: 'string' },
      required: true,
      ...(contentType ? { contentType } : {}),
    });
  });
});
