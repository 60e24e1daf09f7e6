/** The vocabulary of the diff: what changed, where, and how bad it is for callers. */

import type { IrModel } from '../../ir/types.js';
import type { Bundle } from '../../load/bundle.js';

/** Which way data flows through a type: sent by callers, returned by the API, or both. */
export type Direction = 'request' | 'response' | 'both';

/** The part of the API a change is about. */
export type Element = 'resource' | 'operation' | 'parameter' | 'body' | 'result' | 'type' | 'field' | 'enum';

/** What happened to it. `changed` is any change the diff cannot call wider or narrower. */
export type Action =
  | 'added'
  | 'removed'
  | 'required'
  | 'optional'
  | 'changed'
  | 'widened'
  | 'narrowed'
  | 'tightened'
  | 'loosened'
  | 'docs';

/** One difference between two versions of the specs, before it is classified. */
export interface Change {
  element: Element;
  action: Action;
  /** What changed: `rooms.list (GET /rooms)`, `rooms.list query max`, `Room.title`, `RoomType`. */
  target: string;
  /** Which way the changed thing flows; classification depends on it. */
  direction?: Direction;
  /** For an added parameter, field or body: whether callers must send it. */
  required?: boolean;
  /** Which aspect changed: `path`, `summary`, `maxLength`, … */
  aspect?: string;
  /** The enum value added or removed. */
  value?: string | number | boolean;
  from?: string;
  to?: string;
}

/** How a change affects code written against the previous version. */
export type Level = 'breaking' | 'additive' | 'docs';

/** A change with its level. */
export interface ClassifiedChange extends Change {
  level: Level;
}

/** A semver bump, as changesets spells it. */
export type Bump = 'major' | 'minor' | 'patch';

/** The whole comparison of two spec versions. */
export interface DiffResult {
  old: string;
  new: string;
  /** The bump the changes call for; `none` when nothing changed. */
  bump: Bump | 'none';
  counts: Record<Level, number>;
  changes: ClassifiedChange[];
}

/** One version of the specs, bundled and turned into the IR. */
export interface SpecVersion {
  bundle: Bundle;
  ir: IrModel;
}
