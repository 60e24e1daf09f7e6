import { type AcceptedDivergences, differenceKey } from './accepted.js';
import { countsOf, type Difference, type ResourceReport, type UpstreamResult } from './compare.js';

/**
 * The result with what the accepted divergences cover left out: a difference goes when a listed rule covers it or
 * an entry names exactly it; an operation only on one side goes only by an entry. `compared` holds every operation
 * (`GET /rooms`) the comparison covered, so that an entry for one of them that matched nothing is reported as
 * unused, while entries for documents not given this time are not.
 */
export function withoutAccepted(
  result: UpstreamResult,
  accepted: AcceptedDivergences,
  compared: ReadonlySet<string>,
): UpstreamResult {
  const entries = new Map(accepted.differences.map((entry) => [differenceKey(entry.operation, entry), entry]));
  const used = new Set<string>();
  const byRule: Record<string, number> = {};
  let byEntry = 0;

  const isAccepted = (operation: string, difference: Difference | OperationOnOneSide): boolean => {
    const key = differenceKey(operation, difference);
    if (entries.has(key)) {
      used.add(key);
      byEntry++;
      return true;
    }
    if ('where' in difference && difference.where === 'operation') return false;
    const rule = accepted.rules.find(({ rule }) => rule.matches(difference as Difference))?.rule;
    if (!rule) return false;
    byRule[rule.id] = (byRule[rule.id] ?? 0) + 1;
    return true;
  };

  const resources: ResourceReport[] = [];
  for (const report of result.resources) {
    const kept: ResourceReport = {
      ...report,
      onlyUpstream: report.onlyUpstream.filter(
        (op) => !isAccepted(`${op.method} ${op.path}`, { kind: 'only-upstream', where: 'operation' }),
      ),
      onlyOurs: report.onlyOurs.filter(
        (op) => !isAccepted(`${op.method} ${op.path}`, { kind: 'only-ours', where: 'operation' }),
      ),
      changed: report.changed
        .map((op) => ({
          ...op,
          differences: op.differences.filter((difference) => !isAccepted(`${op.method} ${op.path}`, difference)),
        }))
        .filter((op) => op.differences.length),
    };
    if (kept.onlyUpstream.length || kept.onlyOurs.length || kept.changed.length) resources.push(kept);
  }

  const unused = [...entries]
    .filter(([key, entry]) => !used.has(key) && compared.has(entry.operation))
    .map(([, entry]) => ({ operation: entry.operation, kind: entry.kind, reason: entry.reason }));
  const hidden = byEntry + Object.values(byRule).reduce((total, n) => total + n, 0);
  return {
    ...result,
    counts: countsOf(resources, { matched: result.counts.matched, notCompared: result.counts.notCompared }),
    resources,
    accepted: { file: accepted.file, hidden, byRule, byEntry, unused },
  };
}

type OperationOnOneSide = { kind: 'only-upstream' | 'only-ours'; where: 'operation' };
