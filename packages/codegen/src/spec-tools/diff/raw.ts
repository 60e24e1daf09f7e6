import type { Bundle, Json } from '../../load/bundle.js';
import { followRefs } from '../../load/refs.js';

/** A JSON object from the bundled document. */
export type Schema = { [key: string]: Json };

/** The HTTP methods an OpenAPI path item can hold. */
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** A node with its local `$ref` (to `#/components/…`) followed; undefined when it points at nothing or at a cycle. */
function deref(bundle: Bundle, node: Json | undefined): Schema | undefined {
  return followRefs(bundle.document, node);
}

/** Every operation in the bundle, hidden ones included, keyed `GET /rooms`. */
export function rawOperations(bundle: Bundle): Map<string, { path: string; method: string; item: Schema; op: Schema }> {
  const ops = new Map<string, { path: string; method: string; item: Schema; op: Schema }>();
  for (const [path, rawItem] of Object.entries((bundle.document.paths ?? {}) as Schema)) {
    const item = deref(bundle, rawItem);
    if (!item) continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (isObject(op)) ops.set(`${method.toUpperCase()} ${path}`, { path, method, item, op });
    }
  }
  return ops;
}

/** The schema of each parameter of an operation (path-level ones too) as written, keyed `query:max`. */
export function rawParameterSchemas(
  bundle: Bundle,
  item: Schema | undefined,
  op: Schema | undefined,
): Map<string, Schema> {
  const schemas = new Map<string, Schema>();
  for (const raw of [...asArray(item?.parameters), ...asArray(op?.parameters)]) {
    const param = deref(bundle, raw);
    const schema = param?.schema;
    if (param && isObject(schema)) schemas.set(`${param.in as string}:${param.name as string}`, schema);
  }
  return schemas;
}

/** The inline properties of an object schema, its own and those of inline `allOf` members. */
export function rawProperties(schema: Schema): Map<string, Schema> {
  const props = new Map<string, Schema>();
  const collect = (node: Schema) => {
    for (const [name, prop] of Object.entries((node.properties ?? {}) as Schema))
      if (isObject(prop)) props.set(name, prop);
    for (const member of asArray(node.allOf)) if (isObject(member) && typeof member.$ref !== 'string') collect(member);
  };
  collect(schema);
  return props;
}

/** JSON text with sorted keys, leaving out the keys given (docs, examples), so order and prose do not count. */
export function canonical(node: Json | undefined, omit: ReadonlySet<string> = new Set()): string {
  const sort = (value: Json | undefined): Json | undefined => {
    if (Array.isArray(value)) return value.map((v) => sort(v) ?? null);
    if (!isObject(value)) return value;
    const keys = Object.keys(value)
      .filter((k) => !omit.has(k))
      .sort();
    return Object.fromEntries(keys.map((k) => [k, sort(value[k]) ?? null]));
  };
  return JSON.stringify(sort(node)) ?? 'undefined';
}

/** Whether a node is a JSON object (not an array). */
export function isObject(node: Json | undefined): node is Schema {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

function asArray(node: Json | undefined): Json[] {
  return Array.isArray(node) ? node : [];
}
