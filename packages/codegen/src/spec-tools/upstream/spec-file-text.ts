import { Document, type Node as YamlNode, parseDocument, visit } from 'yaml';
import type { Json } from '../../load/bundle.js';
import type { Node } from './document.js';

/** One drafted operation and where it goes. */
export interface Draft {
  path: string;
  method: string;
  operation: Node;
}

/** What a new spec file starts with, above its paths. */
export interface NewFileHead {
  /** The comment on its first line. */
  comment: string;
  tag: string;
  /** `x-sdk-resource`, when the resource goes under a namespace. */
  resource?: string;
  /** `servers`, when its operations are not on webexapis.com. */
  servers?: Json[];
}

const STRINGIFY = { lineWidth: 0, singleQuote: true } as const;

/**
 * Strings a YAML 1.1 reader (Prism's, Redocly's, Python's) turns into something else: dates and date-times,
 * sexagesimal times (`12:30`), and yes/no/on/off. Our loader keeps them strings, but the files are read by
 * others too, so drafts write them quoted.
 */
const YAML11_SURPRISE =
  /^(?:\d{4}-\d{1,2}-\d{1,2}(?:$|[Tt\s])|[-+]?\d+(?::[0-5]?\d)+(?:\.\d*)?$|(?:y|n|yes|no|on|off)$)/i;

/** Marks every string scalar under `node` that a YAML 1.1 reader would not read as a string to be written quoted. */
function quoteSurprises(node: Document | YamlNode): void {
  visit(node, {
    Scalar(_key, scalar) {
      if (typeof scalar.value === 'string' && YAML11_SURPRISE.test(scalar.value)) scalar.type = 'QUOTE_SINGLE';
    },
  });
}

/** A value as a YAML node of `doc`, its surprising strings quoted. */
function quotedNode(doc: Document, value: Json): YamlNode {
  const node = doc.createNode(value) as YamlNode;
  quoteSurprises(node);
  return node;
}

/** YAML text of a mapping, indented to sit at the given depth of a file. */
function block(value: Node, indent: number): string {
  const doc = new Document(value);
  quoteSurprises(doc);
  const pad = ' '.repeat(indent);
  return doc
    .toString(STRINGIFY)
    .trimEnd()
    .split('\n')
    .map((line) => (line ? pad + line : line))
    .join('\n');
}

/** A new resource file holding the drafts. */
export function newResourceFile(head: NewFileHead, drafts: Draft[], schemas: Map<string, Json>): string {
  const yaml = new Document({
    openapi: '3.1.0',
    info: { title: `Webex ${head.tag}`, version: '1.0.0' },
    ...(head.resource ? { 'x-sdk-resource': head.resource } : {}),
    ...(head.servers ? { servers: head.servers } : {}),
    tags: [{ name: head.tag, description: '' }],
    paths: {},
  });
  for (const draft of drafts) yaml.setIn(['paths', draft.path, draft.method], draft.operation);
  for (const [name, schema] of schemas) yaml.setIn(['components', 'schemas', name], schema);
  quoteSurprises(yaml);
  yaml.commentBefore = ` ${head.comment}`;
  return yaml.toString(STRINGIFY);
}

/**
 * Our file with the drafts added: as text at the end of `paths:` and `components.schemas`, so the rest of the
 * file stays byte for byte as it was. A draft for a path the file already has goes through the YAML document
 * instead (which may re-space flow collections).
 */
export function addToResourceFile(text: string, drafts: Draft[], schemas: Map<string, Json>): string {
  const parsed = parseDocument(text);
  const existingPaths = drafts.filter((d) => parsed.hasIn(['paths', d.path]));
  if (existingPaths.length || !parsed.has('paths') || parsed.getIn(['paths']) === null) {
    for (const draft of drafts) parsed.setIn(['paths', draft.path, draft.method], quotedNode(parsed, draft.operation));
    for (const [name, schema] of schemas) parsed.setIn(['components', 'schemas', name], quotedNode(parsed, schema));
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
