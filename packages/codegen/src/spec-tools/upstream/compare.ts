import type { UpstreamDocument } from './document.js';
import type { Bundle } from '../../load/bundle.js';
import type { Facts, OperationShape } from './shape.js';

/** Where a parameter or field lives. */
type Where = 'path' | 'query' | 'request' | 'response';

/** One difference within an operation both sides have. `name` is `''` for a whole body. */
export type Difference =
  | { kind: 'path-names'; ours: string; upstream: string }
  | { kind: 'summary'; ours: string; upstream: string }
  | { kind: 'only-upstream' | 'only-ours'; where: Where; name: string; required: boolean }
  | { kind: 'type'; where: Where; name: string; ours: string; upstream: string }
  | { kind: 'enum'; where: Where; name: string; onlyOurs: string[]; onlyUpstream: string[] }
  | {
      kind: 'required';
      where: Where;
      name: string;
      ours: boolean;
      upstream: boolean;
      /** Our evidence for requiring it (`x-required-because`), when we do. */
      because?: string;
    };

/** An operation one side has and the other does not. */
export interface OperationRef {
  method: string;
  path: string;
  operationId?: string;
  summary?: string;
  /** The upstream document it is in (operations only upstream). */
  document?: string;
  /** Our spec file it is in, relative to the specs folder without extension (operations only ours). */
  file?: string;
}

/** An operation both sides have, with what differs. */
interface ChangedOperation {
  method: string;
  /** Our path. */
  path: string;
  upstreamPath: string;
  operationId?: string;
  document: string;
  file: string;
  differences: Difference[];
}

/** Everything that differs for one resource (an upstream tag). */
export interface ResourceReport {
  resource: string;
  /** Our spec files holding its operations. */
  files: string[];
  onlyUpstream: OperationRef[];
  onlyOurs: OperationRef[];
  changed: ChangedOperation[];
}

/** The outcome of `webex-codegen upstream`. */
export interface UpstreamResult {
  specs: string;
  documents: { file: string; title: string; operations: number }[];
  counts: {
    /** Resources with at least one difference. */
    resources: number;
    onlyUpstream: number;
    onlyOurs: number;
    /** Differences inside operations both sides have. */
    differences: number;
    /** Operations found on both sides. */
    matched: number;
    /** Our operations in resources none of the documents describe: not compared. */
    notCompared: number;
  };
  resources: ResourceReport[];
  /** What the accepted-divergences file hid; undefined when none was read. */
  accepted?: AcceptedSummary;
}

/** What the accepted divergences hid from a result, and which of them no longer match. */
interface AcceptedSummary {
  file: string;
  /** Differences (and operations only on one side) left out of the result. */
  hidden: number;
  /** How many each rule hid, by rule id. */
  byRule: Record<string, number>;
  /** How many the entries for single differences hid. */
  byEntry: number;
  /** Entries for operations this comparison covered that matched nothing: the difference is gone or changed. */
  unused: { operation: string; kind: string; reason: string }[];
}

/** One of our operations, with the spec file it is in. */
export interface OurOperation extends OperationShape {
  file: string;
}

/** One upstream operation, with the document it is in. */
export interface TheirOperation extends OperationShape {
  document: string;
}

/**
 * Compares our operations with the upstream ones, per upstream tag. An operation in several documents is
 * compared once, with the first document holding it. Our operations count as "only ours" when their
 * resource is one the documents describe (a shared tag, or a spec file holding a matched operation).
 */
export function compareWithUpstream(
  ours: Map<string, OurOperation>,
  upstream: TheirOperation[],
  labels: { specs: string; documents: UpstreamResult['documents'] },
): UpstreamResult {
  const theirs = new Map<string, TheirOperation>();
  for (const op of upstream) if (!theirs.has(op.key)) theirs.set(op.key, op);

  const reports = new Map<string, ResourceReport>();
  const reportFor = (resource: string) => {
    const known = reports.get(resource);
    if (known) return known;
    const report: ResourceReport = { resource, files: [], onlyUpstream: [], onlyOurs: [], changed: [] };
    reports.set(resource, report);
    return report;
  };
  const addFile = (report: ResourceReport, file: string) => {
    if (!report.files.includes(file)) report.files.push(file);
  };

  const upstreamTags = new Set(upstream.flatMap((op) => (op.tags.length ? op.tags : [op.tag])));
  const matchedFiles = new Set<string>();
  let matched = 0;
  for (const op of theirs.values()) {
    const report = reportFor(op.tag);
    const mine = ours.get(op.key);
    if (!mine) {
      report.onlyUpstream.push(ref(op, { document: op.document }));
      continue;
    }
    matched++;
    matchedFiles.add(mine.file);
    addFile(report, mine.file);
    const differences = compareOperation(mine, op);
    if (differences.length) {
      report.changed.push({
        method: op.method.toUpperCase(),
        path: mine.path,
        upstreamPath: op.path,
        ...(mine.operationId ? { operationId: mine.operationId } : {}),
        document: op.document,
        file: mine.file,
        differences,
      });
    }
  }

  let notCompared = 0;
  for (const mine of ours.values()) {
    if (theirs.has(mine.key)) continue;
    if (!matchedFiles.has(mine.file) && !mine.tags.some((tag) => upstreamTags.has(tag))) {
      notCompared++;
      continue;
    }
    const report = reportFor(
      upstreamTags.has(mine.tag) ? mine.tag : (mine.tags.find((tag) => upstreamTags.has(tag)) ?? mine.tag),
    );
    addFile(report, mine.file);
    report.onlyOurs.push(ref(mine, { file: mine.file }));
  }

  // Files of our operations under a tag, for resources whose operations all differ in shape.
  for (const mine of ours.values()) {
    const report = reports.get(mine.tag);
    if (report && (report.onlyUpstream.length || report.changed.length)) addFile(report, mine.file);
  }

  const resources = [...reports.values()]
    .filter((r) => r.onlyUpstream.length || r.onlyOurs.length || r.changed.length)
    .sort((a, b) => a.resource.localeCompare(b.resource));
  for (const r of resources) {
    r.files.sort();
    const order = (a: OperationRef | ChangedOperation, b: OperationRef | ChangedOperation) =>
      a.path.localeCompare(b.path) || a.method.localeCompare(b.method);
    r.onlyUpstream.sort(order);
    r.onlyOurs.sort(order);
    r.changed.sort(order);
  }
  return {
    specs: labels.specs,
    documents: labels.documents,
    counts: countsOf(resources, { matched, notCompared }),
    resources,
  };
}

/** The counts of a result's resources. */
export function countsOf(
  resources: ResourceReport[],
  compared: Pick<UpstreamResult['counts'], 'matched' | 'notCompared'>,
): UpstreamResult['counts'] {
  const sum = (pick: (r: ResourceReport) => number) => resources.reduce((total, r) => total + pick(r), 0);
  return {
    resources: resources.length,
    onlyUpstream: sum((r) => r.onlyUpstream.length),
    onlyOurs: sum((r) => r.onlyOurs.length),
    differences: sum((r) => r.changed.reduce((total, c) => total + c.differences.length, 0)),
    ...compared,
  };
}

/** Whether the comparison found anything. */
export function hasDifferences(result: UpstreamResult): boolean {
  const { onlyUpstream, onlyOurs, differences } = result.counts;
  return onlyUpstream + onlyOurs + differences > 0;
}

function ref(op: OperationShape, extra: Pick<OperationRef, 'document' | 'file'>): OperationRef {
  return {
    method: op.method.toUpperCase(),
    path: op.path,
    ...(op.operationId ? { operationId: op.operationId } : {}),
    ...(op.summary ? { summary: op.summary } : {}),
    ...extra,
  };
}

/** Every difference between two shapes of the same operation. */
function compareOperation(ours: OperationShape, upstream: OperationShape): Difference[] {
  const differences: Difference[] = [];
  if (ours.path !== upstream.path) differences.push({ kind: 'path-names', ours: ours.path, upstream: upstream.path });
  if (ours.summary && upstream.summary && comparableSummary(ours.summary) !== comparableSummary(upstream.summary))
    differences.push({ kind: 'summary', ours: ours.summary, upstream: upstream.summary });
  // Path parameters pair by position: their names may differ, which path-names already says.
  ours.pathParameters.forEach((mine, index) => {
    const theirs = upstream.pathParameters[index];
    if (theirs) differences.push(...compareFacts('path', mine.name, mine.facts, theirs.facts));
  });
  differences.push(...compareFields('query', ours.query, upstream.query));
  for (const where of ['request', 'response'] as const) {
    const [mine, theirs] = [ours[where], upstream[where]];
    if (mine && theirs) differences.push(...compareFields(where, mine, theirs));
    else if (mine || theirs) {
      differences.push({
        kind: mine ? 'only-ours' : 'only-upstream',
        where,
        name: '',
        required: (mine ?? theirs)!.get('')?.required ?? false,
      });
    }
  }
  return differences;
}

/** Differences between two sets of named facts; a missing field is reported once, not with everything under it. */
function compareFields(where: Where, ours: Map<string, Facts>, upstream: Map<string, Facts>): Difference[] {
  const differences: Difference[] = [];
  const names = [...new Set([...ours.keys(), ...upstream.keys()])].sort();
  for (const name of names) {
    const [mine, theirs] = [ours.get(name), upstream.get(name)];
    if (mine && theirs) {
      differences.push(...compareFacts(where, name, mine, theirs));
      continue;
    }
    const parent = where === 'query' ? undefined : parentOf(name);
    if (parent !== undefined && !(ours.has(parent) && upstream.has(parent))) continue;
    differences.push({ kind: mine ? 'only-ours' : 'only-upstream', where, name, required: (mine ?? theirs)!.required });
  }
  return differences;
}

function compareFacts(where: Where, name: string, ours: Facts, upstream: Facts): Difference[] {
  const differences: Difference[] = [];
  // A side that does not say what type a value is agrees with any type.
  if (ours.type !== upstream.type && ours.type !== 'any' && upstream.type !== 'any') {
    differences.push({ kind: 'type', where, name, ours: ours.type, upstream: upstream.type });
  }
  if (ours.enum && upstream.enum) {
    const onlyOurs = ours.enum.filter((v) => !upstream.enum!.includes(v));
    const onlyUpstream = upstream.enum.filter((v) => !ours.enum!.includes(v));
    if (onlyOurs.length || onlyUpstream.length) differences.push({ kind: 'enum', where, name, onlyOurs, onlyUpstream });
  }
  if (ours.required !== upstream.required) {
    differences.push({
      kind: 'required',
      where,
      name,
      ours: ours.required,
      upstream: upstream.required,
      ...(ours.because !== undefined ? { because: ours.because } : {}),
    });
  }
  return differences;
}

/**
 * A summary as compared: case, punctuation, articles and a plural `(s)` left out, so `Get a Room` and `Get room`
 * agree while `Get Room Details` does not.
 */
function comparableSummary(summary: string): string {
  return summary
    .toLowerCase()
    .replace(/\(s\)/g, 's')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((word) => word && !['a', 'an', 'the'].includes(word))
    .join(' ');
}

/** `a.b` → `a`, `a[]` → `a`, `a[].b` → `a[]`, `a` → `''` (the body), `''` → undefined. */
function parentOf(name: string): string | undefined {
  if (name === '') return undefined;
  if (name.endsWith('[]')) return name.slice(0, -2);
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(0, dot);
}

/** Everything one comparison read, for reports and for `--scaffold`. */
export interface UpstreamComparison {
  result: UpstreamResult;
  bundle: Bundle;
  ours: Map<string, OurOperation>;
  documents: UpstreamDocument[];
  theirs: TheirOperation[];
}
