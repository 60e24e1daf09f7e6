// Every operation of every resource, called through its generated method against the Prism mock,
// with the smallest input the spec accepts (required fields only, sampled from the schemas).
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildIr, bundleSpecs, type IrOperation } from '../../codegen/src/index.js';
import { typeExpression } from '../../codegen/src/emit/type-expression.js';
import { EventStream, Paginated } from '../src/index.js';
import { mockClient } from './mock.js';

type Schema = Record<string, any>;
const root = new URL('../../../', import.meta.url);
const spec = JSON.parse(readFileSync(new URL('packages/client/src/gen/openapi.json', root), 'utf8'));
const ir = buildIr(bundleSpecs(new URL('specs/webex.yaml', root).pathname));

const deref = (node: Schema): Schema =>
  node?.$ref ? deref(spec.components[node.$ref.split('/')[2]][node.$ref.split('/')[3]]) : node;

/** A small value the schema accepts. */
function sample(raw: Schema): unknown {
  const schema = deref(raw);
  if (schema.example !== undefined) return schema.example;
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map(sample));
  const variant = (schema.oneOf ?? schema.anyOf)?.find((s: Schema) => s.$ref || s.type || s.properties);
  if (variant) return sample(variant);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  if (type === 'object' || schema.properties) {
    const value: Record<string, unknown> = {};
    for (const name of schema.required ?? []) value[name] = sample(schema.properties?.[name] ?? {});
    return value;
  }
  switch (type) {
    case 'array':
      return [sample(schema.items ?? {})];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      return (
        {
          'date-time': '2026-11-23T10:00:00.000Z',
          date: '2026-11-23',
          email: 'ana@example.com',
          uri: 'https://example.com/a',
          url: 'https://example.com/a',
        }[schema.format as string] ?? 'x'.repeat(Math.max(1, schema.minLength ?? 1))
      );
    default:
      return 'x';
  }
}

/** Inputs the client's own checks need beyond what the schemas require. */
const extra: Record<string, { body?: object }> = {
  'messages.create': { body: { roomId: 'r', text: 'hello' } },
  'messages.edit': { body: { text: 'hello' } },
  'memberships.create': { body: { personEmail: 'ana@example.com' } },
  'teamMemberships.create': { body: { personEmail: 'ana@example.com' } },
};

function argumentsFor(op: IrOperation): unknown[] {
  const operation = spec.paths[op.path][op.httpMethod];
  const declared = [...(spec.paths[op.path].parameters ?? []), ...(operation.parameters ?? [])].map(deref);
  // A path parameter with known values (a Calling schedule's `type`) takes the first; any other, an id.
  const args: unknown[] = op.pathParameters.map(
    (p) =>
      deref(declared.find((d) => d.in === 'path' && d.name === p.name)?.schema)?.enum?.[0] ??
      'Y2lzY29zcGFyazovL3VzL1JPT00vYQ',
  );
  if (op.body) {
    const media = deref(operation.requestBody).content;
    const schema = (media['application/json'] ?? Object.values(media)[0]).schema;
    const value = sample(schema);
    args.push(Array.isArray(value) ? value : { ...(value as object), ...extra[op.label]?.body });
  }
  if (op.query) {
    const query: Record<string, unknown> = {};
    const params = [...(spec.paths[op.path].parameters ?? []), ...(operation.parameters ?? [])].map(deref);
    for (const p of params) if (p.in === 'query' && p.required) query[p.name] = sample(p.schema);
    args.push(op.query.required ? query : undefined);
  }
  // A required header parameter goes in the options' headers, which it makes required.
  const headers = Object.fromEntries(
    op.headerParameters.filter((p) => p.required).map((p) => [p.name, '2f0c5a9e-7d41-4c6b-9e3a-51b8d0e4f7a2']),
  );
  if (Object.keys(headers).length) args.push({ headers });
  return args;
}

const { webex, violations } = mockClient();
afterEach(() => {
  const seen = violations.splice(0);
  expect(seen).toEqual([]);
});

/** The resource object a method hangs off: `webex.rooms`, `webex.scim.users`. */
function resourceOf(property: string[]): Record<string, (...args: unknown[]) => unknown> {
  let node: unknown = webex;
  for (const key of property) node = (node as Record<string, unknown>)[key];
  return node as Record<string, (...args: unknown[]) => unknown>;
}

describe.each(ir.resources.map((r) => [r.name, r] as const))('%s', (_name, resource) => {
  it.each(resource.operations.map((op) => [`${op.method} (${op.httpMethod.toUpperCase()} ${op.path})`, op] as const))(
    '%s',
    async (_label, op) => {
      const api = resourceOf(resource.property);
      const result = api[op.method]!(...argumentsFor(op));
      if (result instanceof Paginated) {
        expect(Array.isArray(await result.toArray({ limit: 5 }))).toBe(true);
      } else if (result instanceof EventStream) {
        // The mock's answer is the spec's example: a stream of one event, which ends with the body.
        const events: unknown[] = [];
        for await (const event of result) events.push(event);
        expect(events).toHaveLength(1);
        expect(events[0]).toBeTypeOf('object');
      } else {
        const value = await result;
        if (op.result.kind === 'void') expect(value).toBeUndefined();
        else if (op.result.kind === 'text') expect(['number', 'string']).toContain(typeof value);
        else if (
          value !== undefined ||
          op.result.kind !== 'json' ||
          !typeExpression(op.result.type).endsWith('| undefined')
        )
          expect(value).toBeTypeOf('object');
      }
    },
  );
});

it('covers every operation of the spec', () => {
  const count = Object.values(spec.paths as Record<string, Schema>).reduce(
    (n, item) =>
      n + ['get', 'post', 'put', 'patch', 'delete'].filter((m) => item[m] && !item[m]['x-sdk-hidden']).length,
    0,
  );
  expect(ir.resources.reduce((n, r) => n + r.operations.length, 0)).toBe(count);
});
