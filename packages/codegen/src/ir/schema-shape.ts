import type { SchemaObject } from '../load/openapi.js';
import type { IrScalarType } from './types.js';

/** What a JSON schema is, as every stage asks it: object, nullable, a type at all, which JSON type. */

/** An object schema: `type: object`, or no type but properties or `additionalProperties`. */
export function isObjectSchema(schema: SchemaObject): boolean {
  return (
    schema.type === 'object' ||
    (schema.type === undefined && (schema.properties !== undefined || schema.additionalProperties !== undefined))
  );
}

/** Null allowed, 3.0 style (`nullable: true`) or 3.1 style (`type: [x, 'null']`). */
export function isNullable(schema: SchemaObject): boolean {
  return schema.nullable === true || (Array.isArray(schema.type) && schema.type.includes('null'));
}

/** Whether a schema says what a value is, rather than only constraining it (`{ required: [roomId] }`). */
export function isTypeBearing(schema: SchemaObject): boolean {
  return ['$ref', 'type', 'properties', 'enum', 'const', 'items', 'allOf', 'oneOf', 'anyOf'].some(
    (key) => key in schema,
  );
}

/** The one non-null JSON type a schema names (`[string, 'null']` names `string`), if it names one. */
export function jsonTypeOf(schema: SchemaObject): string | undefined {
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter(
    (t) => t !== undefined && t !== 'null',
  );
  return types.length === 1 ? types[0] : undefined;
}

/** A schema's JSON type as a scalar: `string` for what names none or several, and for arrays of arrays. */
export function scalarTypeOf(schema: SchemaObject): IrScalarType {
  const type = jsonTypeOf(schema);
  return type === 'integer' || type === 'number' || type === 'boolean' || type === 'object' ? type : 'string';
}

/** A value a TypeScript literal type can spell: what `enum` and `const` may hold, besides null. */
export function isLiteral(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
