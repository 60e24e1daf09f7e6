import type { Json } from '../../load/bundle.js';
import { enumValues, isNode, pickMedia, resolveRef, type Node } from './document.js';
import { hostGroup } from './public-documents.js';

/** What is compared about one parameter or field. */
export interface Facts {
  /** `string`, `number` (integer too), `boolean`, `object`, `array`, unions as `a|b`; `any` when the schema does not say. */
  type: string;
  /** Sorted enum values, when the schema has an enum. */
  enum?: string[];
  required: boolean;
  /** Why a field is required, from `x-required-because` beside it (our specs only). */
  because?: string;
}

/** One operation reduced to what `upstream` compares. */
export interface OperationShape {
  /** Matching key: method, host group and path template with parameter names left out, `GET /rooms/{}`. */
  key: string;
  method: string;
  /** The host the operation is served from (`hostGroup`): `''` for webexapis.com, else the area, `contact-center`. */
  group: string;
  /**
   * The path with a trailing `/` dropped, parameter names kept, and on webexapis.com a leading `/v1` dropped too
   * (the server holds it); elsewhere the prefix is part of the path (`/v1/tasks` on Contact Center's hosts).
   */
  path: string;
  /** The path as the document writes it. */
  rawPath: string;
  /** First tag, `(untagged)` when there is none. */
  tag: string;
  tags: string[];
  operationId?: string;
  summary?: string;
  /** Path parameters in template order, by their name in this document. */
  pathParameters: { name: string; facts: Facts }[];
  query: Map<string, Facts>;
  /** Body fields by dotted path (`''` is the body itself, `items[].id` a field of an array's items); undefined without a body. */
  request?: Map<string, Facts>;
  /** Fields of the first successful response with a body, as `request`. */
  response?: Map<string, Facts>;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
/** How deep nested fields are followed: deep enough for Webex bodies, bounded for pathological ones. */
const MAX_DEPTH = 12;

/** `/v1/rooms/{roomId}/` → `/rooms/{roomId}`: the two documents differ in both habits. */
export function normalisePath(path: string): string {
  return withoutTrailingSlash(path.replace(/^\/v1(?=\/|$)/, '')) || '/';
}

/** The names of a path template's parameters, in order. */
export function templateNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]*)\}/g)].map((match) => match[1]!);
}

/** Where the operations of a document are served, beyond what its own `servers` say. */
export interface ServerHints {
  /** The server of one operation when the document does not say (our spec files declare theirs outside the bundle). */
  serverOf?: (rawPath: string, method: string) => string | undefined;
  /** The server when neither the operation, its path nor the document declares one. */
  fallback?: string;
}

/** Every operation of a document (its path items and `$ref`s resolved within it), keyed by `OperationShape.key`. */
export function operationShapes(document: Node, hints: ServerHints = {}): Map<string, OperationShape> {
  const shapes = new Map<string, OperationShape>();
  const documentServer = firstServer(document);
  for (const [rawPath, rawItem] of Object.entries((document.paths ?? {}) as Node)) {
    const item = resolveRef(document, rawItem);
    if (!item) continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isNode(op)) continue;
      const group = hostGroup(
        firstServer(op) ?? firstServer(item) ?? hints.serverOf?.(rawPath, method) ?? documentServer ?? hints.fallback,
      );
      const path = group ? withoutTrailingSlash(rawPath) : normalisePath(rawPath);
      const key = `${method.toUpperCase()} ${group ? `[${group}]` : ''}${path.replace(/\{[^}]*\}/g, '{}')}`;
      // A document holding the same operation twice (`/x` and `/x/`): the first one counts.
      if (!shapes.has(key)) shapes.set(key, shapeOf(document, { key, method, group, path, rawPath }, item, op));
    }
  }
  return shapes;
}

/** The first `servers` URL a document, path item or operation declares. */
function firstServer(node: Node): string | undefined {
  const first = Array.isArray(node.servers) ? node.servers[0] : undefined;
  return isNode(first) && typeof first.url === 'string' ? first.url : undefined;
}

function withoutTrailingSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

function shapeOf(
  document: Node,
  where: Pick<OperationShape, 'key' | 'method' | 'group' | 'path' | 'rawPath'>,
  item: Node,
  op: Node,
): OperationShape {
  const { path } = where;
  const parameters = new Map<string, Node>();
  for (const raw of [...asArray(item.parameters), ...asArray(op.parameters)]) {
    const param = resolveRef(document, raw);
    if (param && typeof param.name === 'string') parameters.set(`${String(param.in)}:${param.name}`, param);
  }
  const paramFacts = (param: Node | undefined, required: boolean): Facts => {
    const schema = param ? resolveRef(document, param.schema) : undefined;
    return { ...factsOf(document, schema ?? {}), required };
  };
  const pathParameters = templateNames(path).map((name) => ({
    name,
    facts: paramFacts(parameters.get(`path:${name}`), true),
  }));
  const query = new Map<string, Facts>();
  for (const param of parameters.values()) {
    if (param.in === 'query') query.set(param.name as string, paramFacts(param, param.required === true));
  }
  const tags = asArray(op.tags).filter((tag): tag is string => typeof tag === 'string');
  const shape: OperationShape = {
    ...where,
    tag: tags[0] ?? '(untagged)',
    tags,
    pathParameters,
    query,
  };
  if (typeof op.operationId === 'string') shape.operationId = op.operationId;
  if (typeof op.summary === 'string') shape.summary = op.summary;

  const body = resolveRef(document, op.requestBody);
  const bodySchema = body ? pickMedia(body.content)?.media.schema : undefined;
  if (body) shape.request = fieldsOf(document, bodySchema, body.required === true);

  const responses = isNode(op.responses) ? op.responses : {};
  for (const status of Object.keys(responses)
    .filter((code) => /^2\d\d$/.test(code))
    .sort()) {
    const media = pickMedia(resolveRef(document, responses[status])?.content);
    if (!media) continue;
    shape.response = fieldsOf(document, media.media.schema, false);
    break;
  }
  return shape;
}

/** Every field of a schema by dotted path, `$ref`s followed within the document, each reference once per branch. */
export function fieldsOf(document: Node, schema: Json | undefined, required: boolean): Map<string, Facts> {
  const fields = new Map<string, Facts>();
  const walk = (
    raw: Json | undefined,
    name: string,
    isRequired: boolean,
    expanding: ReadonlySet<string>,
    depth: number,
  ) => {
    const ref = isNode(raw) && typeof raw.$ref === 'string' ? raw.$ref : undefined;
    const node = resolveRef(document, raw) ?? {};
    if (!fields.has(name)) fields.set(name, { ...factsOf(document, node), required: isRequired });
    // A schema that contains itself (a folder holding folders) is followed once.
    if ((ref && expanding.has(ref)) || depth >= MAX_DEPTH) return;
    const inner = ref ? new Set([...expanding, ref]) : expanding;
    const { properties, required: requiredNames, because, items } = collectObject(document, node, inner);
    for (const [prop, propSchema] of properties) {
      const field = name ? `${name}.${prop}` : prop;
      walk(propSchema, field, requiredNames.has(prop), inner, depth + 1);
      const reason = because.get(prop);
      if (reason !== undefined && requiredNames.has(prop)) fields.get(field)!.because = reason;
    }
    if (items !== undefined) walk(items, `${name}[]`, false, inner, depth + 1);
  };
  walk(schema, '', required, new Set(), 0);
  return fields;
}

/**
 * The properties (own, `allOf`, and every `oneOf`/`anyOf` variant), required names, the evidence our specs give
 * for them (`x-required-because`) and array items of a schema.
 */
function collectObject(
  document: Node,
  node: Node,
  expanding: ReadonlySet<string>,
): { properties: Map<string, Json>; required: Set<string>; because: Map<string, string>; items: Json | undefined } {
  const properties = new Map<string, Json>();
  const required = new Set<string>();
  const because = new Map<string, string>();
  let items: Json | undefined;
  const visit = (current: Node, seen: ReadonlySet<string>, strict: boolean) => {
    for (const [name, prop] of Object.entries(isNode(current.properties) ? current.properties : {}))
      if (!properties.has(name)) properties.set(name, prop);
    // Variants of a oneOf do not make their required fields required for the whole.
    if (strict) for (const name of asArray(current.required)) if (typeof name === 'string') required.add(name);
    const reasons = current['x-required-because'];
    if (isNode(reasons))
      for (const [name, reason] of Object.entries(reasons)) if (typeof reason === 'string') because.set(name, reason);
    if (current.items !== undefined && items === undefined) items = current.items;
    for (const [key, strictness] of [
      ['allOf', strict],
      ['oneOf', false],
      ['anyOf', false],
    ] as const) {
      for (const member of asArray(current[key])) {
        const ref = isNode(member) && typeof member.$ref === 'string' ? member.$ref : undefined;
        if (ref && seen.has(ref)) continue;
        const resolved = resolveRef(document, member);
        if (resolved) visit(resolved, ref ? new Set([...seen, ref]) : seen, strictness);
      }
    }
  };
  visit(node, expanding, true);
  return { properties, required, because, items };
}

/** Type and enum of a schema (its `$ref` already resolved). */
function factsOf(document: Node, node: Node): Omit<Facts, 'required'> {
  const values = enumValues(node) ?? ('const' in node ? [node.const as Json] : undefined);
  const type = typeOf(document, node, new Set());
  if (!values) return { type };
  return { type, enum: [...new Set(values.filter((v) => v !== null).map((v) => String(v)))].sort() };
}

function typeOf(document: Node, node: Node, seen: Set<string>): string {
  const named = (t: string) => (t === 'integer' ? 'number' : t);
  if (Array.isArray(node.type)) {
    const types = [...new Set(node.type.filter((t) => t !== 'null').map((t) => named(String(t))))].sort();
    return types.join('|') || 'null';
  }
  if (typeof node.type === 'string') return named(node.type);
  const members = (key: string) =>
    asArray(node[key]).flatMap((member) => {
      const ref = isNode(member) && typeof member.$ref === 'string' ? member.$ref : undefined;
      if (ref && seen.has(ref)) return [];
      const resolved = resolveRef(document, member);
      return resolved ? [typeOf(document, resolved, ref ? new Set([...seen, ref]) : seen)] : [];
    });
  const all = members('allOf').filter((t) => t !== 'any');
  if (all.length) return all.includes('object') ? 'object' : all[0]!;
  const variants = [...new Set([...members('oneOf'), ...members('anyOf')].flatMap((t) => t.split('|')))].filter(
    (t) => t !== 'null',
  );
  if (variants.length) return variants.includes('any') ? 'any' : variants.sort().join('|');
  if (node.properties !== undefined || node.additionalProperties !== undefined) return 'object';
  if (node.items !== undefined) return 'array';
  const values = enumValues(node);
  if (values?.length)
    return [...new Set(values.filter((v) => v !== null).map((v) => named(typeof v === 'number' ? 'number' : typeof v)))]
      .sort()
      .join('|');
  return 'any';
}

function asArray(node: Json | undefined): Json[] {
  return Array.isArray(node) ? node : [];
}
