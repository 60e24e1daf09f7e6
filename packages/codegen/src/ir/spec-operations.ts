import type { Bundle } from '../load/bundle.js';
import type { OpenApiDocument, Operation, Parameter } from '../load/openapi.js';
import { deref } from '../load/refs.js';
import type { IrOperation } from './types.js';

/** The HTTP methods the client makes methods for, in the order a resource lists them. */
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const satisfies IrOperation['httpMethod'][];

/** One operation as the bundle holds it, with where it comes from: what every later stage starts from. */
export interface SpecOperation {
  path: string;
  httpMethod: IrOperation['httpMethod'];
  operation: Operation;
  /** Its parameters with those of its path item, refs followed; its own replace a path's of the same `in` and name. */
  parameters: Parameter[];
  /** The spec file, relative to the specs folder, without extension: `messaging/rooms`. */
  source: string;
  /** The server the operation, its path or its spec file declares; none for the API's default. */
  server?: string;
}

/** Every operation of the bundle, path by path (the bundle sorts them), in the order of {@link HTTP_METHODS}. */
export function specOperations(bundle: Bundle, doc: OpenApiDocument): SpecOperation[] {
  const found: SpecOperation[] = [];
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = deref(doc, rawItem);
    const shared = (item.parameters ?? []).map((p) => deref(doc, p));
    for (const httpMethod of HTTP_METHODS) {
      const operation = item[httpMethod];
      if (!operation) continue;
      const source = bundle.operationSources.get(`${httpMethod} ${path}`) ?? bundle.pathSources.get(path) ?? 'webex';
      const byKey = new Map<string, Parameter>();
      for (const p of [...shared, ...(operation.parameters ?? []).map((p) => deref(doc, p))]) {
        byKey.set(`${p.in}:${p.name}`, p);
      }
      const server = operation.servers?.[0]?.url ?? item.servers?.[0]?.url ?? bundle.fileServers.get(source);
      found.push({
        path,
        httpMethod,
        operation,
        parameters: [...byKey.values()],
        source,
        ...(server !== undefined ? { server } : {}),
      });
    }
  }
  return found;
}

/** How an error names an operation: its spec file and operationId (or method and path, when it has none). */
export function operationPlace(op: SpecOperation): string {
  const id = op.operation.operationId ?? `${op.httpMethod.toUpperCase()} ${op.path}`;
  return `${op.source}.yaml (${id})`;
}
