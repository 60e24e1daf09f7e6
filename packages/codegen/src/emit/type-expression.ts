import { propertyKey, stringLiteral } from '../escape.js';
import type { IrType } from '../ir/types.js';

/**
 * What an open enum adds to its known values: any other string. Not plain `string`, which would swallow the literals
 * (`'a' | string` is `string`), so that editors still offer the known values.
 */
export const OPEN_STRING = '(string & {})';

/** The TypeScript text of an IR type, e.g. `Room[]` or `'direct' | 'group'`. */
export function typeExpression(type: IrType): string {
  switch (type.kind) {
    case 'ref':
      return type.name;
    case 'primitive':
      return type.type;
    case 'enum':
      return [...type.values.map(literal), ...(type.open ? [OPEN_STRING] : [])].join(' | ');
    case 'array': {
      const items = typeExpression(type.items);
      return needsParens(type.items) ? `(${items})[]` : `${items}[]`;
    }
    case 'object': {
      const members = type.properties.map(
        (p) => `${propertyKey(p.name)}${p.required ? '' : '?'}: ${typeExpression(p.type)}`,
      );
      if (type.additionalProperties) {
        if (!type.properties.length) return `Record<string, ${typeExpression(type.additionalProperties)}>`;
        members.push(`[key: string]: ${indexSignatureType(type.properties, type.additionalProperties)}`);
      }
      return members.length ? `{ ${members.join('; ')} }` : 'Record<string, never>';
    }
    case 'union':
      return [...new Set(type.members.map(typeExpression))].join(' | ');
    case 'intersection':
      return type.members.map((m) => (m.kind === 'union' ? `(${typeExpression(m)})` : typeExpression(m))).join(' & ');
  }
}

/** Names of the named types an IR type refers to. */
export function referencedNames(type: IrType, into = new Set<string>()): Set<string> {
  switch (type.kind) {
    case 'ref':
      into.add(type.name);
      break;
    case 'array':
      referencedNames(type.items, into);
      break;
    case 'object':
      for (const p of type.properties) referencedNames(p.type, into);
      if (type.additionalProperties) referencedNames(type.additionalProperties, into);
      break;
    case 'union':
    case 'intersection':
      for (const m of type.members) referencedNames(m, into);
      break;
  }
  return into;
}

function literal(value: string | number | boolean): string {
  return typeof value === 'string' ? stringLiteral(value) : String(value);
}

function needsParens(type: IrType): boolean {
  return (
    type.kind === 'union' ||
    type.kind === 'intersection' ||
    (type.kind === 'enum' && (type.values.length > 1 || !!type.open))
  );
}

/**
 * The value type of an index signature beside named properties: TypeScript
 * requires every property (and `undefined` for optional ones) to fit it.
 */
export function indexSignatureType(properties: { required: boolean; type: IrType }[], additional: IrType): string {
  const members = new Set([typeExpression(additional)]);
  if (members.has('unknown')) return 'unknown';
  for (const p of properties) members.add(typeExpression(p.type));
  if (properties.some((p) => !p.required)) members.add('undefined');
  return [...members].join(' | ');
}
