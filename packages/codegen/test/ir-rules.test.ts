// The rules the generator enforces on resource files (specs/README.md), each refused with a message naming the fix.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIr, bundleSpecs, SpecError } from '../src/index.js';

const ROOT = "openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths: {}\n";
const LIST =
  '{ type: object, properties: { items: { type: array, items: { type: string } }, Resources: { type: array, items: { type: string } } } }';

function irOf(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'ir-rules-'));
  for (const [name, text] of Object.entries({ 'webex.yaml': ROOT, ...files })) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return buildIr(bundleSpecs(join(dir, 'webex.yaml')));
}

/** A resource file with one GET list operation. */
function listFile(path: string, extra: string, params = '[]'): string {
  return `${extra}paths:\n  ${path}:\n    get:\n      operationId: op${path.replace(/\W/g, '')}\n      x-sdk-method: list\n      parameters: ${params}\n      x-sdk-paging: PAGING\n      responses: { '200': { description: ok, content: { application/json: { schema: ${LIST} } } } }\n`;
}

describe('x-sdk-paging', () => {
  it.each([
    ['link', [], { strategy: 'link', items: 'items' }],
    [
      '{ strategy: offset, offset: start }',
      ['start', 'max'],
      { strategy: 'offset', offset: 'start', limit: 'max', items: 'items' },
    ],
    [
      '{ strategy: scim }',
      ['startIndex', 'count'],
      { strategy: 'scim', startIndex: 'startIndex', count: 'count', total: 'totalResults', items: 'Resources' },
    ],
  ])('%s pages with the names it gives', (paging, names, expected) => {
    const params = `[${names.map((n) => `{ name: ${n}, in: query, schema: { type: integer } }`).join(', ')}]`;
    const ir = irOf({ 'a/things.yaml': listFile('/things', '', params).replace('PAGING', paging) });
    expect(ir.resources[0]!.operations[0]!.result).toMatchObject({ kind: 'list', paging: expected });
  });

  it('refuses a strategy naming a parameter the operation does not declare', () => {
    expect(() =>
      irOf({ 'a/things.yaml': listFile('/things', '').replace('PAGING', '{ strategy: offset, offset: start }') }),
    ).toThrow(/names the query parameter "start" \(offset\), which the operation does not declare/);
  });

  it('refuses an items field the answer does not have, and an unknown strategy', () => {
    expect(() =>
      irOf({ 'a/things.yaml': listFile('/things', '').replace('PAGING', '{ strategy: link, items: things }') }),
    ).toThrow(/items field "things"/);
    expect(() => irOf({ 'a/things.yaml': listFile('/things', '').replace('PAGING', 'cursor') })).toThrow(
      /must be link, offset, scim or none/,
    );
  });

  it.each([
    ['5', /^opthings: x-sdk-paging must be link, offset, scim or none \(got 5\)$/],
    ['[link]', /^opthings: x-sdk-paging must be link, offset, scim or none \(got \["link"\]\)$/],
    ['~', /^opthings: x-sdk-paging must be link, offset, scim or none \(got null\)$/],
    ['{ strategy: toString }', /^opthings: x-sdk-paging must be link, offset, scim or none/],
    ['{ strategy: offset, offset: 5 }', /^opthings: x-sdk-paging offset must be a name \(got 5\)$/],
  ])('refuses x-sdk-paging %s with a SpecError naming the operation', (paging, message) => {
    expect(() => irOf({ 'a/things.yaml': listFile('/things', '').replace('PAGING', paging) })).toThrow(
      expect.objectContaining({ name: SpecError.name, message: expect.stringMatching(message) }),
    );
  });
});

describe('enum and const', () => {
  const withSchema = (schema: string) =>
    irOf({ 'webex.yaml': `${ROOT}components:\n  schemas:\n    Thing: ${schema}\n` });

  it('takes const null as the null type', () => {
    expect(withSchema('{ const: ~ }').types.find((t) => t.name === 'Thing')!.type).toEqual({
      kind: 'primitive',
      type: 'null',
    });
  });

  it('refuses a value no literal type can spell, naming the schema', () => {
    expect(() => withSchema('{ enum: [a, { b: 1 }] }')).toThrow(
      expect.objectContaining({
        name: SpecError.name,
        message: 'webex.yaml (Thing): enum and const values must be strings, numbers, booleans or null (got {"b":1})',
      }),
    );
  });
});

describe('resource names', () => {
  it('puts a dotted x-sdk-resource under a namespace and names query types after the method', () => {
    const ir = irOf({
      'a/scim-users.yaml': listFile(
        '/Users',
        'x-sdk-resource: scim.users\n',
        '[{ name: filter, in: query, schema: { type: string } }]',
      ).replace('PAGING', 'none'),
    });
    expect(ir.resources[0]).toMatchObject({ name: 'scim-users', property: ['scim', 'users'], source: 'a/scim-users' });
    expect(ir.resources[0]!.operations[0]).toMatchObject({
      label: 'scim.users.list',
      query: { typeName: 'ScimUsersListQuery' },
    });
  });

  it('refuses a property that is both a resource and a namespace', () => {
    expect(() =>
      irOf({
        'a/scim.yaml': listFile('/scim', '').replace('PAGING', 'none'),
        'a/scim-users.yaml': listFile('/Users', 'x-sdk-resource: scim.users\n').replace('PAGING', 'none'),
      }),
    ).toThrow(/webex\.scim is both/);
  });

  it('refuses an operation without x-sdk-method', () => {
    expect(() =>
      irOf({
        'a/things.yaml': listFile('/things', '').replace('PAGING', 'none').replace('      x-sdk-method: list\n', ''),
      }),
    ).toThrow(/x-sdk-method must name the method in camelCase/);
  });
});
