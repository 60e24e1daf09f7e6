import type { OpenApiDocument, SchemaObject } from '../load/openapi.js';
import { deref } from '../load/refs.js';
import type { SpecOperation } from './spec-operations.js';

/**
 * Where a binary string (`type: string, format: binary`) that a request sends as a file is used: only there (a file
 * part of a multipart form, which the client's form builder makes from a `Blob`; or a whole body of bytes), or in
 * answers too (where JSON can only carry text).
 */
export type BinaryUse = 'request' | 'both';

const SUCCESS = /^2\d\d$/;

/**
 * Every binary string schema a request sends as a file, each with where it is used: in requests only, or in success
 * answers too. A file is a part of a multipart form (a property of the form's schema, or the items of one) or a whole
 * body; a binary string elsewhere (inside a part sent as JSON, in answers only) is not listed: it stays a string.
 */
export function binaryUses(doc: OpenApiDocument, operations: readonly SpecOperation[]): Map<SchemaObject, BinaryUse> {
  const sent = new Set<SchemaObject>();
  const answered = new Set<SchemaObject>();
  for (const op of operations) {
    const body = op.operation.requestBody && deref(doc, op.operation.requestBody);
    for (const [type, media] of Object.entries(body?.content ?? {})) {
      if (media.schema) for (const file of files(doc, media.schema, type.startsWith('multipart/'))) sent.add(file);
    }
    for (const [status, response] of Object.entries(op.operation.responses ?? {})) {
      if (!SUCCESS.test(status)) continue;
      for (const media of Object.values(deref(doc, response).content ?? {})) collect(doc, media.schema, answered);
    }
  }
  return new Map([...sent].map((schema) => [schema, answered.has(schema) ? 'both' : 'request']));
}

/** The binary strings a request body sends as files: a form's parts (through `allOf`) and their items, or the body. */
function files(doc: OpenApiDocument, raw: SchemaObject, form: boolean): SchemaObject[] {
  const schema = deref(doc, raw);
  if (!form) return isBinaryString(schema) ? [schema] : [];
  const parts = [
    ...Object.values(schema.properties ?? {}),
    ...(schema.allOf ?? []).flatMap((member) => Object.values(deref(doc, member).properties ?? {})),
  ].map((part) => deref(doc, part));
  return parts
    .flatMap((part) => (part.type === 'array' && part.items ? [part, deref(doc, part.items)] : [part]))
    .filter(isBinaryString);
}

/** The binary string schemas in a schema and everything it holds, `$ref`s followed, each schema visited once. */
function collect(doc: OpenApiDocument, raw: SchemaObject | undefined, into: Set<SchemaObject>, seen = new Set()): void {
  if (!raw || typeof raw !== 'object') return;
  const schema = deref(doc, raw);
  if (seen.has(schema)) return;
  seen.add(schema);
  if (isBinaryString(schema)) into.add(schema);
  for (const property of Object.values(schema.properties ?? {})) collect(doc, property, into, seen);
  collect(doc, schema.items, into, seen);
  if (typeof schema.additionalProperties === 'object') collect(doc, schema.additionalProperties, into, seen);
  for (const member of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])])
    collect(doc, member, into, seen);
}

function isBinaryString(schema: SchemaObject): boolean {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return schema.format === 'binary' && types.includes('string');
}
