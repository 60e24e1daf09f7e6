import type { Bump, Change, ClassifiedChange, DiffResult, Level } from './change.js';

/** Whether a change is breaking, additive or docs-only for code written against the old version. */
function levelOf(change: Change): Level {
  // The API may ask callers for less but not for more, and may return and promise more but not
  // less; which of the two applies depends on the direction. Anything unforeseen is breaking.
  const { action, direction, element } = change;
  switch (action) {
    case 'docs':
      return 'docs';
    case 'added':
      if (element === 'operation' || element === 'type' || element === 'enum') return 'additive';
      return change.required && direction !== 'response' ? 'breaking' : 'additive';
    case 'required':
    case 'tightened':
      return direction === 'response' ? 'additive' : 'breaking';
    case 'optional':
    case 'loosened':
    case 'widened':
      return direction === 'request' ? 'additive' : 'breaking';
    default:
      // removed, narrowed, changed: a narrowed result breaks code that checks for what it no longer includes.
      return 'breaking';
  }
}

/** The bump a set of levels calls for, strict semver: major for breaking, minor for additive, patch for docs. */
function bumpOf(counts: Record<Level, number>): Bump | 'none' {
  if (counts.breaking) return 'major';
  if (counts.additive) return 'minor';
  return counts.docs ? 'patch' : 'none';
}

/** Classifies every change and sums them up; the changes keep their order within each level. */
export function classify(changes: readonly Change[], labels: { old: string; new: string }): DiffResult {
  const order: Level[] = ['breaking', 'additive', 'docs'];
  const classified: ClassifiedChange[] = changes.map((c) => ({ ...c, level: levelOf(c) }));
  classified.sort((x, y) => order.indexOf(x.level) - order.indexOf(y.level));
  const counts = { breaking: 0, additive: 0, docs: 0 };
  for (const c of classified) counts[c.level]++;
  return { old: labels.old, new: labels.new, bump: bumpOf(counts), counts, changes: classified };
}
