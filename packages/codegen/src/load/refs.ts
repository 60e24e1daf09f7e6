import type { Json } from './bundle.js';
import { SpecError } from './bundle.js';
import type { MaybeRef, OpenApiDocument, Reference } from './openapi.js';

/** A JSON object of a spec document. */
export type JsonObject = { [key: string]: Json };

const isObject = (node: unknown): node is JsonObject =>
  typeof node === 'object' && node !== null && !Array.isArray(node);

const isReference = (node: unknown): node is Reference => isObject(node) && typeof node.$ref === 'string';

/** The node a local JSON pointer (`#/components/schemas/Room`) names in the document, if any. */
function resolvePointer(document: object, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = document;
  for (const raw of ref.slice(2).split('/')) {
    const part = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    node = isObject(node) ? node[part] : undefined;
  }
  return node;
}

/**
 * A node with its local `$ref`s followed, the one resolver the generator and
 * the diff share; undefined when a ref points at nothing or the refs go round in a cycle.
 */
export function followRefs(document: object, node: unknown): JsonObject | undefined {
  const seen = new Set<string>();
  let current = node;
  while (isObject(current) && typeof current.$ref === 'string') {
    if (seen.has(current.$ref)) return undefined;
    seen.add(current.$ref);
    current = resolvePointer(document, current.$ref);
  }
  return isObject(current) ? current : undefined;
}

/**
 * A node of the typed document with its `$ref`s followed (by followRefs); a node that is no ref
 * comes back as it is. A ref to nothing, or a cycle of refs, is a SpecError.
 */
export function deref<T extends object>(document: OpenApiDocument, node: MaybeRef<T>): T {
  if (!isReference(node)) return node;
  const target = followRefs(document, node);
  if (!target) throw new SpecError(`unresolved or cyclic $ref ${node.$ref}`);
  // A ref is taken to point at the kind of node it stands in for, as the specs write them:
  // `#/components/parameters/…` for a parameter, `#/components/schemas/…` for a schema.
  return target as T;
}
