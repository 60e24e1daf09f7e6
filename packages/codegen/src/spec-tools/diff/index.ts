import { buildIr } from '../../ir/build-ir.js';
import { bundleSpecs } from '../../load/bundle.js';
import type { DiffResult, SpecVersion } from './change.js';
import { classify } from './classify.js';
import { compareSpecs } from './compare.js';

/** Bundles a root spec file and builds its IR. */
export function loadSpecVersion(rootFile: string): SpecVersion {
  const bundle = bundleSpecs(rootFile);
  return { bundle, ir: buildIr(bundle) };
}

/** Compares two root spec files and classifies every change. */
export function diffSpecs(oldRoot: string, newRoot: string, labels = { old: oldRoot, new: newRoot }): DiffResult {
  return classify(compareSpecs(loadSpecVersion(oldRoot), loadSpecVersion(newRoot)), labels);
}

export type * from './change.js';
export { classify } from './classify.js';
export { compareSpecs } from './compare.js';
export { changesetFor, writeChangeset, releaseBump } from './changeset.js';
export { describeChange, formatJson, formatText } from './report.js';
export { openSource, SourceError, type SpecSource } from './sources.js';
