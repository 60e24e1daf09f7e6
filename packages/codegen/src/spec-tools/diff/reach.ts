import type { IrType } from '../../ir/types.js';
import type { Json } from '../../load/bundle.js';
import type { Direction, SpecVersion } from './change.js';
import { isObject, rawOperations } from './raw.js';

const SCHEMA_REF = '#/components/schemas/';

/** Which way each named type flows, from the operations (hidden ones too) of every version given. */
export function typeDirections(versions: readonly SpecVersion[]): (name: string) => Direction {
  const reached = { request: new Set<string>(), response: new Set<string>() };
  for (const { bundle, ir } of versions) {
    const named = new Map(ir.types.map((t) => [t.name, t.type]));
    const components = ((bundle.document.components ?? {}) as Record<string, Record<string, Json>>).schemas ?? {};
    for (const direction of ['request', 'response'] as const) {
      const seen = new Set<string>();
      const queue: string[] = [];
      const visitedRefs = new Set<string>();
      const mark = (name: string) => {
        if (seen.has(name)) return;
        seen.add(name);
        queue.push(name);
      };
      const walk = (node: Json | undefined): void => {
        if (Array.isArray(node)) {
          for (const item of node) walk(item);
          return;
        }
        if (!isObject(node)) return;
        const ref = node.$ref;
        if (typeof ref === 'string') {
          if (ref.startsWith(SCHEMA_REF)) mark(ref.slice(SCHEMA_REF.length));
          else if (!visitedRefs.has(ref)) {
            // Shared parameters, request bodies and responses lead on to schemas.
            visitedRefs.add(ref);
            const [, kind, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(ref) ?? [];
            walk(
              kind && name
                ? (bundle.document.components as Record<string, Record<string, Json>>)[kind]?.[name]
                : undefined,
            );
          }
          return;
        }
        for (const [key, value] of Object.entries(node)) if (key !== 'example' && key !== 'examples') walk(value);
      };
      for (const { item, op } of rawOperations(bundle).values()) {
        if (direction === 'request') walk([item.parameters ?? null, op.parameters ?? null, op.requestBody ?? null]);
        else walk(op.responses);
      }
      // Inline parts the IR gave names of their own are reached through the IR, not the raw schemas.
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
        walk(components[name]);
        const type = named.get(name);
        if (type) for (const ref of refsOf(type)) mark(ref);
      }
      for (const name of seen) reached[direction].add(name);
    }
  }
  // Reached from both sides or from none: `both`, the stricter reading.
  return (name) => {
    const [request, response] = [reached.request.has(name), reached.response.has(name)];
    return request && !response ? 'request' : response && !request ? 'response' : 'both';
  };
}

function refsOf(type: IrType): string[] {
  switch (type.kind) {
    case 'ref':
      return [type.name];
    case 'array':
      return refsOf(type.items);
    case 'object':
      return [
        ...type.properties.flatMap((p) => refsOf(p.type)),
        ...(type.additionalProperties ? refsOf(type.additionalProperties) : []),
      ];
    case 'union':
    case 'intersection':
      return type.members.flatMap(refsOf);
    default:
      return [];
  }
}
