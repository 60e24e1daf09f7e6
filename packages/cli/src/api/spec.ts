// Reads the spec the client was generated from: parameters and bodies of every operation.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** A path, query or header parameter of one operation. */
export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  /** The schema's type (`string`, `integer`, `number`, `boolean`, `array`); `string` when the spec gives none. */
  type: string;
  /** For arrays: the type of the items. */
  itemType?: string;
}

/** What the spec says about one operation. */
export interface OperationSpec {
  summary: string;
  parameters: Parameter[];
  /** Whether it takes a request body, and whether it must have one. */
  body: 'none' | 'optional' | 'required';
}

type Json = Record<string, unknown>;

/** The bundled spec shipped with `@webex-ts/client`, parsed. */
export function loadSpec(): Json {
  const path = createRequire(import.meta.url).resolve('@webex-ts/client/openapi.json');
  return JSON.parse(readFileSync(path, 'utf8')) as Json;
}

/** The operation at `method path`, or undefined when the spec has none there. */
export function operationSpec(spec: Json, method: string, path: string): OperationSpec | undefined {
  const item = (spec.paths as Record<string, Json | undefined>)[path];
  const operation = item?.[method] as Json | undefined;
  if (!item || !operation) return undefined;
  // Operation-level parameters override path-level ones of the same name and place.
  const byKey = new Map<string, Parameter>();
  for (const raw of [...((item.parameters as Json[]) ?? []), ...((operation.parameters as Json[]) ?? [])]) {
    const parameter = toParameter(spec, resolve(spec, raw));
    if (parameter) byKey.set(`${parameter.in}:${parameter.name}`, parameter);
  }
  const requestBody = operation.requestBody ? resolve(spec, operation.requestBody as Json) : undefined;
  return {
    summary: typeof operation.summary === 'string' ? operation.summary : '',
    parameters: [...byKey.values()],
    body: !requestBody ? 'none' : requestBody.required ? 'required' : 'optional',
  };
}

function toParameter(spec: Json, raw: Json): Parameter | undefined {
  const place = raw.in;
  if (place !== 'path' && place !== 'query' && place !== 'header') return undefined;
  const schema = resolve(spec, (raw.schema as Json) ?? {});
  const type = typeof schema.type === 'string' ? schema.type : 'string';
  const parameter: Parameter = {
    name: String(raw.name),
    in: place,
    required: raw.required === true || place === 'path',
    type,
  };
  if (type === 'array') {
    const items = resolve(spec, (schema.items as Json) ?? {});
    parameter.itemType = typeof items.type === 'string' ? items.type : 'string';
  }
  return parameter;
}

/** Follows local `$ref`s (`#/components/…`) to the object they point at. */
function resolve(spec: Json, value: Json): Json {
  let current = value;
  for (let hops = 0; typeof current.$ref === 'string'; hops++) {
    if (hops > 20) throw new Error(`$ref loop at ${String(current.$ref)}`);
    let target: unknown = spec;
    for (const part of current.$ref.replace(/^#\//, '').split('/'))
      target = (target as Json | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (!target || typeof target !== 'object') throw new Error(`the spec has nothing at ${current.$ref}`);
    current = target as Json;
  }
  return current;
}
