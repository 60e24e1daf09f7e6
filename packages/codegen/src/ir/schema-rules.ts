import { OPEN_ENUM, SpecError } from '../load/bundle.js';
import type { OpenApiDocument, SchemaObject } from '../load/openapi.js';
import { deref } from '../load/refs.js';
import { readFactsSource } from './facts-source.js';
import { isLiteral } from './schema-shape.js';
import type { SpecOperation } from './spec-operations.js';

/** A name a spec author gave an inline schema with `x-sdk-name`, and where, for errors. */
export interface NameOverride {
  name: string;
  /** `devices/hot-desk.yaml (HotDeskSession.location)`. */
  place: string;
}

/**
 * A schema to check, and how it was reached: from a root (`Widget`, `listWidgets body application/json`) in a spec
 * file, step by step (`.parts`, `[]`). The path is spelled out only for an error or an `x-sdk-name`.
 */
interface SchemaVisit {
  schema: SchemaObject;
  source: string;
  from: SchemaVisit | undefined;
  step: string;
}

const PASCAL_NAME = /^[A-Z][A-Za-z0-9]*$/;
const SCHEMA_SETTINGS = ['x-sdk-name', OPEN_ENUM];
const SUCCESS = /^2\d\d$/;

/**
 * Checks every schema the generator reads (the components, what operations send, and what they answer on success)
 * against the rules a TypeScript type needs: `enum` and `const` values a literal type can spell, and only the
 * `x-sdk-*` setting a schema may have, `x-sdk-name`, as a PascalCase name on an inline schema. Resolves to the names
 * so given, by schema.
 */
export function checkSchemas(
  doc: OpenApiDocument,
  components: { name: string; source: string; schema: SchemaObject }[],
  operations: SpecOperation[],
): Map<SchemaObject, NameOverride> {
  const pending: SchemaVisit[] = components.map(({ name, source, schema }) => root(schema, source, name));
  for (const op of operations) {
    const id = op.operation.operationId ?? `${op.httpMethod.toUpperCase()} ${op.path}`;
    const add = (schema: SchemaObject | undefined, what: string) => {
      if (schema) pending.push(root(schema, op.source, `${id} ${what}`));
    };
    for (const p of op.parameters) add(p.schema, `parameter ${p.name}`);
    const body = op.operation.requestBody && deref(doc, op.operation.requestBody);
    for (const [type, media] of Object.entries(body?.content ?? {})) add(media.schema, `body ${type}`);
    // Error bodies become no types of the models or the client.
    for (const [status, response] of Object.entries(op.operation.responses ?? {})) {
      if (!SUCCESS.test(status)) continue;
      for (const [type, media] of Object.entries(deref(doc, response).content ?? {}))
        add(media.schema, `${status} ${type}`);
    }
  }
  const componentSchemas = new Set(components.map((c) => c.schema));
  const overrides = new Map<SchemaObject, NameOverride>();
  // A schema reached twice (a shared response, say) is checked once.
  const seen = new Set<SchemaObject>();
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    if (seen.has(visit.schema)) continue;
    seen.add(visit.schema);
    const override = checkSchema(visit, componentSchemas.has(visit.schema));
    if (override) overrides.set(visit.schema, override);
    addSubschemas(visit, pending);
  }
  return overrides;
}

function root(schema: SchemaObject, source: string, where: string): SchemaVisit {
  return { schema, source, from: undefined, step: where };
}

/** `a/things.yaml (Widget.parts[])`. */
function placeOf(visit: SchemaVisit): string {
  let where = '';
  for (let at: SchemaVisit | undefined = visit; at; at = at.from) where = at.step + where;
  return `${visit.source}.yaml (${where})`;
}

/** One schema's own rules; its `x-sdk-name`, if it has one. */
function checkSchema(visit: SchemaVisit, isComponent: boolean): NameOverride | undefined {
  const { schema } = visit;
  const bad = [...(Array.isArray(schema.enum) ? schema.enum : []), ...('const' in schema ? [schema.const] : [])].find(
    (value) => value !== null && !isLiteral(value),
  );
  if (bad !== undefined) {
    throw new SpecError(
      `${placeOf(visit)}: enum and const values must be strings, numbers, booleans or null (got ${JSON.stringify(bad)})`,
    );
  }
  for (const key in schema) {
    if (key.startsWith('x-sdk-') && !SCHEMA_SETTINGS.includes(key)) {
      throw new SpecError(
        `${placeOf(visit)}: ${key} is not a schema setting (a schema takes only ${SCHEMA_SETTINGS.join(' and ')})`,
      );
    }
  }
  checkOpenEnum(visit);
  readFactsSource(schema, placeOf(visit));
  const name: unknown = schema['x-sdk-name'];
  if (name === undefined) return undefined;
  if (isComponent) {
    throw new SpecError(`${placeOf(visit)}: x-sdk-name is for inline schemas; a component schema is named by its key`);
  }
  if (typeof name !== 'string' || !PASCAL_NAME.test(name)) {
    throw new SpecError(`${placeOf(visit)}: x-sdk-name must be a PascalCase type name (got ${JSON.stringify(name)})`);
  }
  return { name, place: placeOf(visit) };
}

/** `x-sdk-open-enum` (which the bundle writes on the enums of a file with `x-sdk-open-enums`): `true`, on strings. */
function checkOpenEnum(visit: SchemaVisit): void {
  const open: unknown = visit.schema[OPEN_ENUM];
  if (open === undefined || open === false) return;
  const values = visit.schema.enum;
  const strings = Array.isArray(values) && values.every((value) => value === null || typeof value === 'string');
  if (open !== true || !strings) {
    throw new SpecError(
      `${placeOf(visit)}: ${OPEN_ENUM} must be true, on an enum of strings (got ${JSON.stringify(open)} on ${JSON.stringify(values ?? 'no enum')})`,
    );
  }
}

/** The schemas directly inside one: properties, array items, additional properties, `allOf`/`oneOf`/`anyOf` members. */
function addSubschemas(visit: SchemaVisit, into: SchemaVisit[]): void {
  const { schema, source } = visit;
  const add = (child: unknown, step: string) => {
    if (child && typeof child === 'object') into.push({ schema: child as SchemaObject, source, from: visit, step });
  };
  for (const name in schema.properties) add(schema.properties[name], `.${name}`);
  add(schema.items, '[]');
  add(schema.additionalProperties, '{}');
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    const members = schema[key];
    if (members) for (let i = 0; i < members.length; i++) add(members[i], `.${key}[${i}]`);
  }
}
