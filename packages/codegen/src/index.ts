export { bundleSpecs, SpecError, type Bundle } from './load/bundle.js';
export { buildIr } from './ir/build-ir.js';
export type * from './ir/types.js';
export { generate, defaultLayout, type Layout } from './generate.js';
export { findDrift, writeFiles, type Drift } from './write/output.js';
export {
  changesetFor,
  classify,
  compareSpecs,
  describeChange,
  diffSpecs,
  formatJson,
  formatText,
  loadSpecVersion,
  writeChangeset,
  releaseBump,
  type Change,
  type ClassifiedChange,
  type DiffResult,
} from './spec-tools/diff/index.js';
export { main } from './cli.js';
export {
  compareUpstream,
  formatUpstreamJson,
  formatUpstreamText,
  hasDifferences,
  readUpstreamDocument,
  scaffoldDrafts,
  UpstreamInputError,
  type Difference,
  type UpstreamResult,
} from './spec-tools/upstream/index.js';
