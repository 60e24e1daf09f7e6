import { relative } from 'node:path';
import { bundleSpecs } from '../../load/bundle.js';
import { withoutAccepted } from './accept.js';
import { readAcceptedDivergences } from './accepted.js';
import {
  compareWithUpstream,
  type OurOperation,
  type TheirOperation,
  type UpstreamComparison,
  type UpstreamResult,
} from './compare.js';
import { readUpstreamDocument } from './document.js';
import { publicDocumentOf } from './public-documents.js';
import { operationShapes } from './shape.js';

/**
 * Compares our specs (the root spec file, bundled) with official Webex documents, leaving out what the
 * accepted-divergences file (`accepted`, when given) accepts. Throws UpstreamInputError for an unusable
 * document or accepted-divergences file, and SpecError when our specs do not bundle.
 */
export function compareUpstream(
  rootFile: string,
  files: string[],
  options: { cwd?: string; accepted?: string } = {},
): UpstreamComparison {
  const documents = files.map(readUpstreamDocument);
  const accepted = options.accepted === undefined ? undefined : readAcceptedDivergences(options.accepted);
  const bundle = bundleSpecs(rootFile);
  const fileOf = (rawPath: string, method: string) =>
    bundle.operationSources.get(`${method} ${rawPath}`) ?? bundle.pathSources.get(rawPath);
  const ours = new Map<string, OurOperation>();
  const serverOf = (rawPath: string, method: string) => {
    const file = fileOf(rawPath, method);
    return file === undefined ? undefined : bundle.fileServers.get(file);
  };
  for (const [key, shape] of operationShapes(bundle.document, { serverOf })) {
    ours.set(key, { ...shape, file: fileOf(shape.rawPath, shape.method) ?? 'webex' });
  }
  const theirs: TheirOperation[] = [];
  const labels: UpstreamResult['documents'] = [];
  for (const doc of documents) {
    // Contact Center's document declares no servers: its host comes from what we know of the public documents.
    const shapes = [...operationShapes(doc.document, { fallback: publicDocumentOf(doc).server?.url }).values()];
    labels.push({ file: doc.file, title: doc.title, operations: shapes.length });
    theirs.push(...shapes.map((shape) => ({ ...shape, document: doc.file })));
  }
  const fromCwd = relative(options.cwd ?? process.cwd(), rootFile);
  const specs = fromCwd && !fromCwd.startsWith('..') ? fromCwd : rootFile;
  const all = compareWithUpstream(ours, theirs, { specs, documents: labels });
  const result = accepted ? withoutAccepted(all, accepted, comparedOperations(all, ours, theirs)) : all;
  return { result, bundle, ours, documents, theirs };
}

/** Every operation a comparison covered, as accepted entries name them: our path where both sides have it. */
function comparedOperations(
  result: UpstreamResult,
  ours: Map<string, OurOperation>,
  theirs: TheirOperation[],
): Set<string> {
  const compared = new Set<string>();
  for (const op of theirs) compared.add(`${op.method.toUpperCase()} ${ours.get(op.key)?.path ?? op.path}`);
  for (const report of result.resources) for (const op of report.onlyOurs) compared.add(`${op.method} ${op.path}`);
  return compared;
}

export { readAcceptedDivergences } from './accepted.js';
export { hasDifferences, type UpstreamComparison } from './compare.js';
export type { Difference, UpstreamResult } from './compare.js';
export { DIVERGENCE_RULES } from './divergence-rules.js';
export { readUpstreamDocument, UpstreamInputError } from './document.js';
export { formatUpstreamJson, formatUpstreamText } from './report.js';
export { scaffoldDrafts } from './scaffold.js';
