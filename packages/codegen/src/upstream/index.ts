import { relative } from 'node:path';
import { bundleSpecs } from '../load/bundle.js';
import {
  compareWithUpstream,
  type OurOperation,
  type TheirOperation,
  type UpstreamComparison,
  type UpstreamResult,
} from './compare.js';
import { readUpstreamDocument } from './document.js';
import { operationShapes } from './shape.js';

/**
 * Compares our specs (the root spec file, bundled) with official Webex documents.
 * Throws UpstreamInputError for an unusable document and SpecError when our specs do not bundle.
 */
export function compareUpstream(rootFile: string, files: string[], options: { cwd?: string } = {}): UpstreamComparison {
  const documents = files.map(readUpstreamDocument);
  const bundle = bundleSpecs(rootFile);
  const ours = new Map<string, OurOperation>();
  for (const [key, shape] of operationShapes(bundle.document)) {
    const file =
      bundle.operationSources.get(`${shape.method} ${shape.rawPath}`) ??
      bundle.pathSources.get(shape.rawPath) ??
      'webex';
    ours.set(key, { ...shape, file });
  }
  const theirs: TheirOperation[] = [];
  const labels: UpstreamResult['documents'] = [];
  for (const doc of documents) {
    const shapes = [...operationShapes(doc.document).values()];
    labels.push({ file: doc.file, title: doc.title, operations: shapes.length });
    theirs.push(...shapes.map((shape) => ({ ...shape, document: doc.file })));
  }
  const fromCwd = relative(options.cwd ?? process.cwd(), rootFile);
  const specs = fromCwd && !fromCwd.startsWith('..') ? fromCwd : rootFile;
  return { result: compareWithUpstream(ours, theirs, { specs, documents: labels }), bundle, ours, documents, theirs };
}

export { hasDifferences, type UpstreamComparison } from './compare.js';
export type { Difference, UpstreamResult } from './compare.js';
export { readUpstreamDocument, UpstreamInputError } from './document.js';
export { formatUpstreamJson, formatUpstreamText } from './report.js';
export { scaffoldDrafts } from './scaffold.js';
