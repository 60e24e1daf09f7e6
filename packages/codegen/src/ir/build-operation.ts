import type { OpenApiDocument, Parameter, SchemaObject } from '../load/openapi.js';
import { deref } from '../load/refs.js';
import { classifyResult } from './classify.js';
import { jsonTypeOf, scalarTypeOf } from './schema-shape.js';
import type { SchemaTypes } from './to-type.js';
import { irDocs, union } from './to-type.js';
import type { IrOperation, IrParameter, IrSimpleType } from './types.js';
import type { CheckedOperation } from './validate.js';

/** One operation of the IR, from a checked operation, with the name the naming pass gave its query type (if it has one). */
export function buildOperation(
  doc: OpenApiDocument,
  op: CheckedOperation,
  types: SchemaTypes,
  queryTypeName: string | undefined,
): IrOperation {
  const parameters = (place: Parameter['in']) =>
    op.parameters
      .filter((p) => p.in === place)
      .map(
        (p): IrParameter => ({
          name: p.name,
          required: p.required === true,
          ...irDocs(p),
          ...(p.schema && typeof p.schema.format === 'string' ? { format: p.schema.format } : {}),
          type: types.typeOf(p.schema),
          simpleType: simpleTypeOf(doc, p.schema),
          ...(place === 'query' && p.explode === false && simpleTypeOf(doc, p.schema).endsWith('[]')
            ? { commaSeparated: true as const }
            : {}),
        }),
      );
  const queryParameters = parameters('query');
  const { operation } = op;
  return {
    operationId: op.operationId,
    label: op.label,
    method: op.method,
    httpMethod: op.httpMethod,
    path: op.path,
    ...(op.server !== undefined ? { server: op.server } : {}),
    ...(op.resource.host !== undefined ? { host: op.resource.host } : {}),
    ...(typeof operation.summary === 'string' ? { summary: operation.summary } : {}),
    ...irDocs(operation),
    pathParameters: parameters('path'),
    headerParameters: parameters('header'),
    ...(queryParameters.length
      ? {
          query: {
            typeName: queryTypeName ?? missingName(op),
            required: queryParameters.some((p) => p.required),
            parameters: queryParameters,
          },
        }
      : {}),
    ...bodyOf(doc, op, types),
    result: resultOf(doc, op, types),
  };
}

/** A query type the naming pass did not name: a bug of the generator, not of the specs. */
function missingName(op: CheckedOperation): never {
  throw new Error(`the naming pass gave the query type of ${op.label} no name`);
}

/** The request body, JSON when the operation takes JSON, else its first content type. */
function bodyOf(doc: OpenApiDocument, op: CheckedOperation, types: SchemaTypes): Pick<IrOperation, 'body'> {
  if (!op.operation.requestBody) return {};
  const requestBody = deref(doc, op.operation.requestBody);
  const content = requestBody.content ?? {};
  const contentType = 'application/json' in content ? 'application/json' : Object.keys(content)[0];
  const schema = contentType ? content[contentType]?.schema : undefined;
  const partTypes = Object.entries((contentType?.startsWith('multipart/') && content[contentType]?.encoding) || {})
    .filter((entry): entry is [string, { contentType: string }] => typeof entry[1].contentType === 'string')
    .map(([name, encoding]) => [name, encoding.contentType] as const);
  return {
    body: {
      type: types.typeOf(schema),
      required: requestBody.required === true,
      ...(contentType && contentType !== 'application/json' ? { contentType } : {}),
      ...(partTypes.length ? { partTypes: Object.fromEntries(partTypes) } : {}),
    },
  };
}

function resultOf(doc: OpenApiDocument, op: CheckedOperation, types: SchemaTypes): IrOperation['result'] {
  const result = classifyResult(doc, op, op.paging, op.stream);
  switch (result.kind) {
    case 'void':
      return result;
    case 'text':
      return { kind: 'text', type: { kind: 'primitive', type: result.numeric ? 'number' : 'string' } };
    case 'json': {
      const type = types.typeOf(result.schema);
      return { kind: 'json', type: result.mayBeEmpty ? union([type, { kind: 'primitive', type: 'undefined' }]) : type };
    }
    case 'list':
      return { kind: 'list', item: types.typeOf(result.items), paging: result.paging };
    case 'stream':
      return { kind: 'stream', item: types.typeOf(result.item), format: result.format };
  }
}

/** A parameter schema's JSON type in one word, `string[]` for an array of strings; `string` when it names none. */
function simpleTypeOf(doc: OpenApiDocument, raw: SchemaObject | undefined): IrSimpleType {
  const schema = raw && typeof raw === 'object' ? deref(doc, raw) : {};
  if (jsonTypeOf(schema) !== 'array') return scalarTypeOf(schema);
  const items = schema.items && typeof schema.items === 'object' ? deref(doc, schema.items) : {};
  return `${scalarTypeOf(items)}[]`;
}
