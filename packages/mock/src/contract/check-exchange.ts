// The checks for one exchange: the request against the operation's parameters and body, the answer against its declared responses.
import { checkHeaders } from './headers-check.js';
import type { SchemaIssue } from './issue.js';
import { checkSchema } from './schema-check.js';
import type { ContractSpec, Operation, ResponseObject, Schema } from './spec.js';

/** An issue placed in the request or the answer. */
export interface PlacedIssue extends SchemaIssue {
  where: 'request' | 'response';
  part: 'body' | 'query' | 'path' | 'header' | 'status';
}

/** Checks path and query parameters and the JSON body of a request. */
export function checkRequest(
  spec: ContractSpec,
  operation: Operation,
  pathParams: Record<string, string>,
  query: URLSearchParams,
  contentType: string,
  body: Buffer,
): PlacedIssue[] {
  const issues: PlacedIssue[] = [];
  const place = (part: PlacedIssue['part'], list: SchemaIssue[]) =>
    issues.push(...list.map((issue) => ({ ...issue, where: 'request' as const, part })));
  for (const parameter of operation.parameters) {
    if (parameter.in !== 'query' && parameter.in !== 'path') continue;
    const pointer = `/${parameter.name}`;
    const raw =
      parameter.in === 'path'
        ? pathParams[parameter.name] === undefined
          ? []
          : [pathParams[parameter.name]!]
        : query.getAll(parameter.name);
    if (raw.length === 0) {
      if (parameter.required)
        place(parameter.in, [
          { pointer, rule: 'required', message: `missing required ${parameter.in} parameter ${parameter.name}` },
        ]);
      continue;
    }
    place(parameter.in, checkSchema(spec, parameter.schema, coerce(spec, parameter.schema, raw), pointer));
  }
  const declared = operation.requestBody;
  if (declared) {
    const json = jsonSchemaOf(declared.content);
    const form = declared.content?.['application/x-www-form-urlencoded'];
    if (body.length === 0) {
      if (declared.required)
        place('body', [{ pointer: '', rule: 'required', message: 'missing the request body the spec requires' }]);
    } else if (json && /json/i.test(contentType)) {
      const parsed = parseJson(body);
      if (parsed.ok) place('body', checkSchema(spec, json.schema, parsed.value));
      else place('body', [{ pointer: '', rule: 'type', message: 'expected a JSON body, got text that is not JSON' }]);
    } else if (form && /x-www-form-urlencoded/i.test(contentType)) {
      place(
        'body',
        checkSchema(spec, form.schema, formObject(spec, form.schema, new URLSearchParams(body.toString('utf8')))),
      );
    }
  }
  return issues;
}

/** The response the spec declares for a status: exact, then `4XX`, then `default`. */
function declaredResponse(operation: Operation, status: number): ResponseObject | undefined {
  const range = `${Math.floor(status / 100)}XX`;
  return (
    operation.responses[String(status)] ??
    operation.responses[range] ??
    operation.responses[range.toLowerCase()] ??
    operation.responses.default
  );
}

/** Checks the status, the headers the client reads and the JSON body of an answer. */
export function checkResponse(
  spec: ContractSpec,
  operation: Operation,
  status: number,
  headers: Headers,
  body: Buffer,
): PlacedIssue[] {
  const declared = declaredResponse(operation, status);
  if (!declared) {
    const known = Object.keys(operation.responses).join(', ');
    return [
      {
        where: 'response',
        part: 'status',
        pointer: '',
        rule: 'unknown-status',
        message: `status ${status} is not declared for this operation (declared: ${known || 'none'})`,
      },
    ];
  }
  const issues: PlacedIssue[] = checkHeaders(declared, headers).map((issue) => ({
    ...issue,
    where: 'response',
    part: 'header',
  }));
  const json = jsonSchemaOf(declared.content);
  if (!json) return issues;
  const type = headers.get('content-type');
  if (body.length > 0 && type !== null && !/json/i.test(type)) {
    // Another type the answer declares beside JSON (`text/plain`, `text/*`) is the upstream's choice to make.
    if (declaresType(declared.content, type)) return issues;
    return [
      ...issues,
      {
        where: 'response',
        part: 'body',
        pointer: '',
        rule: 'type',
        message: `expected a JSON body, got ${shownType(type)}`,
      },
    ];
  }
  if (body.length === 0) {
    if (status >= 200 && status < 300 && status !== 204)
      issues.push({
        where: 'response',
        part: 'body',
        pointer: '',
        rule: 'type',
        message: 'expected a JSON body, got none',
      });
    return issues;
  }
  const parsed = parseJson(body);
  if (!parsed.ok)
    return [
      ...issues,
      {
        where: 'response',
        part: 'body',
        pointer: '',
        rule: 'type',
        message: 'expected a JSON body, got text that is not JSON',
      },
    ];
  return [
    ...issues,
    ...checkSchema(spec, json.schema, parsed.value).map((issue) => ({
      ...issue,
      where: 'response' as const,
      part: 'body' as const,
    })),
  ];
}

// A form body is text fields; read each as its property's type, like a query.
function formObject(spec: ContractSpec, raw: Schema | undefined, fields: URLSearchParams): Record<string, unknown> {
  const properties = raw ? (spec.resolve(raw).properties ?? {}) : {};
  const object: Record<string, unknown> = {};
  for (const name of new Set(fields.keys())) object[name] = coerce(spec, properties[name], fields.getAll(name));
  return object;
}

/** The media type of a `Content-Type` value (`text/html`), lower-cased and without parameters. */
function mediaType(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}

/** Whether the declared content lists the media type, exactly or by a wildcard (`text/*`, or any type). */
function declaresType(content: Record<string, unknown> | undefined, contentType: string): boolean {
  const media = mediaType(contentType);
  const anyOfKind = `${media.split('/')[0]}/*`;
  return Object.keys(content ?? {}).some((declared) => [media, anyOfKind, '*/*'].includes(declared.toLowerCase()));
}

// A violation quotes no header as it came: the media type is named only when it is a plain `type/subtype`.
function shownType(contentType: string): string {
  const media = mediaType(contentType);
  return /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(media) ? media : 'a body of another type';
}

function jsonSchemaOf(content: Record<string, { schema?: Schema }> | undefined): { schema?: Schema } | undefined {
  const type = Object.keys(content ?? {}).find((media) => /json/i.test(media));
  return type ? content![type] : undefined;
}

function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) };
  } catch {
    return { ok: false };
  }
}

// Query and path values are text; read them as the schema's type so `max=10` is an integer and `max=ten` is not.
function coerce(spec: ContractSpec, raw: Schema | undefined, values: string[]): unknown {
  const schema = raw ? spec.resolve(raw) : undefined;
  if (schema && typesOf(schema).includes('array')) {
    const parts = values.length === 1 ? values[0]!.split(',') : values;
    return parts.map((part) => scalar(spec, schema.items, part));
  }
  return scalar(spec, schema, values[values.length - 1]!);
}

function scalar(spec: ContractSpec, raw: Schema | undefined, text: string): unknown {
  const types = raw ? typesOf(spec.resolve(raw)) : [];
  if ((types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (types.includes('boolean') && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

function typesOf(schema: Schema): string[] {
  return schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
}
