import type { IrOperation, IrParameter } from '../../ir/types.js';
import type { SdkPagingConfig } from '../../load/openapi.js';
import type { Json } from '../../load/bundle.js';
import type { Change, Direction, SpecVersion } from './change.js';
import { constraintChanges } from './constraints.js';
import { typeDirections } from './reach.js';
import { canonical, isObject, rawOperations, rawParameterSchemas, rawProperties, type Schema } from './raw.js';
import { typeExpression } from '../../emit/type-expression.js';
import { diffDocs, diffProperty, diffTypes, type TypeSite } from './type-diff.js';

/** Keys that only document; a hidden operation that differs in nothing else changed its docs only. */
const DOCS_KEYS = new Set(['description', 'summary', 'example', 'examples', 'externalDocs', 'tags']);

/** Every difference between two spec versions: operations, parameters, bodies, results, named types, fields, enum values and validation keywords. */
export function compareSpecs(a: SpecVersion, b: SpecVersion): Change[] {
  const out: Change[] = [];
  compareResources(a, b, out);
  compareOperations(a, b, out);
  compareHiddenOperations(a, b, out);
  compareNamedTypes(a, b, typeDirections([a, b]), out);
  return out;
}

function compareResources(a: SpecVersion, b: SpecVersion, out: Change[]): void {
  const after = new Map(b.ir.resources.map((r) => [r.name, r]));
  for (const resource of a.ir.resources) {
    const next = after.get(resource.name);
    if (next && next.description !== resource.description) {
      out.push({ element: 'resource', action: 'docs', target: resource.name, aspect: 'description' });
    }
  }
}

const endpoint = (op: { httpMethod: string; path: string }) => `${op.httpMethod.toUpperCase()} ${op.path}`;

function operationsOf(version: SpecVersion): Map<string, IrOperation> {
  return new Map(version.ir.resources.flatMap((r) => r.operations).map((op) => [op.label, op]));
}

function compareOperations(a: SpecVersion, b: SpecVersion, out: Change[]): void {
  const [before, after] = [operationsOf(a), operationsOf(b)];
  const [rawA, rawB] = [rawOperations(a.bundle), rawOperations(b.bundle)];
  for (const [key, op] of before) {
    const next = after.get(key);
    if (!next) {
      out.push({ element: 'operation', action: 'removed', target: `${key} (${endpoint(op)})` });
      continue;
    }
    const site: TypeSite = { element: 'operation', target: key, direction: 'both' };
    if (op.path !== next.path) out.push({ ...site, action: 'changed', aspect: 'path', from: op.path, to: next.path });
    if (op.httpMethod !== next.httpMethod) {
      out.push({
        ...site,
        action: 'changed',
        aspect: 'HTTP method',
        from: op.httpMethod.toUpperCase(),
        to: next.httpMethod.toUpperCase(),
      });
    }
    // The operationId names the query type in the models and the operation in the `paths` types.
    if (op.operationId !== next.operationId)
      out.push({ ...site, action: 'changed', aspect: 'operationId', from: op.operationId, to: next.operationId });
    diffDocs(op, next, site, out);
    const [rawOp, rawNext] = [rawA.get(endpoint(op)), rawB.get(endpoint(next))];
    compareParameters(
      key,
      op,
      next,
      rawParameterSchemas(a.bundle, rawOp?.item, rawOp?.op),
      rawParameterSchemas(b.bundle, rawNext?.item, rawNext?.op),
      out,
    );
    compareBody(key, op, next, out);
    compareResult(key, op, next, out);
  }
  for (const [key, op] of after) {
    if (!before.has(key)) out.push({ element: 'operation', action: 'added', target: `${key} (${endpoint(op)})` });
  }
}

function parametersOf(op: IrOperation): Map<string, IrParameter> {
  const all: [string, IrParameter][] = [
    ...op.pathParameters.map((p): [string, IrParameter] => [`path:${p.name}`, p]),
    ...(op.query?.parameters ?? []).map((p): [string, IrParameter] => [`query:${p.name}`, p]),
  ];
  return new Map(all);
}

function compareParameters(
  key: string,
  op: IrOperation,
  next: IrOperation,
  rawBefore: Map<string, Schema>,
  rawAfter: Map<string, Schema>,
  out: Change[],
): void {
  const [before, after] = [parametersOf(op), parametersOf(next)];
  const siteOf = (id: string): TypeSite => ({
    element: 'parameter',
    target: `${key} ${id.replace(':', '.')}`,
    direction: 'request',
  });
  for (const [id, param] of before) {
    const other = after.get(id);
    if (!other) out.push({ ...siteOf(id), action: 'removed' });
    else {
      diffProperty(param, other, siteOf(id), out);
      pushConstraints(rawBefore.get(id), rawAfter.get(id), siteOf(id), out);
    }
  }
  for (const [id, param] of after) {
    if (!before.has(id)) out.push({ ...siteOf(id), action: 'added', required: param.required });
  }
}

function compareBody(key: string, op: IrOperation, next: IrOperation, out: Change[]): void {
  const site: TypeSite = { element: 'body', target: `${key} body`, direction: 'request' };
  const [a, b] = [op.body, next.body];
  if (!a && !b) return;
  if (!a) return void out.push({ ...site, action: 'added', required: b!.required });
  if (!b) return void out.push({ ...site, action: 'removed' });
  if (a.required !== b.required) out.push({ ...site, action: b.required ? 'required' : 'optional' });
  const [typeA, typeB] = [a.contentType ?? 'application/json', b.contentType ?? 'application/json'];
  if (typeA !== typeB) out.push({ ...site, action: 'changed', aspect: 'content type', from: typeA, to: typeB });
  diffTypes(a.type, b.type, site, out);
}

function resultText(result: IrOperation['result']): string {
  switch (result.kind) {
    case 'void':
      return 'nothing';
    case 'json':
      return typeExpression(result.type);
    case 'text':
      return `text (${typeExpression(result.type)})`;
    case 'list':
      return `list of ${typeExpression(result.item)} (${pagingText(result.paging)} paging)`;
    case 'stream':
      return `stream of ${typeExpression(result.item)} (${result.format})`;
  }
}

/** `offset (start, max, items)`: a paging and the names it pages by. */
function pagingText(paging: SdkPagingConfig): string {
  const { strategy, ...names } = paging;
  return `${strategy} (${Object.values(names).join(', ')})`;
}

function compareResult(key: string, op: IrOperation, next: IrOperation, out: Change[]): void {
  const site: TypeSite = { element: 'result', target: `${key} response`, direction: 'response' };
  const [a, b] = [op.result, next.result];
  if (a.kind !== b.kind)
    return void out.push({ ...site, action: 'changed', aspect: 'result', from: resultText(a), to: resultText(b) });
  if (a.kind === 'list' && b.kind === 'list') {
    const [from, to] = [pagingText(a.paging), pagingText(b.paging)];
    if (from !== to) out.push({ ...site, action: 'changed', aspect: 'paging', from, to });
    diffTypes(a.item, b.item, { ...site, target: `${key} response items[]` }, out);
  } else if (a.kind === 'stream' && b.kind === 'stream') {
    diffTypes(a.item, b.item, { ...site, target: `${key} response events[]` }, out);
  } else if ((a.kind === 'json' || a.kind === 'text') && (b.kind === 'json' || b.kind === 'text')) {
    diffTypes(a.type, b.type, site, out);
  }
}

/** Hidden operations are not in the IR but are typed in `paths`; their raw definitions are compared. */
function compareHiddenOperations(a: SpecVersion, b: SpecVersion, out: Change[]): void {
  const [before, after] = [rawOperations(a.bundle), rawOperations(b.bundle)];
  const isHidden = (entry: { op: Schema } | undefined) => entry?.op['x-sdk-hidden'] === true;
  const endpoints = [...new Set([...before.keys(), ...after.keys()])].filter(
    (e) => isHidden(before.get(e)) || isHidden(after.get(e)),
  );
  for (const name of endpoints) {
    const [x, y] = [before.get(name), after.get(name)];
    const target = `${name} (hidden ${((y ?? x)!.op.operationId as string | undefined) ?? 'operation'})`;
    const definition = (entry: { item: Schema; op: Schema }): Json => ({
      shared: entry.item.parameters ?? null,
      op: entry.op,
    });
    if (isHidden(x) && isHidden(y)) {
      if (canonical(definition(x!), DOCS_KEYS) !== canonical(definition(y!), DOCS_KEYS)) {
        out.push({ element: 'operation', action: 'changed', target, aspect: 'definition' });
      } else if (canonical(definition(x!)) !== canonical(definition(y!))) {
        out.push({ element: 'operation', action: 'docs', target, aspect: 'description' });
      }
    } else if (isHidden(x) && !y) out.push({ element: 'operation', action: 'removed', target });
    else if (isHidden(y) && !x) out.push({ element: 'operation', action: 'added', target });
    // A hidden operation made visible (or the reverse) shows up as an SDK method added (or removed).
  }
}

function compareNamedTypes(
  a: SpecVersion,
  b: SpecVersion,
  direction: (name: string) => Direction,
  out: Change[],
): void {
  // Query types mirror their operation's query parameters, which are compared as parameters.
  const queryTypes = new Set(
    [a, b].flatMap((v) =>
      v.ir.resources.flatMap((r) => r.operations.flatMap((op) => (op.query ? [op.query.typeName] : []))),
    ),
  );
  const named = (v: SpecVersion) => new Map(v.ir.types.filter((t) => !queryTypes.has(t.name)).map((t) => [t.name, t]));
  const schemas = (v: SpecVersion) =>
    ((v.bundle.document.components ?? {}) as Record<string, Record<string, Json>>).schemas ?? {};
  const [before, after, rawBefore, rawAfter] = [named(a), named(b), schemas(a), schemas(b)];
  for (const name of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const [x, y] = [before.get(name), after.get(name)];
    const site: TypeSite = { element: 'type', target: name, direction: direction(name) };
    if (!y) out.push({ ...site, action: 'removed' });
    else if (!x) out.push({ ...site, action: 'added' });
    else {
      const [rawX, rawY] = [rawBefore[name], rawAfter[name]];
      // A type the IR named after an inline schema shares its docs with the property it came from.
      if (rawX && rawY) diffDocs(x, y, site, out);
      diffTypes(x.type, y.type, site, out);
      if (!isObject(rawX) || !isObject(rawY)) continue;
      pushConstraints(rawX, rawY, site, out);
      const propsY = rawProperties(rawY);
      for (const [prop, schema] of rawProperties(rawX)) {
        pushConstraints(schema, propsY.get(prop), { ...site, element: 'field', target: `${name}.${prop}` }, out);
      }
    }
  }
}

/** Appends validation-keyword changes of two inline schemas; a `$ref` is compared where it points. */
function pushConstraints(a: Schema | undefined, b: Schema | undefined, site: TypeSite, out: Change[]): void {
  if (!a || !b || typeof a.$ref === 'string' || typeof b.$ref === 'string') return;
  for (const change of constraintChanges(a, b)) out.push({ ...site, ...change });
}
