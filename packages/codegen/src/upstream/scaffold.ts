import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Document, parseDocument, stringify } from 'yaml';
import type { Json } from '../load/bundle.js';
import { camelCase, pascalCase } from '../ir/names.js';
import type { OperationRef, UpstreamComparison } from './compare.js';
import { enumValues, isNode, mediaBase, pickMedia, resolveRef, type Node, type UpstreamDocument } from './document.js';
import { templateNames } from './shape.js';

/** One spec file `--scaffold` wrote. */
export interface ScaffoldedFile {
  /** Relative to the specs folder, e.g. `devices/workspaces.yaml`. */
  file: string;
  created: boolean;
  /** The drafted operations, `GET /workspaces` each. */
  operations: string[];
}

/** What marks a drafted operation for the person who curates it. */
const CURATION_NOTE = 'drafted by webex-codegen upstream; review names, descriptions, paging, required flags';

const AREAS = [
  ['messaging', 'messaging'],
  ['admin', 'admin'],
  ['meeting', 'meetings'],
  ['device', 'devices'],
] as const;
const SCHEMA_REF = /^#\/components\/schemas\/([^/]+)$/;

/** The specs folder for a document: the area its title names (`Webex Meetings` → `meetings`), else `admin`. */
export function areaOf(title: string): string {
  const lower = title.toLowerCase();
  return AREAS.find(([word]) => lower.includes(word))?.[1] ?? 'admin';
}

/** `API - Domain Management` → `api-domain-management`. */
export function kebabCase(text: string): string {
  return (text.match(/[A-Za-z0-9]+/g) ?? ['resource']).map((word) => word.toLowerCase()).join('-');
}

/**
 * Writes a first draft of every operation only upstream has: into our spec file that holds operations
 * of the same tag (added under `paths:`), else into a new `specs/<area>/<tag>.yaml`. Each drafted operation
 * carries `x-draft: true` and `x-curation`; the schemas it uses are copied under resource-prefixed names.
 */
export function scaffoldDrafts(comparison: UpstreamComparison, rootFile: string): ScaffoldedFile[] {
  const specDir = dirname(rootFile);
  const { bundle, ours, result } = comparison;
  const schemaNames = new Set(Object.keys(((bundle.document.components ?? {}) as Node).schemas ?? {}));
  const operationIds = new Set([...ours.values()].flatMap((op) => (op.operationId ? [op.operationId] : [])));
  const resourceNames = new Set([...ours.values()].map((op) => basename(op.file)));
  const ourPaths = new Map([...ours.values()].map((op) => [op.key.slice(op.key.indexOf(' ')), op.path]));
  const written: ScaffoldedFile[] = [];

  for (const report of result.resources) {
    if (!report.onlyUpstream.length) continue;
    const tag = report.resource;
    const holders = [...ours.values()].filter((op) => op.tags.includes(tag)).map((op) => op.file);
    const existing = mostCommon(holders);
    const firstDoc = documentOf(comparison.documents, report.onlyUpstream[0]!);
    let file = existing !== undefined ? `${existing}.yaml` : `${areaOf(firstDoc.title)}/${kebabCase(tag)}.yaml`;
    if (existing === undefined && resourceNames.has(basename(file, '.yaml')) && !existsSync(join(specDir, file))) {
      // A resource's file name is unique across areas: pick one the generator accepts.
      file = file.replace(/\.yaml$/, `-${areaOf(firstDoc.title)}.yaml`);
    }
    const path = join(specDir, file);
    const created = !existsSync(path);
    const methodsTaken = new Set(
      [...ours.values()]
        .filter((op) => `${op.file}.yaml` === file)
        .flatMap((op) => {
          const raw = rawOperation(bundle.document as Node, op.rawPath, op.method);
          return typeof raw?.['x-sdk-method'] === 'string' ? [raw['x-sdk-method']] : [];
        }),
    );
    const copier = new SchemaCopier(pascalCase(tag), schemaNames);
    const drafts: Draft[] = [];
    for (const ref of report.onlyUpstream) {
      const doc = documentOf(comparison.documents, ref);
      const found = findOperation(doc.document, ref);
      if (!found) continue;
      // Where we already have this path under other parameter names, the draft uses ours.
      const pathKey = ourPaths.get(ref.path.replace(/\{[^}]*\}/g, '{}')) ?? ref.path;
      drafts.push({
        path: pathKey,
        method: found.method,
        operation: draftOperation({ doc, ...found, tag, pathKey, copier, methodsTaken, operationIds }),
      });
    }
    const text = created
      ? newResourceFile(tag, firstDoc, drafts, copier.copies)
      : addToResourceFile(readFileSync(path, 'utf8'), drafts, copier.copies);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    written.push({ file, created, operations: drafts.map((d) => `${d.method.toUpperCase()} ${d.path}`) });
    resourceNames.add(basename(file, '.yaml'));
  }
  return written;
}

/** One drafted operation and where it goes. */
interface Draft {
  path: string;
  method: string;
  operation: Node;
}

const STRINGIFY = { lineWidth: 0, singleQuote: true } as const;

/** YAML text of a mapping, indented to sit at the given depth of a file. */
function block(value: Node, indent: number): string {
  const pad = ' '.repeat(indent);
  return stringify(value, STRINGIFY)
    .trimEnd()
    .split('\n')
    .map((line) => (line ? pad + line : line))
    .join('\n');
}

function newResourceFile(tag: string, doc: UpstreamDocument, drafts: Draft[], schemas: Map<string, Json>): string {
  const tagNode = ((doc.document.tags ?? []) as Json[]).find((t) => isNode(t) && t.name === tag);
  const description =
    isNode(tagNode) && typeof tagNode.description === 'string'
      ? tagNode.description
      : `TODO: what ${tag} are for, in our own words.`;
  const yaml = new Document({
    openapi: '3.1.0',
    info: { title: `Webex ${tag}`, version: '1.0.0' },
    tags: [{ name: tag, description }],
    paths: {},
  });
  for (const draft of drafts) yaml.setIn(['paths', draft.path, draft.method], draft.operation);
  for (const [name, schema] of schemas) yaml.setIn(['components', 'schemas', name], schema);
  yaml.commentBefore = ` ${tag}: drafted by webex-codegen upstream from ${basename(doc.file)}; curate every x-draft operation.`;
  return yaml.toString(STRINGIFY);
}

/**
 * Our file with the drafts added: as text at the end of `paths:` and `components.schemas`, so the rest of the
 * file stays byte for byte as it was. A draft for a path the file already has goes through the YAML document
 * instead (which may re-space flow collections).
 */
function addToResourceFile(text: string, drafts: Draft[], schemas: Map<string, Json>): string {
  const parsed = parseDocument(text);
  const existingPaths = drafts.filter((d) => parsed.hasIn(['paths', d.path]));
  if (existingPaths.length || !parsed.has('paths') || parsed.getIn(['paths']) === null) {
    for (const draft of drafts) parsed.setIn(['paths', draft.path, draft.method], draft.operation);
    for (const [name, schema] of schemas) parsed.setIn(['components', 'schemas', name], schema);
    return parsed.toString(STRINGIFY);
  }
  let lines = text.replace(/\n*$/, '').split('\n');
  const paths: Node = {};
  for (const draft of drafts) {
    const item = (paths[draft.path] ?? {}) as Node;
    item[draft.method] = draft.operation;
    paths[draft.path] = item;
  }
  lines = insertAtEnd(lines, ['paths'], block(paths, 2));
  if (schemas.size) {
    const copies = Object.fromEntries(schemas) as Node;
    if (!parsed.has('components')) lines.push('components:', '  schemas:', block(copies, 4));
    else if (!parsed.hasIn(['components', 'schemas']))
      lines = insertAtEnd(lines, ['components'], `  schemas:\n${block(copies, 4)}`);
    else lines = insertAtEnd(lines, ['components', 'schemas'], block(copies, 4));
  }
  return `${lines.join('\n')}\n`;
}

/** Inserts text after the last line of a block mapping found by its keys (`paths`, or `components` then `schemas`). */
function insertAtEnd(lines: string[], keys: string[], insert: string): string[] {
  let start = -1;
  let indent = 0;
  let from = 0;
  for (const key of keys) {
    const pattern = new RegExp(`^${' '.repeat(indent)}${key}:\\s*(#.*)?$`);
    start = lines.findIndex((line, index) => index >= from && pattern.test(line));
    if (start === -1) throw new Error(`scaffold: no block "${keys.join('.')}" in the spec file`);
    from = start + 1;
    indent += 2;
  }
  const depth = indent - 2;
  let end = start;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    const lead = line.length - line.trimStart().length;
    if (lead <= depth && !line.trimStart().startsWith('#')) break;
    end = i;
  }
  return [...lines.slice(0, end + 1), ...insert.split('\n'), ...lines.slice(end + 1)];
}

function documentOf(documents: UpstreamDocument[], ref: OperationRef): UpstreamDocument {
  return documents.find((d) => d.file === ref.document) ?? documents[0]!;
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

function rawOperation(document: Node, path: string, method: string): Node | undefined {
  const item = resolveRef(document, ((document.paths ?? {}) as Node)[path]);
  const op = item?.[method];
  return isNode(op) ? op : undefined;
}

/** The upstream path item and operation an only-upstream reference stands for (its path written with or without `/v1`, `/`). */
function findOperation(document: Node, ref: OperationRef): { item: Node; op: Node; method: string } | undefined {
  const method = ref.method.toLowerCase();
  for (const raw of [ref.path, `/v1${ref.path}`, `${ref.path}/`, `/v1${ref.path}/`]) {
    const item = resolveRef(document, ((document.paths ?? {}) as Node)[raw]);
    const op = item?.[method];
    if (item && isNode(op)) return { item, op, method };
  }
  return undefined;
}

interface DraftInput {
  doc: UpstreamDocument;
  item: Node;
  op: Node;
  method: string;
  tag: string;
  pathKey: string;
  copier: SchemaCopier;
  methodsTaken: Set<string>;
  operationIds: Set<string>;
}

/** One operation in our spec style: upstream content, our conventions, marked as a draft. */
function draftOperation(input: DraftInput): Node {
  const { doc, item, op, method, tag, pathKey, copier } = input;
  const document = doc.document;
  const names = templateNames(pathKey);
  const upstreamNames = templateNames(String(findPathOf(document, item) ?? pathKey));
  const parameters: Node[] = [];
  const seen = new Set<string>();
  for (const raw of [...asArray(op.parameters), ...asArray(item.parameters)]) {
    const param = resolveRef(document, raw);
    if (!param || typeof param.name !== 'string') continue;
    let name = param.name;
    // Path parameters take our spelling, paired by position in the template.
    if (param.in === 'path' && upstreamNames.includes(name)) name = names[upstreamNames.indexOf(name)] ?? name;
    const key = `${String(param.in)}:${name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    parameters.push({
      ...(copier.copy(document, param) as Node),
      name,
      ...(param.in === 'path' ? { required: true } : {}),
    });
  }
  // Every path parameter is declared, even where upstream forgot one.
  for (const name of names) {
    if (!seen.has(`path:${name}`))
      parameters.push({ name, in: 'path', required: true, description: 'TODO: describe.', schema: { type: 'string' } });
  }

  const responses: Node = {};
  for (const [status, raw] of Object.entries(isNode(op.responses) ? op.responses : {})) {
    if (!/^2\d\d$/.test(status)) continue; // errors come from x-standard-responses
    const response = resolveRef(document, raw) ?? {};
    const content = copyContent(document, response.content, copier);
    responses[status] = {
      description:
        typeof response.description === 'string' && response.description.trim()
          ? response.description
          : 'TODO: describe the answer.',
      ...(content ? { content } : {}),
    };
  }
  if (!Object.keys(responses).length)
    responses['200'] = { description: 'TODO: the upstream document gives no success response.' };

  const sdkMethod = sdkMethodFor(method, pathKey, op, successSchema(document, op), input.methodsTaken);
  input.methodsTaken.add(sdkMethod);
  const operationId = operationIdFor(op, sdkMethod, tag, input.operationIds);
  input.operationIds.add(operationId);

  const body = resolveRef(document, op.requestBody);
  const bodyContent = body ? copyContent(document, body.content, copier) : undefined;
  return {
    operationId,
    'x-sdk-method': sdkMethod,
    'x-draft': true,
    'x-curation': CURATION_NOTE,
    tags: [tag],
    summary: typeof op.summary === 'string' ? op.summary : `TODO: ${method.toUpperCase()} ${pathKey}`,
    description:
      typeof op.description === 'string' && op.description.trim()
        ? op.description
        : 'TODO: what it is for and when to use it.',
    ...(parameters.length ? { parameters } : {}),
    ...(body && bodyContent
      ? { requestBody: { ...(body.required === true ? { required: true } : {}), content: bodyContent } }
      : {}),
    responses,
  };
}

function findPathOf(document: Node, item: Node): string | undefined {
  return Object.entries((document.paths ?? {}) as Node).find(
    ([, value]) => value === item || resolveRef(document, value) === item,
  )?.[0];
}

/** A `content` map with its media types cleaned (`application/json;charset=UTF-8` → `application/json`), one per base type. */
function copyContent(document: Node, content: Json | undefined, copier: SchemaCopier): Node | undefined {
  if (!isNode(content)) return undefined;
  const out: Node = {};
  for (const [type, media] of Object.entries(content)) {
    const base = mediaBase(type);
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

/** The method a user guesses (`list`, `get`, `create`, `update`, `delete`), else the summary in camel case; unique in the file. */
function sdkMethodFor(method: string, path: string, op: Node, schema: Node | undefined, taken: Set<string>): string {
  const item = path.endsWith('}');
  const listsItems = isNode(schema?.properties) && isNode(schema.properties.items);
  const standard =
    method === 'get'
      ? item
        ? 'get'
        : listsItems
          ? 'list'
          : undefined
      : method === 'post'
        ? item
          ? undefined
          : 'create'
        : method === 'put' || method === 'patch'
          ? item
            ? 'update'
            : undefined
          : method === 'delete'
            ? item
              ? 'delete'
              : undefined
            : undefined;
  if (standard && !taken.has(standard)) return standard;
  const literal = path
    .split('/')
    .filter((part) => part && !part.startsWith('{'))
    .join(' ');
  const text = typeof op.summary === 'string' && /[A-Za-z]/.test(op.summary) ? op.summary : `${method} ${literal}`;
  let name = camelCase(text.replace(/^[^A-Za-z]+/, ''));
  if (!/^[a-z]/.test(name)) name = `call${pascalCase(name)}`;
  return unique(name, taken);
}

/** Upstream's operationId when it is an identifier, else it in camel case (`List Room Tabs` → `listRoomTabs`), else method and tag; unique in the API. */
function operationIdFor(op: Node, sdkMethod: string, tag: string, taken: Set<string>): string {
  const raw = typeof op.operationId === 'string' ? op.operationId : '';
  if (/^[A-Za-z][A-Za-z0-9_]*$/.test(raw) && !taken.has(raw)) return raw;
  const camel = /[A-Za-z]/.test(raw) ? camelCase(raw.replace(/^[^A-Za-z]+/, '')) : '';
  if (camel && !taken.has(camel)) return camel;
  return unique(camelCase(`${sdkMethod} ${tag}`), taken);
}

function unique(name: string, taken: Set<string>): string {
  if (!taken.has(name)) return name;
  let n = 2;
  while (taken.has(`${name}${n}`)) n++;
  return `${name}${n}`;
}

/** Copies upstream nodes into our file: named schemas under a resource-prefixed name, every other `$ref` inlined. */
class SchemaCopier {
  /** New name → copied schema, in the order they were needed. */
  readonly copies = new Map<string, Json>();
  private readonly renamed = new Map<string, string>();

  constructor(
    private readonly prefix: string,
    private readonly taken: Set<string>,
  ) {}

  copy(document: Node, node: Json, inlining: ReadonlySet<string> = new Set()): Json {
    if (Array.isArray(node)) return node.map((child) => this.copy(document, child, inlining));
    if (!isNode(node)) return node;
    if (typeof node.$ref === 'string') {
      const match = SCHEMA_REF.exec(node.$ref);
      if (match) return { $ref: `#/components/schemas/${this.schema(document, decodeURIComponent(match[1]!))}` };
      if (inlining.has(node.$ref)) return {};
      const target = resolveRef(document, node);
      return target
        ? this.copy(document, target, new Set([...inlining, node.$ref]))
        : { description: `TODO: upstream $ref ${node.$ref} points at nothing.` };
    }
    const out: Node = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'example' || key === 'examples') out[key] = structuredClone(value);
      // Upstream quirk: `enum: { Members: [...] }`.
      else if (key === 'enum') out.enum = structuredClone(enumValues(node) ?? []);
      else out[key] = this.copy(document, value, inlining);
    }
    return out;
  }

  /** The name our file uses for an upstream component schema, copying it on first use. */
  private schema(document: Node, upstreamName: string): string {
    const known = this.renamed.get(upstreamName);
    if (known) return known;
    const base = pascalCase(upstreamName) || 'Schema';
    const name = unique(base.startsWith(this.prefix) ? base : `${this.prefix}${base}`, this.taken);
    this.taken.add(name);
    this.renamed.set(upstreamName, name);
    const source = ((document.components as Node | undefined)?.schemas as Node | undefined)?.[upstreamName];
    // Reserve the slot first so a schema that refers to itself finds its own name.
    this.copies.set(name, {});
    this.copies.set(
      name,
      source === undefined
        ? { description: `TODO: upstream schema ${upstreamName} is missing.` }
        : this.copy(document, source),
    );
    return name;
  }
}

function asArray(node: Json | undefined): Json[] {
  return Array.isArray(node) ? node : [];
}
