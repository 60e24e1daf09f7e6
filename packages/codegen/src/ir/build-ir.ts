import { basename } from 'node:path';
import type { Bundle } from '../load/bundle.js';
import { openApiDocument, SpecError } from '../load/bundle.js';
import type { Operation, Parameter, SchemaObject, SdkPaging, SdkPagingConfig } from '../load/openapi.js';
import { deref } from '../load/refs.js';
import { camelCase, pascalCase, singular } from './names.js';
import type {
  IrDocs,
  IrModel,
  IrNamedType,
  IrOperation,
  IrPaging,
  IrParameter,
  IrProperty,
  IrResource,
  IrScalarType,
  IrSimpleType,
  IrType,
} from './types.js';

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
/** The names each paging strategy pages by, where `x-sdk-paging` does not give them. */
const PAGING_DEFAULTS = {
  link: { items: 'items' },
  offset: { offset: 'offset', limit: 'max', items: 'items' },
  scim: { startIndex: 'startIndex', count: 'count', total: 'totalResults', items: 'Resources' },
} as const satisfies { [C in SdkPagingConfig as C['strategy']]: Required<Omit<C, 'strategy'>> };
const PROPERTY = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)?$/;

/** Turns a bundled document into the IR: named types per spec file and operations per resource. */
export function buildIr(bundle: Bundle): IrModel {
  const doc = openApiDocument(bundle);
  const schemas = doc.components?.schemas ?? {};
  const taken = new Set(Object.keys(schemas));
  const types: IrNamedType[] = [];

  /** Gives an inline object or enum its own name when that name is free, so the output reads well. */
  function hoist(name: string, source: string, schema: SchemaObject, docs: IrDocs): IrType {
    if (taken.has(name)) return toType(schema, source);
    taken.add(name);
    const named: IrNamedType = { name, source, ...docs, type: { kind: 'primitive', type: 'unknown' } };
    types.push(named);
    named.type = toType(schema, source, name);
    return { kind: 'ref', name };
  }

  function isHoistable(schema: SchemaObject): boolean {
    return !schema.$ref && (isObjectSchema(schema) || Array.isArray(schema.enum));
  }

  function propertyType(owner: string, prop: string, schema: SchemaObject, source: string): IrType {
    if (isHoistable(schema) && !isNullable(schema)) {
      return hoist(owner + pascalCase(prop), source, schema, docsOf(schema));
    }
    const items = schema.items;
    if (schema.type === 'array' && items && isHoistable(items) && !isNullable(items)) {
      return { kind: 'array', items: hoist(owner + pascalCase(singular(prop)), source, items, docsOf(items)) };
    }
    return toType(schema, source);
  }

  /** JSON schema → IR type. `owner` names the type being built, for hoisting its inline parts. */
  function toType(schema: SchemaObject | undefined, source: string, owner?: string): IrType {
    if (!schema || typeof schema !== 'object') return { kind: 'primitive', type: 'unknown' };
    if (typeof schema.$ref === 'string') return { kind: 'ref', name: schema.$ref.split('/').pop()! };
    const base = baseType(schema, source, owner);
    return isNullable(schema) && !(base.kind === 'primitive' && base.type === 'null')
      ? union([base, { kind: 'primitive', type: 'null' }])
      : base;
  }

  function baseType(schema: SchemaObject, source: string, owner?: string): IrType {
    if (Array.isArray(schema.allOf)) {
      const members = schema.allOf.filter(isTypeBearing).map((s) => toType(s, source, owner));
      const own = isObjectSchema(schema) ? [objectType(schema, source, owner)] : [];
      const all = [...members, ...own];
      return all.length === 1 ? all[0]! : { kind: 'intersection', members: all };
    }
    const variants = schema.oneOf ?? schema.anyOf;
    if (Array.isArray(variants) && variants.some(isTypeBearing)) {
      return union(variants.filter(isTypeBearing).map((s) => toType(s, source)));
    }
    if ('const' in schema) {
      return schema.const === null
        ? { kind: 'primitive', type: 'null' }
        : { kind: 'enum', values: [enumValue(schema.const, source, owner)] };
    }
    if (Array.isArray(schema.enum)) {
      return {
        kind: 'enum',
        values: schema.enum.filter((v) => v !== null).map((v) => enumValue(v, source, owner)),
      };
    }
    const type = schema.type;
    if (Array.isArray(type)) {
      const nonNull = type.filter((t) => t !== 'null');
      return union(nonNull.map((t) => baseType({ ...schema, type: t }, source, owner)));
    }
    if (isObjectSchema(schema)) return objectType(schema, source, owner);
    switch (type) {
      case 'array':
        return { kind: 'array', items: toType(schema.items, source) };
      case 'string':
        return { kind: 'primitive', type: 'string' };
      case 'integer':
      case 'number':
        return { kind: 'primitive', type: 'number' };
      case 'boolean':
        return { kind: 'primitive', type: 'boolean' };
      case 'null':
        return { kind: 'primitive', type: 'null' };
      default:
        return { kind: 'primitive', type: 'unknown' };
    }
  }

  function objectType(schema: SchemaObject, source: string, owner?: string): IrType {
    const required = new Set(schema.required ?? []);
    const properties: IrProperty[] = Object.entries(schema.properties ?? {}).map(([name, prop]) => ({
      name,
      required: required.has(name),
      ...docsOf(prop),
      type: owner ? propertyType(owner, name, prop, source) : toType(prop, source),
    }));
    const extra = schema.additionalProperties;
    let additionalProperties: IrType | undefined;
    if (extra === true || (extra === undefined && properties.length === 0)) {
      additionalProperties = { kind: 'primitive', type: 'unknown' };
    } else if (extra && typeof extra === 'object') {
      additionalProperties = toType(extra, source);
    }
    return additionalProperties ? { kind: 'object', properties, additionalProperties } : { kind: 'object', properties };
  }

  for (const [name, schema] of Object.entries(schemas)) {
    const source = bundle.componentSources.get(`schemas/${name}`) ?? 'webex';
    const named: IrNamedType = { name, source, ...docsOf(schema), type: { kind: 'primitive', type: 'unknown' } };
    types.push(named);
    named.type = toType(schema, source, name);
  }

  const resources = new Map<string, IrResource>();
  const tagDescriptions = new Map<string, string | undefined>(
    (doc.tags ?? []).map((tag) => [tag.name, tag.description]),
  );

  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = deref(doc, rawItem);
    const shared = (item.parameters ?? []).map((p) => deref(doc, p));
    for (const httpMethod of HTTP_METHODS) {
      const op = item[httpMethod];
      // Hidden operations are typed for `webex.http` but wrapped by hand in the client.
      if (!op || op['x-sdk-hidden'] === true) continue;
      const source = bundle.operationSources.get(`${httpMethod} ${path}`) ?? bundle.pathSources.get(path) ?? 'webex';
      const resourceName = basename(source);
      let resource = resources.get(resourceName);
      if (!resource) {
        const configured = bundle.fileSettings.get(source)?.['x-sdk-resource'];
        if (configured !== undefined && (typeof configured !== 'string' || !PROPERTY.test(configured))) {
          throw new SpecError(
            `${source}.yaml: x-sdk-resource must be a camelCase name, or namespace.name (got ${JSON.stringify(configured)})`,
          );
        }
        const property = typeof configured === 'string' ? configured.split('.') : [camelCase(resourceName)];
        resource = { name: resourceName, property, source, tags: [], operations: [] };
        resources.set(resourceName, resource);
      } else if (resource.source !== source) {
        throw new SpecError(
          `${resource.source}.yaml and ${source}.yaml have the same name: a resource's file name must be unique`,
        );
      }
      const server = op.servers?.[0]?.url ?? item.servers?.[0]?.url ?? bundle.fileServers.get(source);
      const operation = buildOperation(path, httpMethod, op, shared, resource, source, server);
      for (const tag of op.tags ?? []) if (!resource.tags.includes(tag)) resource.tags.push(tag);
      if (resource.description === undefined) {
        const description = resource.tags.map((tag) => tagDescriptions.get(tag)).find(Boolean);
        if (description) resource.description = description;
      }
      if (resource.operations.some((o) => o.method === operation.method)) {
        throw new SpecError(`${operation.label} is defined twice (x-sdk-method of ${operation.operationId})`);
      }
      resource.operations.push(operation);
    }
  }
  checkProperties([...resources.values()]);

  function buildOperation(
    path: string,
    httpMethod: IrOperation['httpMethod'],
    op: Operation,
    shared: Parameter[],
    resource: IrResource,
    source: string,
    server: string | undefined,
  ): IrOperation {
    const { operationId } = op;
    if (!operationId) throw new SpecError(`${httpMethod.toUpperCase()} ${path} has no operationId`);
    const own = (op.parameters ?? []).map((p) => deref(doc, p));
    const byKey = new Map<string, Parameter>();
    for (const p of [...shared, ...own]) byKey.set(`${p.in}:${p.name}`, p);
    const params = [...byKey.values()];
    const toParam = (p: Parameter): IrParameter => ({
      name: p.name,
      required: p.required === true,
      ...docsOf(p),
      ...(p.schema && typeof p.schema === 'object' ? docsFormat(p.schema) : {}),
      type: toType(p.schema, source),
      simpleType: simpleTypeOf(p.schema),
    });
    const pathParameters = params.filter((p) => p.in === 'path').map(toParam);
    const queryParameters = params.filter((p) => p.in === 'query').map(toParam);
    const headerParameters = params.filter((p) => p.in === 'header').map(toParam);

    let body: IrOperation['body'];
    if (op.requestBody) {
      const requestBody = deref(doc, op.requestBody);
      const content = requestBody.content ?? {};
      const contentType = 'application/json' in content ? 'application/json' : Object.keys(content)[0];
      const media = contentType ? content[contentType] : undefined;
      body = { type: toType(media?.schema, source), required: requestBody.required === true };
      if (contentType && contentType !== 'application/json') body.contentType = contentType;
    }

    const method = op['x-sdk-method'];
    if (typeof method !== 'string' || !/^[a-z][A-Za-z0-9]*$/.test(method)) {
      throw new SpecError(
        `${operationId} (${source}.yaml): x-sdk-method must name the method in camelCase (got ${JSON.stringify(method)})`,
      );
    }
    const label = [...resource.property, method].join('.');
    const result = resultOf(op, source, operationId, httpMethod, new Set(queryParameters.map((p) => p.name)));
    const query = queryParameters.length
      ? {
          typeName: `${pascalCase(label)}Query`,
          required: queryParameters.some((p) => p.required),
          parameters: queryParameters,
        }
      : undefined;
    if (query) {
      if (taken.has(query.typeName))
        throw new SpecError(`${query.typeName} (query of ${operationId}) clashes with a schema name`);
      taken.add(query.typeName);
      types.push({
        name: query.typeName,
        source,
        description: `Query parameters of \`${label}\` (${httpMethod.toUpperCase()} ${path}).`,
        type: { kind: 'object', properties: queryParameters.map(({ simpleType: _, ...p }) => p) },
      });
    }
    return {
      operationId,
      resource: resource.name,
      label,
      method,
      httpMethod,
      path,
      ...(server !== undefined ? { server } : {}),
      ...(typeof op.summary === 'string' ? { summary: op.summary } : {}),
      ...docsOf(op),
      pathParameters,
      headerParameters,
      ...(query ? { query } : {}),
      ...(body ? { body } : {}),
      result,
    };
  }

  function resultOf(
    op: Operation,
    source: string,
    operationId: string,
    httpMethod: IrOperation['httpMethod'],
    query: Set<string>,
  ): IrOperation['result'] {
    const responses = op.responses ?? {};
    const success = Object.keys(responses)
      .filter((code) => /^2\d\d$/.test(code))
      .sort();
    for (const code of success) {
      const response = deref(doc, responses[code]!);
      const content = response.content ?? {};
      const schema = content['application/json']?.schema;
      const text = content['text/plain']?.schema;
      if (!schema && text) {
        // A plain-text body holding digits (`format: int32`) is handed to callers as a number.
        const plain = deref(doc, text);
        const numeric =
          plain.type === 'integer' || plain.type === 'number' || plain.format === 'int32' || plain.format === 'int64';
        return { kind: 'text', type: { kind: 'primitive', type: numeric ? 'number' : 'string' } };
      }
      if (!schema) continue;
      // An operation that may also answer without a body (204 beside a 207, say) resolves to undefined then.
      const bodiless = success.some((other) => !Object.keys(deref(doc, responses[other]!).content ?? {}).length);
      const type = bodiless
        ? union([toType(schema, source), { kind: 'primitive', type: 'undefined' }])
        : toType(schema, source);
      const answer = deref(doc, schema);
      const paging = httpMethod === 'get' ? pagingOf(op, operationId, answer, query) : undefined;
      if (paging) {
        // pagingOf has checked that the answer has this field, an array.
        const field = answer.properties?.[paging.items];
        return { kind: 'list', item: toType(field && deref(doc, field).items, source), paging };
      }
      return { kind: 'json', type };
    }
    return { kind: 'void' };
  }

  /** A parameter schema's JSON type in one word, `string[]` for an array of strings; `string` when it names none. */
  function simpleTypeOf(raw: SchemaObject | undefined): IrSimpleType {
    const schema = raw && typeof raw === 'object' ? deref(doc, raw) : {};
    if (jsonTypeOf(schema) !== 'array') return scalarTypeOf(schema);
    const items = schema.items && typeof schema.items === 'object' ? deref(doc, schema.items) : {};
    return `${scalarTypeOf(items)}[]`;
  }

  /** The paging of a GET from `x-sdk-paging`, checked against the parameters and answer it names. */
  function pagingOf(
    op: Operation,
    operationId: string,
    answer: SchemaObject,
    query: Set<string>,
  ): IrPaging | undefined {
    const raw = op['x-sdk-paging'];
    const properties = answer.properties ?? {};
    const isArray = (name: string) => {
      const field = properties[name];
      return field !== undefined && deref(doc, field).type === 'array';
    };
    // Without a word from the spec, an answer with an `items` array pages with `Link` (the Webex default).
    if (raw === undefined) return isArray('items') ? { strategy: 'link', items: 'items' } : undefined;
    checkPaging(raw, operationId);
    if (raw === 'none') return undefined;
    const config: SdkPagingConfig = typeof raw === 'string' ? { strategy: raw } : raw;
    const paging = withDefaults(config);
    for (const [parameter, name] of pagingParameters(paging)) {
      // The page-size parameter may be left out: then the page size is whatever the server picks.
      if (!query.has(name) && !((parameter === 'limit' || parameter === 'count') && !(parameter in config))) {
        throw new SpecError(
          `${operationId}: x-sdk-paging names the query parameter "${name}" (${parameter}), which the operation does not declare`,
        );
      }
    }
    if (!isArray(paging.items))
      throw new SpecError(
        `${operationId}: x-sdk-paging names the items field "${paging.items}", which is not an array in the answer`,
      );
    return paging;
  }

  return { types, resources: [...resources.values()] };
}

/**
 * Checks `x-sdk-paging` as written: `none`, a strategy, or a strategy with names (strings) it pages
 * by; anything else is refused, naming the operation.
 */
function checkPaging(raw: unknown, operationId: string): asserts raw is SdkPaging {
  if (raw === 'none') return;
  const config = typeof raw === 'string' ? { strategy: raw } : raw;
  if (!isRecord(config) || !isPagingStrategy(config.strategy)) {
    throw new SpecError(`${operationId}: x-sdk-paging must be link, offset, scim or none (got ${JSON.stringify(raw)})`);
  }
  const { strategy } = config;
  for (const [key, value] of Object.entries(config)) {
    if (key === 'strategy') continue;
    if (!Object.hasOwn(PAGING_DEFAULTS[strategy], key))
      throw new SpecError(`${operationId}: x-sdk-paging has no setting "${key}" for ${strategy} paging`);
    if (typeof value !== 'string')
      throw new SpecError(`${operationId}: x-sdk-paging ${key} must be a name (got ${JSON.stringify(value)})`);
  }
}

function isPagingStrategy(value: unknown): value is SdkPagingConfig['strategy'] {
  return typeof value === 'string' && Object.hasOwn(PAGING_DEFAULTS, value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A paging config with every name it leaves out taken from its strategy's defaults. */
function withDefaults(config: SdkPagingConfig): IrPaging {
  switch (config.strategy) {
    case 'link': {
      const { strategy, ...names } = config;
      return { strategy, ...PAGING_DEFAULTS.link, ...names };
    }
    case 'offset': {
      const { strategy, ...names } = config;
      return { strategy, ...PAGING_DEFAULTS.offset, ...names };
    }
    case 'scim': {
      const { strategy, ...names } = config;
      return { strategy, ...PAGING_DEFAULTS.scim, ...names };
    }
  }
}

/** The query parameters a paging names, each with the setting that names it. */
function pagingParameters(paging: IrPaging): [setting: string, name: string][] {
  switch (paging.strategy) {
    case 'link':
      return [];
    case 'offset':
      return [
        ['offset', paging.offset],
        ['limit', paging.limit],
      ];
    case 'scim':
      return [
        ['startIndex', paging.startIndex],
        ['count', paging.count],
      ];
  }
}

/** A value of an `enum` or a `const`: a string, number or boolean, as a TypeScript literal type can be. */
function enumValue(value: unknown, source: string, owner: string | undefined): string | number | boolean {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  throw new SpecError(
    `${source}.yaml${owner ? ` (${owner})` : ''}: enum and const values must be strings, numbers, booleans or null (got ${JSON.stringify(value)})`,
  );
}

/** A property on `Webex` is a resource or a namespace, never both, and never two resources. */
function checkProperties(resources: IrResource[]): void {
  const owners = new Map<string, string>();
  for (const resource of resources) {
    const path = resource.property.join('.');
    const namespace = resource.property.length > 1 ? resource.property[0]! : undefined;
    for (const [key, kind] of [[path, 'resource'], ...(namespace ? [[namespace, 'namespace']] : [])] as const) {
      const known = owners.get(key);
      const mine = `${kind} of ${resource.source}.yaml`;
      if (known && (kind === 'resource' || !known.startsWith('namespace'))) {
        throw new SpecError(
          `webex.${key} is both the ${known} and the ${mine}; give one of them another x-sdk-resource`,
        );
      }
      owners.set(key, mine);
    }
  }
}

/** The one non-null JSON type a schema names (`[string, 'null']` names `string`), if it names one. */
function jsonTypeOf(schema: SchemaObject): string | undefined {
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter(
    (t) => t !== undefined && t !== 'null',
  );
  return types.length === 1 ? types[0] : undefined;
}

/** A schema's JSON type as a scalar: `string` for what names none or several, and for arrays of arrays. */
function scalarTypeOf(schema: SchemaObject): IrScalarType {
  const type = jsonTypeOf(schema);
  return type === 'integer' || type === 'number' || type === 'boolean' || type === 'object' ? type : 'string';
}

function isObjectSchema(schema: SchemaObject): boolean {
  return (
    schema.type === 'object' ||
    (schema.type === undefined && (schema.properties !== undefined || schema.additionalProperties !== undefined))
  );
}

function isNullable(schema: SchemaObject): boolean {
  return schema.nullable === true || (Array.isArray(schema.type) && schema.type.includes('null'));
}

/** Whether a schema says what a value is, rather than only constraining it (`{ required: [roomId] }`). */
function isTypeBearing(schema: SchemaObject): boolean {
  return ['$ref', 'type', 'properties', 'enum', 'const', 'items', 'allOf', 'oneOf', 'anyOf'].some(
    (key) => key in schema,
  );
}

function union(members: IrType[]): IrType {
  const flat = members.flatMap((m) => (m.kind === 'union' ? m.members : [m]));
  return flat.length === 1 ? flat[0]! : { kind: 'union', members: flat };
}

function docsFormat(schema: SchemaObject): IrDocs {
  return typeof schema.format === 'string' ? { format: schema.format } : {};
}

/** The docs of a schema (of a `$ref`, those beside it), a parameter or an operation. */
function docsOf(node: { description?: string; deprecated?: boolean; format?: string }): IrDocs {
  const docs: IrDocs = {};
  if (typeof node.description === 'string') docs.description = node.description.trim();
  if (node.deprecated === true) docs.deprecated = true;
  if (typeof node.format === 'string') docs.format = node.format;
  return docs;
}
