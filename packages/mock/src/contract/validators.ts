// Ajv validators for the spec's schemas: one Ajv per spec, each schema compiled the first time a check needs it.
import { createRequire } from 'node:module';
import type { Ajv2020, AnySchemaObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { RegExpEngine } from 'ajv/dist/types/index.js';
import type { ContractSpec, Schema } from './spec.js';

// The document is registered under this id; a schema's own `#/components/...` refs are rewritten to point into it.
const DOCUMENT_ID = 'openapi.json';

interface Validators {
  ajv: Ajv2020;
  compiled: WeakMap<Schema, ValidateFunction>;
}

const bySpec = new WeakMap<ContractSpec, Validators>();

/** The validator of one schema of the spec (or of a schema whose refs point into it), compiled on first use. */
export function validatorFor(spec: ContractSpec, schema: Schema): ValidateFunction {
  let validators = bySpec.get(spec);
  if (!validators) {
    validators = { ajv: createAjv(spec.document), compiled: new WeakMap() };
    bySpec.set(spec, validators);
  }
  let validate = validators.compiled.get(schema);
  if (!validate) {
    validate = validators.ajv.compile(rebase(schema) as AnySchemaObject);
    validators.compiled.set(schema, validate);
  }
  return validate;
}

// Ajv is loaded on the first check, not on import: `@webex-ts/mock` is mostly imported for the mock server, which
// never checks anything, and loading Ajv costs tens of ms.
let Ajv: typeof Ajv2020 | undefined;

function createAjv(document: Record<string, unknown>): Ajv2020 {
  Ajv ??= (createRequire(import.meta.url)('ajv/dist/2020') as { Ajv2020: typeof Ajv2020 }).Ajv2020;
  const ajv = new Ajv({
    // Every failure, not the first: a report names all of them.
    allErrors: true,
    // The spec is OpenAPI: `example`, `x-*` and `discriminator` are not JSON Schema keywords and are left alone.
    strict: false,
    // Each failure carries the value (for "got integer") and the schema object (to tell sibling keywords apart).
    verbose: true,
    // The issues are worded from each failure's keyword and parameters, never from Ajv's English.
    messages: false,
    // Formats stay unchecked, as they always were here: the client reads those values as plain strings.
    validateFormats: false,
    // The spec is linted where it is built; validating it against the meta-schema again would only slow the first check.
    validateSchema: false,
    code: { regExp: readablePattern },
  });
  ajv.addSchema(document, DOCUMENT_ID);
  return ajv;
}

// A pattern JavaScript cannot read is not the API's fault: it matches anything instead of failing the compile.
const readablePattern: RegExpEngine = Object.assign(
  (pattern: string, flags: string) => {
    try {
      return new RegExp(pattern, flags);
    } catch {
      return /[\s\S]*/;
    }
  },
  { code: 'readablePattern' },
);

// Values that are data, not schemas: a `$ref` inside them is left as it is.
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'example', 'examples']);
// Keywords whose value maps names to schemas: a property called `enum` is a schema like any other.
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas', '$defs']);

/** A copy of the schema whose local refs (`#/components/schemas/Room`) point into the registered document. */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (!schema || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#')) return [key, `${DOCUMENT_ID}${value}`];
      if (DATA_KEYWORDS.has(key)) return [key, value];
      if (SCHEMA_MAPS.has(key) && value && typeof value === 'object')
        return [key, Object.fromEntries(Object.entries(value).map(([name, child]) => [name, rebase(child)]))];
      return [key, rebase(value)];
    }),
  );
}
