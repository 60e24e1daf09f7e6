import type { Bundle } from '../load/bundle.js';
import { binaryUses } from './binary-fields.js';
import { buildModel } from './build.js';
import { nameTypes } from './name-types.js';
import { operationPlace, specOperations } from './spec-operations.js';
import type { IrModel } from './types.js';
import { validateSpecs } from './validate.js';

/**
 * Turns a bundled document into the IR, stage by stage: validate (every `x-sdk-*` setting and rule), name (every
 * type name the generator makes up, in one pass), build (the named types and the operations per resource, a binary
 * string a `Blob` where requests send it).
 */
export function buildIr(bundle: Bundle): IrModel {
  const spec = validateSpecs(bundle);
  const names = nameTypes({
    components: spec.components,
    queries: spec.operations
      .filter((op) => op.parameters.some((p) => p.in === 'query'))
      .map((op) => ({ label: op.label, place: operationPlace(op) })),
    overrides: spec.nameOverrides,
  });
  return buildModel(spec, names, binaryUses(spec.document, specOperations(bundle, spec.document)));
}
