import type { SchemaObject } from '../load/openapi.js';
import type { BinaryUse } from './binary-fields.js';
import { buildOperation } from './build-operation.js';
import type { InlineName, TypeNames } from './name-types.js';
import { irDocs, schemaTypes } from './to-type.js';
import type { IrModel, IrNamedType, IrOperation, IrResource } from './types.js';
import type { CheckedSpec } from './validate.js';

/**
 * The build stage: the IR from checked specs and the names decided for them. Named types come component by
 * component (sorted by name), each followed by the inline schemas named inside it, then the query types, operation
 * by operation.
 */
export function buildModel(
  spec: CheckedSpec,
  names: TypeNames,
  binaries: ReadonlyMap<SchemaObject, BinaryUse> = new Map(),
): IrModel {
  const { document } = spec;
  const types: IrNamedType[] = [];
  const declared = new Set<string>();
  const declare = (named: Pick<InlineName, 'name' | 'source' | 'formerName'>, schema: SchemaObject) => {
    if (declared.has(named.name)) return;
    declared.add(named.name);
    const entry: IrNamedType = {
      name: named.name,
      source: named.source,
      ...irDocs(schema),
      ...(named.formerName ? { formerName: named.formerName } : {}),
      type: { kind: 'primitive', type: 'unknown' },
    };
    // In the list before its type is built, so that the inline types named inside it come after it.
    types.push(entry);
    entry.type = convert.declaredType(schema);
  };
  const convert = schemaTypes(names.inline, declare, binaries);

  for (const { name, source, schema } of spec.components) declare({ name, source }, schema);

  const resources = new Map<string, IrResource>(
    spec.resources.map((r) => [r.name, { ...r, property: [...r.property], tags: [], operations: [] }]),
  );
  for (const op of spec.operations) {
    const resource = resources.get(op.resource.name)!;
    const operation = withOperationSettings(buildOperation(document, op, convert, names.queries.get(op.label)), op);
    resource.operations.push(operation);
    for (const tag of op.operation.tags ?? []) if (!resource.tags.includes(tag)) resource.tags.push(tag);
    if (operation.query) {
      types.push({
        name: operation.query.typeName,
        source: op.source,
        // The path as code, as the method's JSDoc writes it: a long one is then a line of its own the length check lets by.
        description: `Query parameters of \`${op.label}\` (\`${op.httpMethod.toUpperCase()} ${op.path}\`).`,
        type: { kind: 'object', properties: operation.query.parameters.map(({ simpleType: _, ...p }) => p) },
      });
    }
  }
  const tagDescriptions = new Map((document.tags ?? []).map((tag) => [tag.name, tag.description]));
  for (const resource of resources.values()) {
    const description = resource.tags.map((tag) => tagDescriptions.get(tag)).find(Boolean);
    if (description) resource.description = description;
  }
  return { types, resources: [...resources.values()] };
}

/** The operation with the one source its facts come from (`x-facts-source`) and its check (`x-sdk-check`), if any. */
function withOperationSettings(operation: IrOperation, op: CheckedSpec['operations'][number]): IrOperation {
  return {
    ...operation,
    ...(op.factsSource === undefined ? {} : { factsSource: op.factsSource }),
    ...(op.check === undefined ? {} : { check: op.check }),
  };
}
