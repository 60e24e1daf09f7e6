import type { Json } from '../../load/bundle.js';
import type { Action } from './change.js';
import type { Schema } from './raw.js';

type Bound = 'lower' | 'upper' | 'flag' | 'other';

/** Validation keywords the IR drops, and which way a larger value moves them. */
const KEYWORDS: Record<string, Bound> = {
  minLength: 'lower',
  maxLength: 'upper',
  minimum: 'lower',
  maximum: 'upper',
  exclusiveMinimum: 'lower',
  exclusiveMaximum: 'upper',
  minItems: 'lower',
  maxItems: 'upper',
  minProperties: 'lower',
  maxProperties: 'upper',
  uniqueItems: 'flag',
  pattern: 'other',
  multipleOf: 'other',
};

/** One validation keyword that differs between two schemas. */
export interface ConstraintChange {
  aspect: string;
  action: Extract<Action, 'tightened' | 'loosened' | 'changed'>;
  from: string;
  to: string;
}

/** The validation keywords (length, range, pattern, …) that differ, each tightened, loosened or changed. */
export function constraintChanges(a: Schema, b: Schema): ConstraintChange[] {
  const changes: ConstraintChange[] = [];
  for (const [aspect, bound] of Object.entries(KEYWORDS)) {
    const [before, after] = [a[aspect], b[aspect]];
    if (JSON.stringify(before) === JSON.stringify(after)) continue;
    changes.push({ aspect, action: direction(bound, before, after), from: show(before), to: show(after) });
  }
  return changes;
}

function direction(bound: Bound, before: Json | undefined, after: Json | undefined): ConstraintChange['action'] {
  // 3.0 spells exclusive bounds as booleans; those act like flags.
  const flagLike = (v: Json | undefined) => v === undefined || typeof v === 'boolean';
  if (bound === 'flag' || typeof before === 'boolean' || typeof after === 'boolean') {
    if (!flagLike(before) || !flagLike(after)) return 'changed';
    return after === true ? 'tightened' : 'loosened';
  }
  if (before === undefined) return 'tightened';
  if (after === undefined) return 'loosened';
  if (bound === 'other' || typeof before !== 'number' || typeof after !== 'number') return 'changed';
  return (bound === 'lower') === after > before ? 'tightened' : 'loosened';
}

function show(value: Json | undefined): string {
  return value === undefined ? 'none' : JSON.stringify(value);
}
