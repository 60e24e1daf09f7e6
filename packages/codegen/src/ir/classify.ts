import type { OpenApiDocument, Operation, SchemaObject } from '../load/openapi.js';
import { deref } from '../load/refs.js';
import type { SpecOperation } from './spec-operations.js';
import type { NamedStream } from './stream.js';
import type { NamedPaging } from './types.js';

/** The success answer an operation's result comes from: none, plain text or JSON. */
export type SuccessAnswer =
  | { kind: 'void' }
  | { kind: 'text'; schema: SchemaObject }
  /** `mayBeEmpty`: another success status answers without a body (a 204 beside a 207, say). */
  | { kind: 'json'; schema: SchemaObject; mayBeEmpty: boolean };

/** What a successful call resolves to, before its schemas become IR types. */
export type ResultShape =
  | { kind: 'void' }
  /** `numeric`: the text holds digits (`format: int32`) and is handed to callers as a number. */
  | { kind: 'text'; numeric: boolean }
  | { kind: 'json'; schema: SchemaObject; mayBeEmpty: boolean }
  /** `items`: the schema of one item of the array `paging.items` names. */
  | { kind: 'list'; items: SchemaObject | undefined; paging: NamedPaging }
  /** `item`: the schema of each event's data. */
  | { kind: 'stream'; item: SchemaObject; format: NamedStream['format'] };

/** The answer of the first success status (by code) with a JSON or plain-text body; void when none has one. */
export function successAnswer(doc: OpenApiDocument, operation: Operation): SuccessAnswer {
  const responses = operation.responses ?? {};
  const success = Object.keys(responses)
    .filter((code) => /^2\d\d$/.test(code))
    .sort();
  for (const code of success) {
    const content = deref(doc, responses[code]!).content ?? {};
    const schema = content['application/json']?.schema;
    const text = content['text/plain']?.schema;
    if (!schema && text) return { kind: 'text', schema: text };
    if (!schema) continue;
    const mayBeEmpty = success.some((other) => !Object.keys(deref(doc, responses[other]!).content ?? {}).length);
    return { kind: 'json', schema, mayBeEmpty };
  }
  return { kind: 'void' };
}

/** Whether the (JSON) answer has a field `name` holding an array. */
export function hasArrayField(doc: OpenApiDocument, answer: SchemaObject, name: string): boolean {
  const field = deref(doc, answer).properties?.[name];
  return field !== undefined && deref(doc, field).type === 'array';
}

/** Whether the (JSON) answer is itself an array. */
export function isArrayAnswer(doc: OpenApiDocument, answer: SchemaObject): boolean {
  return deref(doc, answer).type === 'array';
}

/** Whether the (JSON) answer has a field at this dotted path (`meta.totalPages`), through the properties of objects. */
export function hasField(doc: OpenApiDocument, answer: SchemaObject, path: string): boolean {
  let schema: SchemaObject | undefined = answer;
  for (const name of path.split('.')) {
    const field: SchemaObject | undefined = schema && deref(doc, schema).properties?.[name];
    if (!field) return false;
    schema = field;
  }
  return true;
}

/**
 * What an operation resolves to. One with a checked `x-sdk-stream` streams, whatever else it answers. A GET answering
 * JSON is a list when it pages: as its checked `x-sdk-paging` says, or, when it says nothing, with `Link` over an
 * `items` array if the answer has one (the Webex default).
 */
export function classifyResult(
  doc: OpenApiDocument,
  op: SpecOperation,
  paging: NamedPaging | 'none' | undefined,
  stream?: NamedStream,
): ResultShape {
  if (stream) return { kind: 'stream', item: stream.item, format: stream.format };
  const answer = successAnswer(doc, op.operation);
  if (answer.kind === 'void') return answer;
  if (answer.kind === 'text') {
    const plain = deref(doc, answer.schema);
    const numeric =
      plain.type === 'integer' || plain.type === 'number' || plain.format === 'int32' || plain.format === 'int64';
    return { kind: 'text', numeric };
  }
  const pages =
    op.httpMethod !== 'get' || paging === 'none'
      ? undefined
      : (paging ??
        (hasArrayField(doc, answer.schema, 'items') ? ({ strategy: 'link', items: 'items' } as const) : undefined));
  if (!pages) return answer;
  // Validation has checked that the answer has this field, an array, or is an array when paging names no field.
  const array = pages.items === undefined ? answer.schema : deref(doc, answer.schema).properties?.[pages.items];
  return { kind: 'list', items: array && deref(doc, array).items, paging: pages };
}
