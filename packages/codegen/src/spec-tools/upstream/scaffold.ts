import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Json } from '../../load/bundle.js';
import { camelCase, pascalCase, singular } from '../../ir/names.js';
import type { OperationRef, TheirOperation, UpstreamComparison } from './compare.js';
import { isNode, type Node, resolveRef, type UpstreamDocument } from './document.js';
import { draftOperation } from './draft-operation.js';
import { collectionPath } from './method-names.js';
import { type PublicDocument, publicDocumentOf } from './public-documents.js';
import { SchemaCopier } from './schema-copier.js';
import { addToResourceFile, type Draft, type NewFileHead, newResourceFile } from './spec-file-text.js';

/** One spec file `--scaffold` wrote. */
export interface ScaffoldedFile {
  /** Relative to the specs folder, e.g. `devices/workspaces.yaml`. */
  file: string;
  created: boolean;
  /** The drafted operations, `GET /workspaces` each. */
  operations: string[];
}

/** Which of the operations only upstream has to draft; each list empty or absent means all. */
export interface ScaffoldFilter {
  /** Documents, each as given on the command line, by file name (with or without extension) or by area. */
  documents?: string[];
  /** Upstream tags, as written or in kebab case (`Skill Profile`, `skill-profile`). */
  tags?: string[];
}

const METHOD_ORDER = ['get', 'post', 'put', 'delete', 'patch'];

/** `API - Domain Management` → `api-domain-management`. */
export function kebabCase(text: string): string {
  return (text.match(/[A-Za-z0-9]+/g) ?? ['resource']).map((word) => word.toLowerCase()).join('-');
}

/** Whether a document is one the filter names. */
export function documentMatches(doc: UpstreamDocument, names: readonly string[]): boolean {
  const file = basename(doc.file);
  const candidates = [doc.file, file, basename(file, extname(file)), publicDocumentOf(doc).area];
  return names.some((name) => candidates.includes(name));
}

/** Whether a tag is one the filter names. */
export function tagMatches(tag: string, names: readonly string[]): boolean {
  return names.some((name) => name.toLowerCase() === tag.toLowerCase() || name === kebabCase(tag));
}

/**
 * Writes a first draft of every operation only upstream has (that the filter selects): into our spec file that
 * holds operations of the same tag (added under `paths:`), else into a new `specs/<area>/<tag>.yaml`, the area
 * being the document's. Each drafted operation carries `x-draft: true`; the schemas it uses are copied under
 * resource-prefixed names.
 */
export function scaffoldDrafts(
  comparison: UpstreamComparison,
  rootFile: string,
  filter: ScaffoldFilter = {},
): ScaffoldedFile[] {
  const specDir = dirname(rootFile);
  const { bundle, ours, result } = comparison;
  const schemaNames = new Set(Object.keys(((bundle.document.components ?? {}) as Node).schemas ?? {}));
  const operationIds = new Set([...ours.values()].flatMap((op) => (op.operationId ? [op.operationId] : [])));
  const resourceNames = new Set([...ours.values()].map((op) => basename(op.file)));
  const ourPaths = new Map([...ours.values()].map((op) => [pathKeyOf(op.key), op.path]));
  const written: ScaffoldedFile[] = [];

  for (const report of result.resources) {
    const tag = report.resource;
    if (filter.tags?.length && !tagMatches(tag, filter.tags)) continue;
    const wanted = report.onlyUpstream
      .map((ref) => ({ doc: documentOf(comparison.documents, ref), their: theirOperation(comparison.theirs, ref) }))
      .filter(({ doc, their }) => their && (!filter.documents?.length || documentMatches(doc, filter.documents)))
      // Path by path, and on a path PUT before PATCH, which names `update` when both are there.
      .sort(
        (a, b) =>
          a.their!.path.localeCompare(b.their!.path) ||
          METHOD_ORDER.indexOf(a.their!.method) - METHOD_ORDER.indexOf(b.their!.method),
      );
    if (!wanted.length) continue;
    const known = publicDocumentOf(wanted[0]!.doc);
    const holders = [...ours.values()].filter((op) => op.tags.includes(tag)).map((op) => op.file);
    const existing = mostCommon(holders);
    let file = existing !== undefined ? `${existing}.yaml` : `${known.area}/${kebabCase(tag)}.yaml`;
    if (existing === undefined && resourceNames.has(basename(file, '.yaml')) && !existsSync(join(specDir, file))) {
      // A resource's file name is unique across areas: pick one the generator accepts.
      file = file.replace(/\.yaml$/, `-${known.area}.yaml`);
    }
    const path = join(specDir, file);
    const created = !existsSync(path);
    const inFile = [...ours.values()].filter((op) => `${op.file}.yaml` === file);
    const methodsTaken = new Set(
      inFile.flatMap((op) => {
        const raw = rawOperation(bundle.document as Node, op.rawPath, op.method);
        return typeof raw?.['x-sdk-method'] === 'string' ? [raw['x-sdk-method']] : [];
      }),
    );
    const copier = new SchemaCopier(pascalCase(tag), schemaNames);
    // Where we already have this path under other parameter names, the draft uses ours.
    const draftPath = (their: TheirOperation) => ourPaths.get(pathKeyOf(their.key)) ?? their.path;
    const context = {
      tag,
      copier,
      collection: collectionPath([...inFile.map((op) => op.path), ...wanted.map(({ their }) => draftPath(their!))]),
      resourceWords: resourceWordsOf(tag, known),
      methodsTaken,
      operationIds,
    };
    const drafts: Draft[] = [];
    for (const { doc, their } of wanted) {
      const item = resolveRef(doc.document, ((doc.document.paths ?? {}) as Node)[their!.rawPath]);
      const op = item?.[their!.method];
      if (!item || !isNode(op)) continue;
      const upstream = {
        document: doc.document,
        item,
        op,
        method: their!.method,
        upstreamPath: their!.path,
        path: draftPath(their!),
      };
      drafts.push({ path: upstream.path, method: upstream.method, operation: draftOperation(upstream, context) });
    }
    const text = created
      ? newResourceFile(newFileHead(tag, known, wanted[0]!.doc), drafts, copier.copies)
      : addToResourceFile(readFileSync(path, 'utf8'), drafts, copier.copies);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    written.push({ file, created, operations: drafts.map((d) => `${d.method.toUpperCase()} ${d.path}`) });
    resourceNames.add(basename(file, '.yaml'));
  }
  return written;
}

/** The top of a new spec file: for a document of a new area, a resource under its namespace and its server. */
function newFileHead(tag: string, known: PublicDocument, doc: UpstreamDocument): NewFileHead {
  const namespace = known.namespace;
  const own = (tag.match(/[A-Za-z0-9]+/g) ?? [])
    .map((word) => word.toLowerCase())
    .filter((word) => word !== namespace?.toLowerCase());
  return {
    comment: `${tag}: drafted by webex-codegen upstream from ${basename(doc.file)}; curate each x-draft operation (specs/README.md), then remove x-draft.`,
    tag,
    ...(namespace ? { resource: `${namespace}.${camelCase(own.join(' ') || tag)}` } : {}),
    ...(known.server ? { servers: [{ ...known.server } as unknown as Json] } : {}),
  };
}

/** The words a resource's method names leave out: its tag's and its namespace's, lower case and singular. */
function resourceWordsOf(tag: string, known: PublicDocument): Set<string> {
  const words = `${tag} ${known.namespace ?? ''}`.match(/[A-Za-z0-9]+/g) ?? [];
  return new Set(words.map((word) => singular(word.toLowerCase())));
}

/** `GET [contact-center]/v1/tasks/{}` → `[contact-center]/v1/tasks/{}`: the same path whatever the method. */
function pathKeyOf(key: string): string {
  return key.slice(key.indexOf(' ') + 1);
}

function documentOf(documents: UpstreamDocument[], ref: OperationRef): UpstreamDocument {
  return documents.find((d) => d.file === ref.document) ?? documents[0]!;
}

/** The upstream operation an only-upstream reference stands for. */
function theirOperation(theirs: TheirOperation[], ref: OperationRef): TheirOperation | undefined {
  return theirs.find(
    (op) => op.document === ref.document && op.method.toUpperCase() === ref.method && op.path === ref.path,
  );
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
