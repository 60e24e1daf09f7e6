import { singular } from '../../ir/names.js';

// What makes a description worth reading next to its summary: it says what the summary cannot (units, limits,
// side effects, who may call it). These checks find the ones that do not.

/**
 * Words that carry nothing when a description is read against its summary: articles, the "Use this API to" of
 * boilerplate, and the small words that turn a title into a sentence ("the details of one room").
 */
const FILLER = new Set(
  (
    'a an the this that it its their one all you user please api endpoint operation request method call use used ' +
    'allows lets to can be is will of in on for from with by'
  ).split(' '),
);
/** Verbs that say the same as another, as the summary's verb: `Shows …` restates `Get …`. */
const SYNONYMS = new Map([
  ...['retrieve', 'fetch', 'return', 'show', 'read', 'view', 'obtain'].map((verb) => [verb, 'get'] as const),
  ['remove', 'delete'],
  ['change', 'update'],
  ['modify', 'update'],
  ['add', 'create'],
]);

/** Whole descriptions that say nothing at all. */
const BOILERPLATE =
  /^(?:tbd|tba|n\/?a|none|todo|description|no description|placeholder|lorem ipsum\b.*|to be (?:written|described|documented|added)|see (?:the )?summary|see above|same as (?:the )?summary|coming soon)$/;

/** Markup the developer portal's prose carries (`<Callout>`, `<br>`, links) and our specs never write outside code. */
const PORTAL_MARKUP = /<\/?(?:callout|br|p|a|div|span|ul|ol|li|b|i|strong|em|table|tr|td|th|h[1-6])\b[^>]*>/i;

/** A description's or summary's words as compared: lower case, singular, `get` for its synonyms, filler gone. */
function meaningfulWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? [])
    .filter((word) => !FILLER.has(word))
    .map((word) => singular(word))
    .map((word) => SYNONYMS.get(word) ?? word);
}

/** Whether a description only restates its summary: the same words, or near enough to be a retyping of them. */
export function repeatsSummary(summary: string, description: string): boolean {
  const said = new Set(meaningfulWords(summary));
  const words = meaningfulWords(description);
  if (words.every((word) => said.has(word))) return true;
  const [a, b] = [meaningfulWords(summary).join(' '), words.join(' ')];
  return similarity(a, b) >= 0.85;
}

/** Whether a description is a known placeholder rather than prose. */
export function isBoilerplate(description: string): boolean {
  return BOILERPLATE.test(
    description
      .trim()
      .toLowerCase()
      .replace(/[.!]+$/, ''),
  );
}

/** Whether text carries the developer portal's markup outside code spans: a sign of copied prose. */
export function hasPortalMarkup(text: string): boolean {
  return PORTAL_MARKUP.test(text.replace(/`[^`]*`/g, ''));
}

/** 1 for equal strings, falling towards 0 with the edits between them (Levenshtein distance over the longer length). */
function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (!longest) return 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return 1 - previous[b.length]! / longest;
}
