import type { Json } from './bundle.js';

/** A JSON object of a spec document. */
export type JsonObject = { [key: string]: Json };

const isObject = (node: Json | undefined): node is JsonObject =>
  typeof node === 'object' && node !== null && !Array.isArray(node);

/** The node a local JSON pointer (`#/components/schemas/Room`) names in the document, if any. */
function resolvePointer(document: Json, ref: string): Json | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: Json | undefined = document;
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
export function followRefs(document: Json, node: Json | undefined): JsonObject | undefined {
  const seen = new Set<string>();
  let current = node;
  while (isObject(current) && typeof current.$ref === 'string') {
    if (seen.has(current.$ref)) return undefined;
    seen.add(current.$ref);
    current = resolvePointer(document, current.$ref);
  }
  return isObject(current) ? current : undefined;
}
