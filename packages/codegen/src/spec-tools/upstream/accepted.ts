import { readFileSync } from 'node:fs';
import type { Json } from '../../load/bundle.js';
import type { Difference } from './compare.js';
import { DIVERGENCE_RULES, type DivergenceRule } from './divergence-rules.js';
import { isNode, type Node, UpstreamInputError } from './document.js';

/** An operation only one side has, accepted as such: `where` is `operation` to say so in the entry itself. */
type OperationDifference = { kind: 'only-upstream' | 'only-ours'; where: 'operation' };

/** One accepted difference: exactly one difference of one operation (`GET /rooms`, our path when both have it). */
type AcceptedDifference = (Difference | OperationDifference) & { operation: string; reason: string };

/** The accepted-divergences file, read and checked. */
export interface AcceptedDivergences {
  file: string;
  rules: { rule: DivergenceRule; reason: string }[];
  differences: AcceptedDifference[];
}

/**
 * The fields that say which difference an entry is, per kind: an entry must give each of them, and matches only
 * a difference equal in all of them, so a later change of the same field (another type, another enum value) shows.
 */
const IDENTITY: Record<AcceptedDifference['kind'], readonly string[]> = {
  'path-names': ['ours', 'upstream'],
  summary: ['ours', 'upstream'],
  'only-upstream': ['where', 'name', 'required'],
  'only-ours': ['where', 'name', 'required'],
  type: ['where', 'name', 'ours', 'upstream'],
  enum: ['where', 'name', 'onlyOurs', 'onlyUpstream'],
  required: ['where', 'name', 'ours', 'upstream'],
};
const OPERATION = /^(GET|PUT|POST|DELETE|PATCH) \/\S*$/;
const WHERE = ['path', 'query', 'request', 'response'];

/** The key an accepted entry and a difference share when the entry accepts it. */
export function differenceKey(operation: string, difference: Difference | OperationDifference): string {
  if ('where' in difference && difference.where === 'operation') return JSON.stringify([operation, difference.kind]);
  const fields = IDENTITY[difference.kind].map((field) => {
    const value = (difference as Record<string, unknown>)[field];
    return Array.isArray(value) ? [...value].sort() : value;
  });
  return JSON.stringify([operation, difference.kind, ...fields]);
}

/** Reads the accepted-divergences file; throws an UpstreamInputError naming the file, the entry and what is wrong. */
export function readAcceptedDivergences(file: string): AcceptedDivergences {
  let parsed: Json;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as Json;
  } catch (error) {
    throw new UpstreamInputError(`${file}: not a readable JSON file (${(error as Error).message.split('\n')[0]})`);
  }
  if (!isNode(parsed)) throw new UpstreamInputError(`${file}: expected an object with "rules" and "differences"`);
  const problems: string[] = [];
  const rules: AcceptedDivergences['rules'] = [];
  asList(parsed.rules).forEach((entry, index) => {
    const where = `rules[${index}]`;
    const known = isNode(entry) ? DIVERGENCE_RULES.find((rule) => rule.id === entry.rule) : undefined;
    if (!isNode(entry) || !known) {
      const ids = DIVERGENCE_RULES.map((rule) => rule.id).join(', ');
      problems.push(`${where}: "rule" must name one of our rules (${ids}; specs/README.md, Rules)`);
    } else if (rules.some((seen) => seen.rule === known)) problems.push(`${where}: ${known.id} is listed twice`);
    else if (!hasReason(entry)) problems.push(`${where}: ${known.id} needs a "reason"`);
    else rules.push({ rule: known, reason: entry.reason as string });
  });
  const differences: AcceptedDifference[] = [];
  const seen = new Set<string>();
  asList(parsed.differences).forEach((entry, index) => {
    const problem = entryProblem(entry);
    const accepted = entry as unknown as AcceptedDifference;
    const key = problem ? '' : differenceKey(accepted.operation, accepted);
    if (problem) problems.push(`differences[${index}]: ${problem}`);
    else if (seen.has(key)) problems.push(`differences[${index}]: the same difference is accepted twice`);
    else {
      seen.add(key);
      differences.push(accepted);
    }
  });
  for (const key of Object.keys(parsed))
    if (!['$comment', 'rules', 'differences'].includes(key)) problems.push(`unknown key "${key}"`);
  if (problems.length) throw new UpstreamInputError(`${file}: ${problems.join('; ')}`);
  return { file, rules, differences };
}

/** What is wrong with one entry of `differences`, or undefined when it names exactly one difference and why. */
function entryProblem(entry: Json): string | undefined {
  if (!isNode(entry)) return 'expected an object';
  if (typeof entry.operation !== 'string' || !OPERATION.test(entry.operation))
    return '"operation" must be one operation, "GET /rooms/{roomId}" (no patterns: each entry accepts one difference)';
  const kind = entry.kind as AcceptedDifference['kind'];
  if (typeof kind !== 'string' || !(kind in IDENTITY))
    return `"kind" must be one of ${Object.keys(IDENTITY).join(', ')}`;
  if (!hasReason(entry)) return 'needs a "reason": why we differ on purpose';
  const isOperation = (kind === 'only-upstream' || kind === 'only-ours') && entry.where === 'operation';
  const fields = isOperation ? ['where'] : IDENTITY[kind];
  const missing = fields.filter((field) => entry[field] === undefined);
  if (missing.length)
    return `a ${kind} entry names ${fields.join(', ')} (missing ${missing.join(', ')}; no blanket entries)`;
  const extra = Object.keys(entry).filter((key) => !['operation', 'kind', 'reason', ...fields].includes(key));
  if (extra.length) return `unknown field${extra.length === 1 ? '' : 's'} ${extra.join(', ')} for a ${kind} entry`;
  if (!isOperation && fields.includes('where') && !WHERE.includes(String(entry.where)))
    return `"where" must be one of ${[...WHERE, 'operation'].join(', ')}`;
  return undefined;
}

function hasReason(entry: Node): boolean {
  return typeof entry.reason === 'string' && entry.reason.trim().length > 0;
}

function asList(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}
