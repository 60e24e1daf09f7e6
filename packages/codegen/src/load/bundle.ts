import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
// js-yaml for reading, though the scaffold keeps `yaml` to edit spec files with their comments: reading every spec is
// the generator's first step, and js-yaml parses them about three times as fast (0.1 s against 0.35 s for all
// specs), which keeps `pnpm generate` within twice openapi-typescript's time. The core schema, as `yaml` reads:
// a date stays the string it was written as.
import { CORE_SCHEMA, load as parseYaml } from 'js-yaml';
import { hostOfServer } from './hosts.js';
import type { OpenApiDocument } from './openapi.js';

/** A JSON value as read from a spec file. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** One OpenAPI document with every `$ref` local, and where each piece came from. */
export interface Bundle {
  document: JsonObject;
  /** Spec file (relative to the root document's folder, without extension) of each path. */
  pathSources: Map<string, string>;
  /** Spec file of each operation, keyed `get /rooms`. */
  operationSources: Map<string, string>;
  /** Top-level `x-sdk-*` settings of each resource file (`x-sdk-resource`), by spec file. */
  fileSettings: Map<string, Record<string, Json>>;
  /** Spec file of each component, keyed `schemas/Room`. */
  componentSources: Map<string, string>;
  /** The server URL a resource file declares at its top level (`servers[0].url`), by spec file; the root's is the default. */
  fileServers: Map<string, string>;
  /** The hosts the root's `x-sdk-hosts` names (to give their own standard error responses). */
  hosts: Set<string>;
}

/**
 * The bundled document as the OpenAPI model the IR builder reads: the one place the specs' JSON is
 * taken for OpenAPI without a check. bundleSpecs has built its `paths`, `components` and `tags`;
 * the rest is as the root spec wrote it. The same document, written to `openapi.json`, is checked
 * against OpenAPI 3.1 by `pnpm lint:specs` (Redocly's `struct` rule), and the IR builder checks what
 * spec authors write by hand (the `x-sdk-*` settings, enum values) where it reads them.
 */
export function openApiDocument(bundle: Bundle): OpenApiDocument {
  const document: unknown = bundle.document;
  return document as OpenApiDocument;
}

/** Thrown when the specs cannot be bundled: a broken `$ref` or a name defined twice. */
export class SpecError extends Error {
  override name = 'SpecError';
}

const COMPONENT_POINTER = /^\/components\/([^/]+)\/([^/]+)$/;

/** The file-level key that opens every enum of a spec file (specs/README.md, "Open enums"). */
const OPEN_ENUMS = 'x-sdk-open-enums';
/**
 * The mark the bundle puts on each enum of a file with {@link OPEN_ENUMS}, so that the enum stays open wherever it is
 * used, `$ref`'d from another file too. An author may also write it on one enum.
 */
export const OPEN_ENUM = 'x-sdk-open-enum';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Every resource file under the specs folder: all `*.yaml` but the root and `components/`, sorted. */
function discoverSpecFiles(specDir: string, rootPath: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (path !== join(specDir, 'components')) walk(path);
      } else if (/\.ya?ml$/.test(entry.name) && path !== rootPath) {
        found.push(path);
      }
    }
  };
  walk(specDir);
  return found;
}

/**
 * Bundles a root OpenAPI document and the files it refers to into one document.
 * Components keep their names (they must be unique across files) and come out sorted,
 * so the same specs always give the same bundle.
 */
export function bundleSpecs(rootFile: string): Bundle {
  const rootPath = resolve(rootFile);
  const specDir = dirname(rootPath);
  const files = new Map<string, JsonObject>();
  const components: Record<string, Record<string, Json>> = {};
  const componentSources = new Map<string, string>();
  const pathSources = new Map<string, string>();

  const sourceName = (file: string) => relative(specDir, file).slice(0, -extname(file).length);

  function load(file: string): JsonObject {
    let doc = files.get(file);
    if (!doc) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        throw new SpecError(`cannot read spec file ${relative(specDir, file)}`);
      }
      try {
        doc = parseYaml(text, { schema: CORE_SCHEMA }) as JsonObject;
      } catch (error) {
        // The parser's message says the line and column, and shows the line.
        throw new SpecError(`cannot parse spec file ${relative(specDir, file)}: ${(error as Error).message.trimEnd()}`);
      }
      const open = doc?.[OPEN_ENUMS];
      if (open !== undefined && typeof open !== 'boolean') {
        throw new SpecError(
          `${relative(specDir, file)}: ${OPEN_ENUMS} must be true or false (got ${JSON.stringify(open)})`,
        );
      }
      files.set(file, doc);
    }
    return doc;
  }

  function resolvePointer(file: string, pointer: string): Json {
    let node: Json = load(file);
    for (const raw of pointer.split('/').slice(1)) {
      const part = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
      if (node === null || typeof node !== 'object' || !(part in node)) {
        throw new SpecError(`$ref ${basename(file)}#${pointer} points at nothing`);
      }
      node = (node as JsonObject)[part] as Json;
    }
    return node;
  }

  function splitRef(ref: string, fromFile: string): [file: string, pointer: string] {
    const hash = ref.indexOf('#');
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    const pointer = hash === -1 ? '' : ref.slice(hash + 1);
    return [filePart ? resolve(dirname(fromFile), filePart) : fromFile, pointer];
  }

  function register(kind: string, name: string, file: string, node?: Json): void {
    const key = `${kind}/${name}`;
    // Read first: a `$ref` to a file that is not there says so, rather than that the name is defined twice.
    if (node === undefined) resolvePointer(file, `/components/${kind}/${name}`);
    const known = componentSources.get(key);
    if (known !== undefined) {
      if (known !== sourceName(file)) {
        throw new SpecError(
          `component ${key} is defined in both ${known} and ${sourceName(file)}; names must be unique`,
        );
      }
      return;
    }
    componentSources.set(key, sourceName(file));
    const target = node ?? resolvePointer(file, `/components/${kind}/${name}`);
    components[kind] ??= {};
    components[kind][name] = rewrite(target, file);
  }

  /**
   * Copies a node, turning every `$ref` into a local one and registering what it points at, and marking each enum
   * of strings of a file whose enums are open.
   */
  function rewrite(node: Json, file: string): Json {
    if (Array.isArray(node)) return node.map((item) => rewrite(item, file));
    if (node === null || typeof node !== 'object') return node;
    const ref = node.$ref;
    if (typeof ref === 'string') {
      const [targetFile, pointer] = splitRef(ref, file);
      const match = COMPONENT_POINTER.exec(pointer);
      if (match) {
        const [, kind, name] = match as unknown as [string, string, string];
        register(kind, name, targetFile);
        return { ...node, $ref: `#/components/${kind}/${name}` };
      }
      // Anything else (a path item in another file, say) is inlined.
      const { $ref: _ignored, ...siblings } = node;
      const target = rewrite(resolvePointer(targetFile, pointer), targetFile);
      return typeof target === 'object' && target !== null && !Array.isArray(target)
        ? { ...target, ...siblings }
        : target;
    }
    const copy: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      // Examples are data, not schema: a `$ref` key inside one is kept as it is. Servers hold no `$ref`, and the
      // `enum` of a server variable is no schema to open.
      copy[key] = ['example', 'examples', 'servers'].includes(key) ? structuredClone(value) : rewrite(value, file);
    }
    if (isOpenEnum(copy) && load(file)[OPEN_ENUMS] === true) copy[OPEN_ENUM] = true;
    return copy;
  }

  const fileServers = new Map<string, string>();
  /** Notes the server a resource file declares, if it declares one. */
  function noteServer(file: string, doc: JsonObject): void {
    const first = Array.isArray(doc.servers) ? doc.servers[0] : undefined;
    if (first && typeof first === 'object' && !Array.isArray(first) && typeof first.url === 'string')
      fileServers.set(sourceName(file), first.url);
  }

  const root = load(rootPath);
  const paths: JsonObject = {};
  const operationSources = new Map<string, string>();
  const fileSettings = new Map<string, Record<string, Json>>();
  const tags = new Map<string, Json>();
  for (const tag of (root.tags ?? []) as JsonObject[]) tags.set(tag.name as string, tag);
  const standard = (root['x-standard-responses'] ?? {}) as JsonObject;
  const hosts = new Set<string>();
  /** Each host's own standard error responses, where it gives them; the root's otherwise. */
  const hostStandard = new Map<string, JsonObject>();
  for (const [host, raw] of Object.entries(isObject(root['x-sdk-hosts']) ? root['x-sdk-hosts'] : {})) {
    hosts.add(host);
    if (isObject(raw) && isObject(raw['x-standard-responses'])) hostStandard.set(host, raw['x-standard-responses']);
  }

  /**
   * Adds one file's path item to the bundle, operation by operation, with the standard error responses of the file's
   * host, and the file's `servers` on the path item, so that the bundled document says where each path is served.
   */
  function addPathItem(
    path: string,
    item: JsonObject,
    source: string,
    fileDoc?: { 'x-sdk-host': Json; servers: Json },
  ): void {
    const name = sourceName(source);
    paths[path] ??= {};
    const target = paths[path] as JsonObject;
    if (!pathSources.has(path)) pathSources.set(path, name);
    const errors = (fileDoc ? hostStandard.get(fileHost(fileDoc)) : undefined) ?? standard;
    if (Array.isArray(fileDoc?.servers) && !('servers' in item))
      item = { servers: structuredClone(fileDoc.servers), ...item };
    for (const [key, value] of Object.entries(item)) {
      if (!HTTP_METHODS.includes(key)) {
        if (key in target && JSON.stringify(target[key]) !== JSON.stringify(value)) {
          throw new SpecError(
            `${path}: ${key} differs between ${pathSources.get(path)} and ${name}; declare it on each operation instead`,
          );
        }
        target[key] = value;
        continue;
      }
      const operationKey = `${key} ${path}`;
      const known = operationSources.get(operationKey);
      if (known !== undefined) {
        throw new SpecError(
          `${key.toUpperCase()} ${path} is defined in both ${known} and ${name}; an operation belongs to one resource`,
        );
      }
      operationSources.set(operationKey, name);
      const operation = value as JsonObject;
      const responses = { ...((operation.responses ?? {}) as JsonObject) };
      for (const [status, response] of Object.entries(errors)) {
        if (!(status in responses)) responses[status] = rewrite(response, rootPath);
      }
      target[key] = { ...operation, responses };
    }
  }

  const referenced = new Set<string>();
  for (const [path, item] of Object.entries((root.paths ?? {}) as JsonObject)) {
    let source = rootPath;
    let target: Json = item;
    if (item && typeof item === 'object' && !Array.isArray(item) && typeof item.$ref === 'string') {
      const [file, pointer] = splitRef(item.$ref, rootPath);
      source = file;
      referenced.add(file);
      target = resolvePointer(file, pointer);
      noteServer(file, load(file));
    }
    addPathItem(path, rewrite(target, source) as JsonObject, source);
  }

  for (const file of discoverSpecFiles(specDir, rootPath)) {
    if (referenced.has(file)) continue;
    const doc = load(file);
    const filePaths = doc.paths as JsonObject | undefined;
    if (!filePaths || typeof filePaths !== 'object' || Object.keys(filePaths).length === 0) {
      throw new SpecError(
        `${sourceName(file)}.yaml has no paths: a resource file describes operations; shared pieces go in components/`,
      );
    }
    const settings = Object.fromEntries(Object.entries(doc).filter(([key]) => key.startsWith('x-sdk-')));
    if (Object.keys(settings).length) fileSettings.set(sourceName(file), settings);
    noteServer(file, doc);
    for (const tag of (doc.tags ?? []) as JsonObject[])
      if (!tags.has(tag.name as string)) tags.set(tag.name as string, tag);
    const where = { 'x-sdk-host': doc['x-sdk-host'] ?? null, servers: doc.servers ?? null };
    for (const [path, item] of Object.entries(filePaths))
      addPathItem(path, rewrite(item, file) as JsonObject, file, where);
  }

  const sortedPaths = Object.fromEntries(
    Object.keys(paths)
      .sort()
      .map((path) => [path, paths[path]!]),
  );

  for (const [kind, entries] of Object.entries((root.components ?? {}) as Record<string, JsonObject>)) {
    for (const [name, node] of Object.entries(entries)) {
      if (node && typeof node === 'object' && !Array.isArray(node) && typeof node.$ref === 'string') {
        const [file, pointer] = splitRef(node.$ref, rootPath);
        register(kind, name, file, resolvePointer(file, pointer));
      } else {
        register(kind, name, rootPath, node);
      }
    }
  }

  const sortedComponents: JsonObject = {};
  for (const kind of Object.keys(components).sort()) {
    const entries = components[kind]!;
    sortedComponents[kind] = Object.fromEntries(
      Object.keys(entries)
        .sort()
        .map((name) => [name, entries[name]!]),
    );
  }

  const {
    paths: _paths,
    components: _components,
    tags: _tags,
    'x-standard-responses': _standard,
    'x-sdk-hosts': _hosts,
    ...rest
  } = root;
  const allTags = [...tags.values()].sort((a, b) => ((a as JsonObject).name! < (b as JsonObject).name! ? -1 : 1));
  return {
    document: { ...rest, tags: allTags, paths: sortedPaths, components: sortedComponents },
    pathSources,
    operationSources,
    componentSources,
    fileSettings,
    fileServers,
    hosts,
  };
}

/** The host a resource file names (`x-sdk-host`), else the one whose server it declares; `''` for the root's. */
function fileHost(fileDoc: { 'x-sdk-host': Json; servers: Json }): string {
  if (typeof fileDoc['x-sdk-host'] === 'string') return fileDoc['x-sdk-host'];
  const first = Array.isArray(fileDoc.servers) ? fileDoc.servers[0] : undefined;
  return hostOfServer(isObject(first) && typeof first.url === 'string' ? first.url : undefined) ?? '';
}

/** An enum of strings (null aside) the file's `x-sdk-open-enums` opens; numbers and booleans stay closed. */
function isOpenEnum(node: JsonObject): boolean {
  const values = node.enum;
  return (
    Array.isArray(values) &&
    values.some((value) => typeof value === 'string') &&
    values.every((value) => value === null || typeof value === 'string')
  );
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
