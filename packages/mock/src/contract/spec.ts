// The bundled OpenAPI document as the contract checks need it: $ref resolution and request → operation lookup.
import { readFileSync } from 'node:fs';
import { bundledSpecPath } from '../mock-server.js';
import { operationLabels } from './labels.js';

/** The JSON Schema keywords the Webex specs use (OpenAPI 3.1). */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
}

/** A parameter of an operation. */
interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

/** A response of an operation. */
export interface ResponseObject {
  headers?: Record<string, { schema?: Schema; $ref?: string }>;
  content?: Record<string, { schema?: Schema }>;
}

/** One operation of the spec with what the checks need. */
export interface Operation {
  /** `rooms.get`: the client's method name, `resource.method`. */
  label: string;
  operationId: string;
  method: string;
  /** The spec's path template, `/rooms/{roomId}`. */
  template: string;
  /** The SDK method name (`x-sdk-method`). */
  sdkMethod: string;
  hidden: boolean;
  parameters: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
  responses: Record<string, ResponseObject>;
  /** `x-sdk-paging` of list operations. */
  paging?: unknown;
}

interface RawOperation {
  operationId?: string;
  tags?: string[];
  'x-sdk-method'?: string;
  'x-sdk-hidden'?: boolean;
  'x-sdk-paging'?: unknown;
  parameters?: unknown[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

interface Route {
  operation: Operation;
  pattern: RegExp;
  names: string[];
  literalLength: number;
}

/** The spec, indexed for the checks. */
export class ContractSpec {
  readonly operations: Operation[] = [];
  private readonly routes: Route[] = [];

  /** `document`: the parsed OpenAPI document; the checks register it with their validator so refs resolve into it. */
  constructor(readonly document: Record<string, unknown>) {
    const labels = operationLabels();
    const paths = (document.paths ?? {}) as Record<string, Record<string, RawOperation> & { parameters?: unknown[] }>;
    for (const [template, item] of Object.entries(paths)) {
      for (const method of METHODS) {
        const raw = item[method];
        if (!raw || typeof raw !== 'object') continue;
        const sdkMethod = raw['x-sdk-method'] ?? raw.operationId ?? method;
        const fallback = `${camelCase(raw.tags?.[0] ?? 'api')}.${sdkMethod}`;
        const parameters = [...(item.parameters ?? []), ...(raw.parameters ?? [])].map((p) =>
          this.resolve(p as Parameter),
        );
        const responses = Object.fromEntries(
          Object.entries(raw.responses ?? {}).map(([status, r]) => [status, this.resolve(r as ResponseObject)]),
        );
        const operation: Operation = {
          label: labels.get(`${method} ${template}`) ?? fallback,
          operationId: raw.operationId ?? `${method} ${template}`,
          method: method.toUpperCase(),
          template,
          sdkMethod,
          hidden: raw['x-sdk-hidden'] === true,
          parameters,
          ...(raw.requestBody
            ? { requestBody: this.resolve(raw.requestBody as NonNullable<Operation['requestBody']>) }
            : {}),
          responses,
          paging: raw['x-sdk-paging'],
        };
        this.operations.push(operation);
        const names: string[] = [];
        const source = template
          .split(/(\{[^}]+\})/)
          .map((part) => {
            const param = /^\{([^}]+)\}$/.exec(part);
            if (!param) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
            names.push(param[1]!);
            return '([^/]+)';
          })
          .join('');
        this.routes.push({
          operation,
          pattern: new RegExp(`^${source}/?$`),
          names,
          literalLength: template.replace(/\{[^}]+\}/g, '').length,
        });
      }
    }
    // `/people/me` must win over `/people/{personId}`: fewer parameters first, then more literal text.
    this.routes.sort((a, b) => a.names.length - b.names.length || b.literalLength - a.literalLength);
  }

  /** Follows a local `$ref` (`#/components/...`), repeatedly; anything else is returned as is. */
  resolve<T>(value: T): T {
    let current: unknown = value;
    for (let hops = 0; hops < 32; hops++) {
      const ref = current && typeof current === 'object' ? (current as { $ref?: unknown }).$ref : undefined;
      if (typeof ref !== 'string' || !ref.startsWith('#/')) return current as T;
      current = ref
        .slice(2)
        .split('/')
        .map((part) => decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce<unknown>(
          (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
          this.document,
        );
    }
    return current as T;
  }

  /** The operation a request is for, with its path parameters; undefined when the spec has none for it. */
  find(method: string, pathname: string): { operation: Operation; pathParams: Record<string, string> } | undefined {
    for (const route of this.routes) {
      if (route.operation.method !== method.toUpperCase()) continue;
      const match = route.pattern.exec(pathname);
      if (!match) continue;
      const pathParams = Object.fromEntries(route.names.map((name, i) => [name, safeDecode(match[i + 1]!)]));
      return { operation: route.operation, pathParams };
    }
    return undefined;
  }

  /** The operation with this label (`rooms.get`). */
  byLabel(label: string): Operation | undefined {
    return this.operations.find((operation) => operation.label === label);
  }
}

/** Reads a spec file; the client's bundled spec by default. */
export function loadSpec(file: string = bundledSpecPath()): ContractSpec {
  return new ContractSpec(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>);
}

function camelCase(text: string): string {
  const pascal = (text.match(/[A-Za-z0-9]+/g) ?? []).map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
