import type { GlobalContext, OpenAPI3 } from 'openapi-typescript';
import type { TypeNode } from 'typescript';
import { openapiTypescript, ts } from '../commonjs.js';
import { wrapProse } from '../escape.js';
import type { BinaryUse } from '../ir/binary-fields.js';
import { OPEN_ENUM } from '../load/bundle.js';

const {
  astToString,
  NULL,
  resolveRef,
  STRING,
  scanDiscriminators,
  transformSchema,
  tsIntersection,
  tsLiteral,
  tsUnion,
} = openapiTypescript;

/** Where {@link forTypes} moves an open enum's values, so that openapi-typescript hands the schema to `transform`. */
const OPEN_VALUES = 'x-sdk-open-enum-values';
/** Where {@link forTypes} says how a binary string is used, for `transform` (the copy has lost its identity). */
const BINARY_USE = 'x-sdk-binary-use';

/**
 * A copy of the document for the types: descriptions wrapped, so the JSDoc
 * openapi-typescript writes stays within the line width, examples left out
 * (long ids, not types; the bundled spec keeps them for the mock), the values
 * of an open enum moved aside (openapi-typescript would write the enum closed),
 * and each binary string requests send marked with its use.
 */
function forTypes(node: unknown, binaries: ReadonlyMap<object, BinaryUse>): unknown {
  if (Array.isArray(node)) return node.map((item) => forTypes(item, binaries));
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node).filter(([key]) => key !== 'example' && key !== 'examples');
  const copy = Object.fromEntries(
    entries.map(([key, value]) => [
      key,
      (key === 'description' || key === 'summary') && typeof value === 'string'
        ? wrapProse(value, 90)
        : forTypes(value, binaries),
    ]),
  );
  const binary = binaries.get(node);
  if (binary) copy[BINARY_USE] = binary;
  if (copy[OPEN_ENUM] !== true || !Array.isArray(copy.enum)) return copy;
  const { enum: values, ...rest } = copy;
  return { type: 'string', ...rest, [OPEN_VALUES]: values };
}

/** A binary string requests send, as the models write it: `Blob`, or `Blob | string` where answers have it too. */
function binaryType(schema: Record<string, unknown>): TypeNode | undefined {
  const use = schema[BINARY_USE];
  if (use !== 'request' && use !== 'both') return undefined;
  const blob = ts.factory.createTypeReferenceNode('Blob');
  const nullable = schema.nullable === true || (Array.isArray(schema.type) && schema.type.includes('null'));
  return tsUnion([blob, ...(use === 'both' ? [STRING] : []), ...(nullable ? [NULL] : [])]);
}

/** An open enum as the models write it: `'a' | 'b' | (string & {})`; anything else left to openapi-typescript. */
function openEnumType(schema: Record<string, unknown>): TypeNode | undefined {
  const values = schema[OPEN_VALUES];
  if (!Array.isArray(values)) return undefined;
  // The whole type: openapi-typescript asks `transform` before it reads a list of types.
  const nullable =
    values.includes(null) || schema.nullable === true || (Array.isArray(schema.type) && schema.type.includes('null'));
  return tsUnion([
    ...values.filter((value) => typeof value === 'string').map((value) => tsLiteral(value)),
    tsIntersection([STRING, ts.factory.createTypeLiteralNode([])]),
    ...(nullable ? [NULL] : []),
  ]);
}

/**
 * openapi-typescript's settings for the paths types: its defaults, but for `emptyObjectsUnknown` and the `transform`
 * that types binary strings and open enums as the models do.
 */
function contextFor(document: OpenAPI3): GlobalContext {
  return {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    // It reads no option (the entry point passes its own, unused).
    discriminators: scanDiscriminators(document, {}),
    emptyObjectsUnknown: true,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    // Read by openapi-typescript's own entry point only (to lint and bundle), which this generator does not use.
    redoc: undefined as unknown as GlobalContext['redoc'],
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    silent: true,
    transform: (schema) =>
      binaryType(schema as Record<string, unknown>) ?? openEnumType(schema as Record<string, unknown>),
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref) => resolveRef(document, $ref, { silent: true }),
  };
}

/**
 * The `paths`, `components` and `operations` types openapi-fetch needs, from openapi-typescript, with the binary
 * strings of `binaries` (schemas of the document: {@link binaryUses}) typed as the models type them.
 *
 * The document is handed to openapi-typescript's transform directly, not to its entry point: that one first lints
 * and bundles the document with Redocly, which here is done already (the bundle is ours, every `$ref` resolved and
 * checked when the specs are bundled; `pnpm lint:specs` runs Redocly's rules over it), and took half of the time.
 */
export function emitPathsTypes(document: object, binaries: ReadonlyMap<object, BinaryUse> = new Map()): string {
  const copy = forTypes(document, binaries) as OpenAPI3;
  return astToString(transformSchema(copy, contextFor(copy)));
}
