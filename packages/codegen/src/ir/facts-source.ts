import { SpecError } from '../load/bundle.js';
import type { IrFactsSource } from './types.js';

/**
 * The key that says an operation's facts (or a field's) come from one source only, not from Cisco's own document:
 * so that a later check against that document can find each (specs/README.md, "Webex Calling").
 */
export const FACTS_SOURCE = 'x-facts-source';

/** The sources a fact may rest on alone, and what each is, for the generated JSDoc. */
const FACTS_SOURCES: Record<IrFactsSource, string> = {
  wxc_sdk:
    "the hand-written Python SDK calls it, but no part of Cisco's Calling document at hand describes it; its path, fields and answer are unconfirmed.",
  'partner-2025':
    "Cisco's partner document of April 2025 describes it, but the newer Calling document at hand does not; it may have changed since.",
};

/** A node's `x-facts-source`, checked: one of {@link FACTS_SOURCES}, or undefined when it has none. */
export function readFactsSource(node: object, place: string): IrFactsSource | undefined {
  const value: unknown = (node as Record<string, unknown>)[FACTS_SOURCE];
  if (value === undefined) return undefined;
  if (typeof value === 'string' && Object.hasOwn(FACTS_SOURCES, value)) return value as IrFactsSource;
  throw new SpecError(
    `${place}: ${FACTS_SOURCE} must be ${Object.keys(FACTS_SOURCES).join(' or ')}, the one source its facts come from (got ${JSON.stringify(value)})`,
  );
}

/** The line the method's JSDoc gets: `Facts from wxc_sdk only: …`. */
export function factsSourceNote(source: IrFactsSource): string {
  return `Facts from ${source} only: ${FACTS_SOURCES[source]}`;
}
