import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type NamingInput, nameTypes, type TypeNames } from '../../src/ir/name-types.js';
import type { NameOverride } from '../../src/ir/schema-rules.js';
import { validateSpecs } from '../../src/ir/validate.js';
import { bundleSpecs, SpecError } from '../../src/load/bundle.js';
import type { SchemaObject } from '../../src/load/openapi.js';

type Schemas = Record<string, SchemaObject>;

const object = (properties: Schemas, extra: SchemaObject = {}): SchemaObject => ({
  type: 'object',
  properties,
  ...extra,
});
const enumOf = (...values: string[]): SchemaObject => ({ type: 'string', enum: values });
const arrayOf = (items: SchemaObject): SchemaObject => ({ type: 'array', items });

function input(schemas: Schemas, labels: string[] = [], overrides = new Map<SchemaObject, NameOverride>()) {
  return {
    components: Object.entries(schemas).map(([name, schema]) => ({ name, source: 'a/things', schema })),
    queries: labels.map((label) => ({ label, place: `a/things.yaml (${label})` })),
    overrides,
  } satisfies NamingInput;
}

/** The names given, as sorted `location = name (former name)` lines: what order-independence is judged on. */
function described(names: TypeNames): string[] {
  return [
    ...[...names.inline.values()].map(
      (n) => `${n.location} = ${n.name}${n.formerName ? ` (was ${n.formerName})` : ''}`,
    ),
    ...[...names.queries].map(([label, name]) => `${label} = ${name}`),
  ].sort();
}

const named = (schemas: Schemas, labels: string[] = []) => described(nameTypes(input(schemas, labels)));

describe('nameTypes: which inline schemas get names', () => {
  const cases: [string, { given: Schemas; want: string[] }][] = [
    ['a component schema alone: nothing to name', { given: { Room: object({ id: { type: 'string' } }) }, want: [] }],
    [
      'an object and an enum in properties, after parent and property',
      {
        given: { Widget: object({ size: enumOf('s', 'l'), dimensions: object({ width: { type: 'number' } }) }) },
        want: ['Widget.dimensions = WidgetDimensions', 'Widget.size = WidgetSize'],
      },
    ],
    [
      'the items of an array property, by the singular',
      { given: { Widget: object({ parts: arrayOf(object({})) }) }, want: ['Widget.parts[] = WidgetPart'] },
    ],
    [
      'nested, each after its own parent',
      {
        given: { Widget: object({ owner: object({ address: object({ kind: enumOf('home') }) }) }) },
        want: [
          'Widget.owner = WidgetOwner',
          'Widget.owner.address = WidgetOwnerAddress',
          'Widget.owner.address.kind = WidgetOwnerAddressKind',
        ],
      },
    ],
    [
      'through allOf members written in place, not those given by $ref',
      {
        given: {
          Base: object({}),
          Widget: { allOf: [{ $ref: '#/components/schemas/Base' }, object({ size: enumOf('s') })] },
        },
        want: ['Widget.size = WidgetSize'],
      },
    ],
    [
      'not a nullable schema, nor what is inside oneOf variants, additional properties or nested arrays',
      {
        given: {
          Widget: object(
            {
              maybe: { type: ['object', 'null'], properties: { a: enumOf('x') } },
              old: { ...object({}), nullable: true },
              either: { oneOf: [object({ a: enumOf('x') }), { type: 'string' }] },
              grid: arrayOf(arrayOf(object({}))),
              ref: { $ref: '#/components/schemas/Other' },
            },
            { additionalProperties: object({ a: enumOf('x') }) },
          ),
          Other: object({}),
        },
        want: [],
      },
    ],
    [
      'in a nullable component, whose own properties still get names',
      { given: { Widget: { ...object({ size: enumOf('s') }), nullable: true } }, want: ['Widget.size = WidgetSize'] },
    ],
  ];

  it.each(cases)('%s', (_name, { given, want }) => {
    expect(named(given)).toEqual(want);
  });

  it('names query types after the method they belong to', () => {
    expect(named({}, ['scim.users.list', 'rooms.list'])).toEqual([
      'rooms.list = RoomsListQuery',
      'scim.users.list = ScimUsersListQuery',
    ]);
  });
});

describe('nameTypes: repeated words', () => {
  it('drops the words a property repeats from the end of its parent, keeping the former name as an alias', () => {
    const given = {
      VideoMeshUpdateEventThresholdsRequest: object({
        eventThresholds: arrayOf(object({ thresholdConfig: object({ minThreshold: { type: 'number' } }) })),
      }),
    };
    expect(named(given)).toEqual([
      'VideoMeshUpdateEventThresholdsRequest.eventThresholds[] = VideoMeshUpdateEventThresholdsRequestEventThreshold',
      'VideoMeshUpdateEventThresholdsRequest.eventThresholds[].thresholdConfig = VideoMeshUpdateEventThresholdsRequestEventThresholdConfig (was VideoMeshUpdateEventThresholdsRequestEventThresholdThresholdConfig)',
    ]);
  });

  it("keeps a property's last word, so a nested type never takes its parent's name", () => {
    expect(named({ JobError: object({ error: object({}) }) })).toEqual(['JobError.error = JobErrorError']);
  });
});

describe('nameTypes: names already taken', () => {
  it("leaves a schema inline, with everything in it, when its name is a component schema's", () => {
    const given = {
      Device: object({ source: object({ kind: enumOf('a') }) }),
      DeviceSource: object({}),
    };
    expect(named(given)).toEqual([]);
  });

  it('gives no former name that another type has', () => {
    // `Layout.layoutMode` was `LayoutLayoutMode`, which is now a component of its own.
    const given = { Layout: object({ layoutMode: enumOf('a') }), LayoutLayoutMode: enumOf('b') };
    expect(named(given)).toEqual(['Layout.layoutMode = LayoutMode']);
  });

  it('refuses two inline schemas that would share a name, naming both and the fix', () => {
    const given = { A: object({ bC: object({}) }), AB: object({ c: enumOf('x') }) };
    expect(() => nameTypes(input(given))).toThrow(
      expect.objectContaining({
        name: SpecError.name,
        message:
          'two inline schemas would both be named ABC: a/things.yaml (A.bC) and a/things.yaml (AB.c); give one of them a name of its own with x-sdk-name',
      }),
    );
  });

  it('refuses a query type with the name of a schema, or of another query type', () => {
    expect(() => nameTypes(input({ RoomsListQuery: object({}) }, ['rooms.list']))).toThrow(
      'a/things.yaml (rooms.list): its query type RoomsListQuery (named after rooms.list) clashes with a schema of that name; rename one of them',
    );
    expect(() => nameTypes(input({}, ['aB.list', 'a.bList']))).toThrow(
      /^a\/things\.yaml \(aB\.list\): its query type ABListQuery \(named after aB\.list\) clashes with a\/things\.yaml \(a\.bList\)/,
    );
  });
});

describe('nameTypes: x-sdk-name', () => {
  const override = (schema: SchemaObject, name: string, place = 'a/things.yaml (somewhere)') =>
    new Map([[schema, { name, place }]]);

  it('names the schema and, after it, the schemas inside it', () => {
    const inner = object({ kind: enumOf('a') });
    const names = nameTypes(
      input({ A: object({ bC: inner }), AB: object({ c: enumOf('x') }) }, [], override(inner, 'Inner')),
    );
    expect(described(names)).toEqual(['A.bC = Inner', 'A.bC.kind = InnerKind', 'AB.c = ABC']);
  });

  it("refuses a component schema's name, and a schema the generator would not name", () => {
    const inner = object({});
    expect(() => nameTypes(input({ A: object({ b: inner }), C: object({}) }, [], override(inner, 'C')))).toThrow(
      'a/things.yaml (somewhere): x-sdk-name C is the name of a component schema',
    );
    const nullable = { ...object({}), nullable: true };
    expect(() => nameTypes(input({ A: object({ b: nullable }) }, [], override(nullable, 'B')))).toThrow(
      /^a\/things\.yaml \(somewhere\): x-sdk-name names only what the generator would name/,
    );
  });
});

/** A copy with the keys of every object in a random order (array order is meaning, and stays). */
function shuffled<T>(value: T, random: () => number, copies?: Map<object, object>): T {
  if (Array.isArray(value)) return value.map((item) => shuffled(item, random, copies)) as T;
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  const copy = Object.fromEntries(entries.map(([key, item]) => [key, shuffled(item, random, copies)]));
  copies?.set(value, copy);
  return copy as T;
}

/** A pseudo-random sequence from a seed (mulberry32), so fast-check can shrink and replay a failing order. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('nameTypes: order', () => {
  const given = {
    Widget: object({ parts: arrayOf(object({ partKind: enumOf('a') })), size: enumOf('s') }),
    WidgetPartKindList: object({ items: arrayOf(object({})) }),
    Gadget: { allOf: [object({ widgetPart: object({}) })] },
  };
  const labels = ['widgets.list', 'gadgets.list', 'scim.users.list'];

  it('gives the same names whatever order the schemas, their properties and the operations come in', () => {
    const want = named(given, labels);
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const random = seeded(seed);
        const order = shuffled(Object.fromEntries(labels.map((l) => [l, l])), random);
        expect(named(shuffled(given, random), Object.values(order))).toEqual(want);
      }),
    );
  });

  it('refuses a shared name with the same message whatever the order', () => {
    const clashing = { A: object({ bC: object({}) }), AB: object({ c: enumOf('x') }), ABCD: object({}) };
    const messageOf = (schemas: Schemas) => {
      try {
        nameTypes(input(schemas));
        return 'no error';
      } catch (error) {
        return (error as Error).message;
      }
    };
    const want = messageOf(clashing);
    expect(want).toMatch(/^two inline schemas would both be named ABC/);
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        expect(messageOf(shuffled(clashing, seeded(seed)))).toBe(want);
      }),
    );
  });

  it("gives the repository's specs the same names whatever the order", () => {
    const spec = validateSpecs(bundleSpecs(new URL('../../../../specs/webex.yaml', import.meta.url).pathname));
    const real: NamingInput = {
      components: spec.components,
      queries: spec.operations.map((op) => ({ label: op.label, place: op.operationId })),
      overrides: spec.nameOverrides,
    };
    const want = described(nameTypes(real));
    expect(want.length).toBeGreaterThan(500);
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const random = seeded(seed);
        // Overrides are keyed by the schema object they name: the shuffled copies take them over.
        const copies = new Map<object, object>();
        const components = real.components.map((c) => ({ ...c, schema: shuffled(c.schema, random, copies) }));
        components.sort(() => random() - 0.5);
        const overrides = new Map([...real.overrides].map(([schema, o]) => [copies.get(schema) ?? schema, o] as const));
        const shuffledInput = { components, queries: [...real.queries].reverse(), overrides };
        expect(described(nameTypes(shuffledInput))).toEqual(want);
      }),
      { numRuns: 5 },
    );
  }, 30_000);
});
