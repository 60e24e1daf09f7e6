// A value checked against a schema of the spec by Ajv, each failure named by the contract rule it breaks.
import type { SchemaIssue } from './issue.js';
import { issuesFrom } from './schema-issues.js';
import type { ContractSpec, Schema } from './spec.js';
import { validatorFor } from './validators.js';

// The package's entry point exports `ContractRule` from here, where it has always lived.
export type { ContractRule } from './issue.js';

/** Checks a value against a schema; an empty list means it conforms. `pointer` places the value inside its part. */
export function checkSchema(
  spec: ContractSpec,
  schema: Schema | undefined,
  value: unknown,
  pointer = '',
): SchemaIssue[] {
  if (!schema) return [];
  const validate = validatorFor(spec, schema);
  return validate(value) ? [] : issuesFrom(validate.errors ?? [], pointer);
}
