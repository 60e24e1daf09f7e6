import type { SchemaObject } from '../load/openapi.js';
import type { BinaryUse } from './binary-fields.js';
import type { InlineName } from './name-types.js';
import { isLiteral, isNullable, isObjectSchema, isTypeBearing } from './schema-shape.js';
import type { IrDocs, IrProperty, IrType } from './types.js';

const unknownType = (): IrType => ({ kind: 'primitive', type: 'unknown' });
const nullType = (): IrType => ({ kind: 'primitive', type: 'null' });
const blobType = (): IrType => ({ kind: 'primitive', type: 'Blob' });

/** Turns JSON schemas into IR types, with the names the naming pass gave. */
export interface SchemaTypes {
  /** The type of a schema where it is used: a reference when it is a component or a named inline schema. */
  typeOf(schema: SchemaObject | undefined): IrType;
  /** The type a named schema declares: the right-hand side of its declaration. */
  declaredType(schema: SchemaObject): IrType;
}

/**
 * Schema-to-type conversion. Meeting an inline schema the naming pass named, `typeOf` refers to it by name and
 * hands it to `declare`, which builds its declaration (schemas are checked, so every enum value is a literal). A
 * binary string `binaries` lists is a `Blob` where only requests send it, `Blob | string` where answers have it too.
 */
export function schemaTypes(
  inline: ReadonlyMap<SchemaObject, InlineName>,
  declare: (named: InlineName, schema: SchemaObject) => void,
  binaries: ReadonlyMap<SchemaObject, BinaryUse> = new Map(),
): SchemaTypes {
  function typeOf(schema: SchemaObject | undefined): IrType {
    if (!schema || typeof schema !== 'object') return unknownType();
    if (typeof schema.$ref === 'string') return { kind: 'ref', name: schema.$ref.split('/').pop()! };
    const named = inline.get(schema);
    if (!named) return declaredType(schema);
    declare(named, schema);
    return { kind: 'ref', name: named.name };
  }

  function declaredType(schema: SchemaObject): IrType {
    const binary = binaries.get(schema);
    const base = binary
      ? binary === 'request'
        ? blobType()
        : union([blobType(), baseType(schema)])
      : baseType(schema);
    const isNull = base.kind === 'primitive' && base.type === 'null';
    return isNullable(schema) && !isNull ? union([base, nullType()]) : base;
  }

  function baseType(schema: SchemaObject): IrType {
    if (Array.isArray(schema.allOf)) {
      const members = schema.allOf.filter(isTypeBearing).map(typeOf);
      const all = isObjectSchema(schema) ? [...members, objectType(schema)] : members;
      return all.length === 1 ? all[0]! : { kind: 'intersection', members: all };
    }
    const variants = schema.oneOf ?? schema.anyOf;
    if (Array.isArray(variants) && variants.some(isTypeBearing))
      return union(variants.filter(isTypeBearing).map(typeOf));
    if ('const' in schema)
      return schema.const === null ? nullType() : { kind: 'enum', values: [schema.const].filter(isLiteral) };
    if (Array.isArray(schema.enum)) {
      const values = schema.enum.filter(isLiteral);
      // Checked: an open enum is one of strings.
      return schema['x-sdk-open-enum'] === true ? { kind: 'enum', values, open: true } : { kind: 'enum', values };
    }
    const type = schema.type;
    if (Array.isArray(type)) {
      return union(type.filter((t) => t !== 'null').map((t) => baseType({ ...schema, type: t })));
    }
    if (isObjectSchema(schema)) return objectType(schema);
    switch (type) {
      case 'array':
        return { kind: 'array', items: typeOf(schema.items) };
      case 'string':
        return { kind: 'primitive', type: 'string' };
      case 'integer':
      case 'number':
        return { kind: 'primitive', type: 'number' };
      case 'boolean':
        return { kind: 'primitive', type: 'boolean' };
      case 'null':
        return nullType();
      default:
        return unknownType();
    }
  }

  function objectType(schema: SchemaObject): IrType {
    const required = new Set(schema.required ?? []);
    const properties: IrProperty[] = Object.entries(schema.properties ?? {}).map(([name, property]) => ({
      name,
      required: required.has(name),
      ...irDocs(property),
      type: typeOf(property),
    }));
    const extra = schema.additionalProperties;
    let additionalProperties: IrType | undefined;
    if (extra === true || (extra === undefined && properties.length === 0)) additionalProperties = unknownType();
    else if (extra && typeof extra === 'object') additionalProperties = typeOf(extra);
    return additionalProperties ? { kind: 'object', properties, additionalProperties } : { kind: 'object', properties };
  }

  return { typeOf, declaredType };
}

/** A union of the members, unions among them flattened; a single member is itself. */
export function union(members: IrType[]): IrType {
  const flat = members.flatMap((m) => (m.kind === 'union' ? m.members : [m]));
  return flat.length === 1 ? flat[0]! : { kind: 'union', members: flat };
}

/** The docs of a schema (of a `$ref`, those beside it), a parameter or an operation. */
export function irDocs(node: IrDocs): IrDocs {
  const docs: IrDocs = {};
  if (typeof node.description === 'string') docs.description = node.description.trim();
  if (node.deprecated === true) docs.deprecated = true;
  if (typeof node.format === 'string') docs.format = node.format;
  return docs;
}
