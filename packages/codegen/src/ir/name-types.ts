import { SpecError } from '../load/bundle.js';
import type { SchemaObject } from '../load/openapi.js';
import { nestedName, pascalCase, singular } from './names.js';
import type { NameOverride } from './schema-rules.js';
import { isNullable, isObjectSchema, isTypeBearing } from './schema-shape.js';

/** The name the naming pass gives an inline schema, and where that schema is. */
export interface InlineName {
  name: string;
  /** The component schema and the properties down to it: `Widget.dimensions`, `Widget.parts[]` (array items). */
  location: string;
  /** The spec file of its component schema. */
  source: string;
  /**
   * What the generator called it before names dropped repeated words (`…EventThresholdThresholdConfig`): emitted
   * as a deprecated alias of `name`, when no other type has that name. Remove with the next major version.
   */
  formerName?: string;
}

/** What the naming pass reads: the component schemas, the operations that take query parameters, the overrides. */
export interface NamingInput {
  components: { name: string; source: string; schema: SchemaObject }[];
  /** `label`: `rooms.list`; `place`: the spec file and operation, for errors. */
  queries: { label: string; place: string }[];
  /** `x-sdk-name`s, by the schema they name. */
  overrides: ReadonlyMap<SchemaObject, NameOverride>;
}

/** Every name the generator makes up, decided before any type is built. */
export interface TypeNames {
  /** By the schema object: each inline schema is one object of the bundle, at one place. */
  inline: ReadonlyMap<SchemaObject, InlineName>;
  /** The query-parameter type of each operation that has query parameters, by label. */
  queries: ReadonlyMap<string, string>;
}

/** An inline schema inside a named one, and the word its name is made from. */
interface Part {
  schema: SchemaObject;
  /** The property, made singular for array items: `dimensions`, `part`. */
  word: string;
  /** `.dimensions`, `.parts[]`. */
  path: string;
}

interface Candidate extends InlineName {
  schema: SchemaObject;
  /** The spec file and location, or where its `x-sdk-name` is, for errors. */
  place: string;
}

/**
 * The naming pass. A component schema keeps its key. An inline object or enum in a property of a named schema, or
 * in the items of an array property, is named after its parent and the property, less repeated words
 * ({@link nestedName}), or by its `x-sdk-name`; a name that is a component schema's leaves it inline, with
 * everything in it. A query type is named after its method (`rooms.list` → `RoomsListQuery`). Two schemas that
 * would share a name are a SpecError naming both. Each name depends only on where its schema is, never on the
 * order schemas or operations come in.
 */
export function nameTypes(input: NamingInput): TypeNames {
  const components = new Set(input.components.map((c) => c.name));
  const candidates: Candidate[] = [];
  const overridden = new Set<SchemaObject>();

  const visit = (parent: Pick<Candidate, 'name' | 'location' | 'source' | 'formerName'>, schema: SchemaObject) => {
    for (const part of inlineParts(schema)) {
      const override = input.overrides.get(part.schema);
      const location = parent.location + part.path;
      const name = override?.name ?? nestedName(parent.name, part.word);
      if (components.has(name)) {
        if (override) throw new SpecError(`${override.place}: x-sdk-name ${name} is the name of a component schema`);
        continue;
      }
      if (override) overridden.add(part.schema);
      // The former name is the plain concatenation; one that was a component's left the schema inline then.
      const former = override ? undefined : parent.formerName && parent.formerName + pascalCase(part.word);
      const candidate: Candidate = {
        name,
        location,
        source: parent.source,
        schema: part.schema,
        place: override?.place ?? `${parent.source}.yaml (${location})`,
        ...(former && !components.has(former) ? { formerName: former } : {}),
      };
      candidates.push(candidate);
      visit(candidate, part.schema);
    }
  };
  for (const { name, source, schema } of input.components) {
    visit({ name, location: name, source, formerName: name }, schema);
  }

  for (const [schema, override] of input.overrides) {
    if (!overridden.has(schema)) {
      throw new SpecError(
        `${override.place}: x-sdk-name names only what the generator would name: an inline object or enum (not nullable) in a property, or the items of an array property, of a named schema`,
      );
    }
  }
  refuseSharedNames(candidates);
  const taken = new Set([...components, ...candidates.map((c) => c.name)]);
  const queries = nameQueries(input.queries, taken);
  for (const name of queries.values()) taken.add(name);
  keepUniqueFormerNames(candidates, taken);

  return {
    inline: new Map(
      candidates.map(({ schema, place: _place, ...named }) => [schema, named] satisfies [SchemaObject, InlineName]),
    ),
    queries,
  };
}

/**
 * The inline schemas inside a named schema that get names of their own: those in its properties (through `allOf`
 * members written in place), not those in `oneOf`/`anyOf` variants, array items or additional properties, which
 * are written where they are used.
 */
function inlineParts(schema: SchemaObject): Part[] {
  if (Array.isArray(schema.allOf)) {
    const members = schema.allOf.filter((member) => isTypeBearing(member) && member.$ref === undefined);
    return [...members.flatMap(inlineParts), ...(isObjectSchema(schema) ? propertyParts(schema) : [])];
  }
  const variants = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(variants) && variants.some(isTypeBearing)) return [];
  if ('const' in schema || Array.isArray(schema.enum)) return [];
  if (Array.isArray(schema.type)) return schema.type.includes('object') ? propertyParts(schema) : [];
  return isObjectSchema(schema) ? propertyParts(schema) : [];
}

function propertyParts(schema: SchemaObject): Part[] {
  const parts: Part[] = [];
  for (const [property, value] of Object.entries(schema.properties ?? {})) {
    if (isNameable(value)) parts.push({ schema: value, word: property, path: `.${property}` });
    else if (value.type === 'array' && value.items && isNameable(value.items)) {
      parts.push({ schema: value.items, word: singular(property), path: `.${property}[]` });
    }
  }
  return parts;
}

/** An inline object or enum that is not nullable: a nullable one is written in place, `X | null`. */
function isNameable(schema: SchemaObject): boolean {
  return schema.$ref === undefined && (isObjectSchema(schema) || Array.isArray(schema.enum)) && !isNullable(schema);
}

/** Two inline schemas may not share a name: the fix is an `x-sdk-name` on one of them. */
function refuseSharedNames(candidates: Candidate[]): void {
  const byName = new Map<string, string[]>();
  for (const { name, place } of candidates) byName.set(name, [...(byName.get(name) ?? []), place]);
  const shared = [...byName].filter(([, places]) => places.length > 1).sort(([a], [b]) => (a < b ? -1 : 1));
  if (shared.length) {
    const [name, places] = shared[0]!;
    throw new SpecError(
      `two inline schemas would both be named ${name}: ${places.sort().join(' and ')}; give one of them a name of its own with x-sdk-name`,
    );
  }
}

/** `rooms.list` → `RoomsListQuery`, refused when a schema or another query type has that name. */
function nameQueries(operations: NamingInput['queries'], taken: ReadonlySet<string>): Map<string, string> {
  const queries = new Map<string, string>();
  const owners = new Map<string, string>();
  for (const { label, place } of [...operations].sort((a, b) => (a.label < b.label ? -1 : 1))) {
    const name = `${pascalCase(label)}Query`;
    const clash = taken.has(name) ? 'a schema' : owners.get(name);
    if (clash) {
      throw new SpecError(
        `${place}: its query type ${name} (named after ${label}) clashes with ${clash} of that name; rename one of them`,
      );
    }
    owners.set(name, place);
    queries.set(label, name);
  }
  return queries;
}

/** A former name becomes an alias only when nothing else has it: no type, no other former name. */
function keepUniqueFormerNames(candidates: Candidate[], taken: ReadonlySet<string>): void {
  const counts = new Map<string, number>();
  for (const { formerName } of candidates) if (formerName) counts.set(formerName, (counts.get(formerName) ?? 0) + 1);
  for (const candidate of candidates) {
    const former = candidate.formerName;
    if (former && (taken.has(former) || counts.get(former)! > 1)) {
      delete candidate.formerName;
    }
  }
}
