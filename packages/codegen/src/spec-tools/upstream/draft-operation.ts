import type { Json } from '../../load/bundle.js';
import { PAGING_PARAMETERS } from './divergence-rules.js';
import { isNode, mediaBase, type Node, pickMedia, resolveRef } from './document.js';
import { methodNameFor, operationIdFor, summaryWords } from './method-names.js';
import type { SchemaCopier } from './schema-copier.js';
import { templateNames } from './shape.js';

/** What the operations drafted into one spec file share: names already used, the resource's words and collection. */
export interface DraftContext {
  tag: string;
  copier: SchemaCopier;
  /** The resource's collection path, which decides `list`, `get`, `create`, `update` and `delete`. */
  collection: string | undefined;
  /** The resource's own words, lower case and singular, left out of method names. */
  resourceWords: ReadonlySet<string>;
  /** Method names the file uses; each draft adds its own. */
  methodsTaken: Set<string>;
  /** Operation ids the API uses; each draft adds its own. */
  operationIds: Set<string>;
}

/** One upstream operation to draft. */
export interface UpstreamOperation {
  document: Node;
  item: Node;
  op: Node;
  /** The HTTP method, lower case. */
  method: string;
  /** Its path as upstream writes it, and as our file will. */
  upstreamPath: string;
  path: string;
}

/**
 * One operation in our spec style, marked `x-draft: true`: upstream's facts (parameters, bodies, answers,
 * examples) with our conventions (a method name by our rules, integer paging parameters, only success answers),
 * and no prose: the description, and every parameter's and answer's, is left empty for a person to write.
 */
export function draftOperation(upstream: UpstreamOperation, context: DraftContext): Node {
  const { document, op, method, path } = upstream;
  const summary = summaryWords(typeof op.summary === 'string' ? op.summary : undefined).length
    ? plainText(op.summary as string)
    : '';
  const sdkMethod = methodNameFor({
    method,
    path,
    collection: context.collection,
    summary,
    answersList: answersList(document, successSchema(document, op)),
    resourceWords: context.resourceWords,
    taken: context.methodsTaken,
  });
  context.methodsTaken.add(sdkMethod);
  const upstreamId = typeof op.operationId === 'string' ? op.operationId : undefined;
  const operationId = operationIdFor(upstreamId, summary, `${sdkMethod} ${context.tag}`, context.operationIds);
  context.operationIds.add(operationId);

  const parameters = draftParameters(upstream, context.copier);
  const body = resolveRef(document, op.requestBody);
  const bodyContent = body ? copyContent(document, body.content, context.copier) : undefined;
  return {
    operationId,
    'x-sdk-method': sdkMethod,
    'x-draft': true,
    tags: [context.tag],
    summary,
    description: '',
    ...(parameters.length ? { parameters } : {}),
    ...(body && bodyContent
      ? { requestBody: { ...(body.required === true ? { required: true } : {}), content: bodyContent } }
      : {}),
    responses: draftResponses(document, op, context.copier),
  };
}

/** Upstream's parameters with our path parameter names (paired by position), paging parameters as integers. */
function draftParameters(upstream: UpstreamOperation, copier: SchemaCopier): Node[] {
  const { document, item, op } = upstream;
  const names = templateNames(upstream.path);
  const upstreamNames = templateNames(upstream.upstreamPath);
  const parameters: Node[] = [];
  const seen = new Set<string>();
  for (const raw of [...asArray(op.parameters), ...asArray(item.parameters)]) {
    const param = resolveRef(document, raw);
    if (!param || typeof param.name !== 'string') continue;
    let name = param.name;
    if (param.in === 'path' && upstreamNames.includes(name)) name = names[upstreamNames.indexOf(name)] ?? name;
    const key = `${String(param.in)}:${name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const copy = copier.copy(document, param) as Node;
    parameters.push({
      ...copy,
      name,
      description: '',
      ...(param.in === 'path' ? { required: true } : {}),
      ...(param.in === 'query' && countsItems(document, param) ? { schema: integerSchema(copy.schema) } : {}),
    });
  }
  // Every path parameter is declared, even where upstream forgot one.
  for (const name of names) {
    if (!seen.has(`path:${name}`))
      parameters.push({ name, in: 'path', required: true, description: '', schema: { type: 'string' } });
  }
  return parameters;
}

/**
 * Whether a query parameter is a paging count or offset (`max`, `page` …): by its name, unless upstream says it is
 * a cursor (a name like `start` serves both; its description is read, not copied).
 */
function countsItems(document: Node, param: Node): boolean {
  if (typeof param.name !== 'string' || !PAGING_PARAMETERS.has(param.name)) return false;
  const schema = resolveRef(document, param.schema);
  const words = [param.description, schema?.description].filter((text) => typeof text === 'string').join(' ');
  return !/\b(cursor|token)\b/i.test(words) && !['date', 'date-time'].includes(String(schema?.format));
}

/** A paging parameter's schema: an integer whatever upstream says (some documents type `max` as a string), keeping numeric bounds. */
function integerSchema(schema: Json | undefined): Node {
  const out: Node = { type: 'integer' };
  if (!isNode(schema)) return out;
  for (const key of ['minimum', 'maximum', 'default']) {
    const value = Number(schema[key]);
    if (schema[key] !== undefined && schema[key] !== '' && Number.isInteger(value)) out[key] = value;
  }
  return out;
}

/** Only success answers (errors come from `x-standard-responses`), their descriptions left empty. */
function draftResponses(document: Node, op: Node, copier: SchemaCopier): Node {
  const responses: Node = {};
  for (const [status, raw] of Object.entries(isNode(op.responses) ? op.responses : {})) {
    if (!/^2\d\d$/.test(status)) continue;
    const content = copyContent(document, resolveRef(document, raw)?.content, copier);
    responses[status] = { description: '', ...(content ? { content } : {}) };
  }
  if (!Object.keys(responses).length) responses['200'] = { description: '' };
  return responses;
}

/**
 * A `content` map with its media types cleaned (`application/json;charset=UTF-8` → `application/json`), one per
 * base type. Contact Center's document gives its JSON answers the wildcard media type: they are JSON.
 */
function copyContent(document: Node, content: Json | undefined, copier: SchemaCopier): Node | undefined {
  if (!isNode(content)) return undefined;
  const out: Node = {};
  for (const [type, media] of Object.entries(content)) {
    const base = mediaBase(type) === '*/*' ? 'application/json' : mediaBase(type);
    if (base in out || !isNode(media)) continue;
    out[base] = copier.copy(document, media);
  }
  return Object.keys(out).length ? out : undefined;
}

/** The schema of an upstream operation's first successful answer with a body. */
function successSchema(document: Node, op: Node): Node | undefined {
  const responses = isNode(op.responses) ? op.responses : {};
  for (const status of Object.keys(responses)
    .filter((code) => /^2\d\d$/.test(code))
    .sort()) {
    const media = pickMedia(resolveRef(document, responses[status])?.content);
    if (media) return resolveRef(document, media.media.schema);
  }
  return undefined;
}

/** Whether an answer is a list: an array, or an object holding one (`items`, `data`, `Resources` …). */
function answersList(document: Node, schema: Node | undefined): boolean {
  if (!schema) return false;
  if (schema.type === 'array' || schema.items !== undefined) return true;
  const properties = isNode(schema.properties) ? Object.values(schema.properties) : [];
  return properties.some((property) => {
    const resolved = resolveRef(document, property);
    return resolved?.type === 'array' || resolved?.items !== undefined;
  });
}

/** A summary as one plain line: markup gone, spaces collapsed. */
function plainText(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function asArray(node: Json | undefined): Json[] {
  return Array.isArray(node) ? node : [];
}
