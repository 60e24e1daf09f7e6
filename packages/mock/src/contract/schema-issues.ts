// Ajv's failures as contract issues: one per broken rule, placed by RFC 6901 pointer, worded without secret values.
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { ContractRule, SchemaIssue } from './issue.js';

// Values under these fields are never echoed into messages, even in an enum failure.
const SECRET_KEY = /token|secret|password|key|signature|jwt|code|credential/i;

/** The issues of one failed validation; `base` is the pointer of the validated value inside its part. */
export function issuesFrom(errors: readonly ErrorObject[], base: string): SchemaIssue[] {
  return withoutNoise(errors).map((error) => issueOf(error, base));
}

// Ajv reports the failures inside every alternative of an `anyOf`/`oneOf` before the `anyOf` itself; the alternatives
// are the spec's choice, the one issue is that none fits. And an `enum` beside a failed `type` says nothing more.
function withoutNoise(errors: readonly ErrorObject[]): ErrorObject[] {
  const kept: ErrorObject[] = [];
  for (let i = errors.length - 1; i >= 0; i--) {
    const error = errors[i]!;
    if (error.keyword === 'if') continue; // the failures of `then`/`else` are reported themselves
    // An open enum lists the values known so far; the client takes any other string too (`x-sdk-open-enum`).
    if (error.keyword === 'enum' && (error.parentSchema as Record<string, unknown>)?.['x-sdk-open-enum'] === true)
      continue;
    if ((error.keyword === 'enum' || error.keyword === 'const') && besideFailedType(errors, error)) continue;
    kept.push(error);
    if (error.keyword !== 'anyOf' && error.keyword !== 'oneOf') continue;
    // The alternatives' failures are the run just before, all at or under the same place; a keyword of the same
    // schema object (its `type`) ran before the alternatives did, and ends the run. A failure at that place from
    // another schema checked just before (an earlier `allOf` part naming the same property) would be folded in too:
    // Ajv's failures do not say which evaluation they came from, and no Webex schema is built that way.
    while (
      i > 0 &&
      within(errors[i - 1]!.instancePath, error.instancePath) &&
      errors[i - 1]!.parentSchema !== error.parentSchema
    )
      i--;
  }
  return kept.reverse();
}

function besideFailedType(errors: readonly ErrorObject[], error: ErrorObject): boolean {
  return errors.some(
    (other) =>
      other.keyword === 'type' &&
      other.instancePath === error.instancePath &&
      other.parentSchema === error.parentSchema,
  );
}

function within(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}

function issueOf(error: ErrorObject, base: string): SchemaIssue {
  const params = error.params as Record<string, unknown>;
  const at = `${base}${error.instancePath}`;
  // `required` and `additionalProperties` fail on the object; the issue is the property.
  const name = params.missingProperty ?? params.additionalProperty ?? params.unevaluatedProperty;
  const pointer = typeof name === 'string' ? `${at}/${escapePointer(name)}` : at;
  return { pointer, rule: ruleOf(error.keyword), message: messageOf(error, params, isSecret(pointer)) };
}

function ruleOf(keyword: string): ContractRule {
  switch (keyword) {
    case 'type':
    case 'anyOf':
    case 'oneOf':
    case 'not':
    case 'false schema':
      return 'type';
    case 'required':
    case 'dependentRequired':
      return 'required';
    case 'enum':
    case 'const':
      return 'enum';
    default:
      return 'constraint';
  }
}

function messageOf(error: ErrorObject, params: Record<string, unknown>, secret: boolean): string {
  const { data } = error;
  const limit = params.limit;
  const got = secret ? '' : `, got ${String(data)}`;
  switch (error.keyword) {
    case 'type':
      return `expected ${[params.type].flat().join(' or ')}, got ${kindOf(data)}`;
    case 'anyOf':
    case 'oneOf': {
      const shapes = Array.isArray(error.schema) ? error.schema.length : 0;
      const passing = params.passingSchemas;
      return Array.isArray(passing)
        ? `matches ${passing.length} of the ${shapes} shapes the spec allows, where exactly one should fit`
        : `matches none of the ${shapes} shapes the spec allows (got ${kindOf(data)})`;
    }
    case 'not':
      return `matches a shape the spec rules out (got ${kindOf(data)})`;
    case 'false schema':
      return `the spec allows no value here (got ${kindOf(data)})`;
    case 'required':
      return `missing required property ${String(params.missingProperty)}`;
    case 'dependentRequired':
      return `missing property ${String(params.missingProperty)}, required beside ${String(params.property)}`;
    case 'enum':
      return `${secret ? 'the value' : show(data)} is not one of ${(params.allowedValues as unknown[]).map(show).join(', ')}`;
    case 'const':
      return `${secret ? 'the value' : show(data)} is not ${show(params.allowedValue)}`;
    case 'minimum':
      return `expected at least ${limit}${got}`;
    case 'maximum':
      return `expected at most ${limit}${got}`;
    case 'exclusiveMinimum':
      return `expected more than ${limit}${got}`;
    case 'exclusiveMaximum':
      return `expected less than ${limit}${got}`;
    case 'minLength':
      return `expected at least ${limit} characters, got ${characters(data)}`;
    case 'maxLength':
      return `expected at most ${limit} characters, got ${characters(data)}`;
    case 'pattern':
      return `does not match the pattern ${String(params.pattern)}`;
    case 'minItems':
      return `expected at least ${limit} items, got ${(data as unknown[]).length}`;
    case 'maxItems':
      return `expected at most ${limit} items, got ${(data as unknown[]).length}`;
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return 'a property the spec does not allow here';
    default:
      return `breaks the spec's ${error.keyword} rule`;
  }
}

// The field a value belongs to is the last name in its pointer that is not an array index (`/keys/0` is under `keys`).
function isSecret(pointer: string): boolean {
  const field = pointer
    .split('/')
    .reverse()
    .find((segment) => !/^\d+$/.test(segment));
  return field !== undefined && SECRET_KEY.test(field);
}

/** `string`, `integer`, `number`, `boolean`, `null`, `array`, `object`, or `nothing`. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  return typeof value;
}

// Lengths as JSON Schema counts them: in code points, so an emoji is one character.
function characters(value: unknown): number {
  return [...String(value)].length;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function escapePointer(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}
