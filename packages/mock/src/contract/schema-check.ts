// A small JSON Schema checker for the keywords the Webex specs use, naming each failure by the contract rule it breaks.
import type { ContractSpec, Schema } from './spec.js';

/** The rule a violation breaks. */
export type ContractRule =
  | 'type'
  | 'required'
  | 'enum'
  | 'constraint'
  | 'unknown-status'
  | 'header'
  | 'unknown-operation';

/** One failure inside a value: where (RFC 6901 pointer), which rule, and what was expected. */
export interface SchemaIssue {
  pointer: string;
  rule: ContractRule;
  message: string;
}

// Values of these fields are never echoed into messages, even in an enum failure.
const SECRET_KEY = /token|secret|password|key|signature|jwt|code|credential/i;

/** Checks a value against a schema; an empty list means it conforms. */
export function checkSchema(
  spec: ContractSpec,
  schema: Schema | undefined,
  value: unknown,
  pointer = '',
): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  if (schema) check(spec, schema, value, pointer, '', issues, 0);
  return issues;
}

function check(
  spec: ContractSpec,
  raw: Schema,
  value: unknown,
  pointer: string,
  key: string,
  out: SchemaIssue[],
  depth: number,
): void {
  if (depth > 64) return; // a recursive schema and a deep value: enough has been checked
  const schema = spec.resolve(raw);
  for (const part of schema.allOf ?? []) check(spec, part, value, pointer, key, out, depth + 1);
  for (const alternatives of [schema.anyOf, schema.oneOf]) {
    if (!alternatives?.length) continue;
    const fits = alternatives.some((alternative) => checkSchema(spec, alternative, value, pointer).length === 0);
    if (!fits)
      out.push({
        pointer,
        rule: 'type',
        message: `matches none of the ${alternatives.length} shapes the spec allows (got ${kindOf(value)})`,
      });
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((type) => isType(type, value))) {
      out.push({ pointer, rule: 'type', message: `expected ${types.join(' or ')}, got ${kindOf(value)}` });
      return;
    }
  }
  if (schema.enum && !schema.enum.some((allowed) => sameValue(allowed, value))) {
    const shown = SECRET_KEY.test(key) ? 'the value' : show(value);
    out.push({ pointer, rule: 'enum', message: `${shown} is not one of ${schema.enum.map(show).join(', ')}` });
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength)
      out.push({
        pointer,
        rule: 'constraint',
        message: `expected at least ${schema.minLength} characters, got ${value.length}`,
      });
    if (schema.maxLength !== undefined && value.length > schema.maxLength)
      out.push({
        pointer,
        rule: 'constraint',
        message: `expected at most ${schema.maxLength} characters, got ${value.length}`,
      });
    if (schema.pattern !== undefined && !safePattern(schema.pattern).test(value))
      out.push({ pointer, rule: 'constraint', message: `does not match the pattern ${schema.pattern}` });
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum)
      out.push({ pointer, rule: 'constraint', message: `expected at least ${schema.minimum}, got ${value}` });
    if (schema.maximum !== undefined && value > schema.maximum)
      out.push({ pointer, rule: 'constraint', message: `expected at most ${schema.maximum}, got ${value}` });
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems)
      out.push({
        pointer,
        rule: 'constraint',
        message: `expected at least ${schema.minItems} items, got ${value.length}`,
      });
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      out.push({
        pointer,
        rule: 'constraint',
        message: `expected at most ${schema.maxItems} items, got ${value.length}`,
      });
    if (schema.items) {
      for (const [i, item] of value.entries()) check(spec, schema.items, item, `${pointer}/${i}`, key, out, depth + 1);
    }
    return;
  }
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    for (const name of schema.required ?? []) {
      if (object[name] === undefined)
        out.push({
          pointer: `${pointer}/${escapePointer(name)}`,
          rule: 'required',
          message: `missing required property ${name}`,
        });
    }
    for (const [name, child] of Object.entries(object)) {
      if (child === undefined) continue;
      const declared = schema.properties?.[name];
      if (declared) check(spec, declared, child, `${pointer}/${escapePointer(name)}`, name, out, depth + 1);
      else if (typeof schema.additionalProperties === 'object')
        check(spec, schema.additionalProperties, child, `${pointer}/${escapePointer(name)}`, name, out, depth + 1);
    }
  }
}

function isType(type: string, value: unknown): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return !!value && typeof value === 'object' && !Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return typeof value === type;
  }
}

/** `string`, `number`, `null`, `array`, `object`, or `nothing`. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  return typeof value;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function escapePointer(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

const patterns = new Map<string, RegExp>();
function safePattern(source: string): RegExp {
  let pattern = patterns.get(source);
  if (!pattern) {
    try {
      pattern = new RegExp(source, 'u');
    } catch {
      pattern = /[\s\S]*/; // a pattern JavaScript cannot read is not the API's fault
    }
    patterns.set(source, pattern);
  }
  return pattern;
}
