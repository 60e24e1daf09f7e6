import { camelCase, singular } from '../../ir/names.js';

// Method names follow specs/README.md ("Method names"): `list`, `get`, `create`, `update`, `delete` where they fit,
// else a verb and what it acts on (`listFloors`, `bulkSave`), without articles and without the resource's own words.

const ARTICLES = new Set(['a', 'an', 'the']);
/** Verbs a summary uses where a TypeScript user guesses `get`. */
const GET_VERBS = new Set(['retrieve', 'fetch', 'read', 'show', 'view', 'obtain']);
/** Words that add nothing to a method name wherever they stand. */
const NOISE = new Set(['specific', 'particular', 'given', 'new', 'existing']);
/** Words that add nothing at the end of a method name (`getFloor`, not `getFloorDetails`). */
const TRAILING = new Set([
  'details',
  'detail',
  'info',
  'information',
  'by',
  'for',
  'of',
  'in',
  'on',
  'to',
  'with',
  'from',
]);

/** What a drafted operation's method is named from. */
export interface MethodNameInput {
  /** The HTTP method, lower case. */
  method: string;
  path: string;
  /** The resource's collection path (`collectionPath`), undefined when it has none. */
  collection: string | undefined;
  summary: string | undefined;
  /** Whether the answer is a list: an array, or an object holding one. */
  answersList: boolean;
  /** The resource's own words (its tag, its namespace), lower case and singular. */
  resourceWords: ReadonlySet<string>;
  /** Names the resource already uses; the result is added by the caller. */
  taken: ReadonlySet<string>;
}

/** A summary's words as names use them: markup, `(s)` plurals, possessives and articles gone (`Get a Customer's Tags` → Get Customer Tags). */
export function summaryWords(summary: string | undefined): string[] {
  const text = (summary ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\(s\)/gi, 's')
    .replace(/['’]s\b/g, '');
  return (text.match(/[A-Za-z0-9]+/g) ?? []).filter((word) => !ARTICLES.has(word.toLowerCase()));
}

/** The method a user guesses for a drafted operation, unique among `taken`. */
export function methodNameFor(input: MethodNameInput): string {
  const standard = standardMethod(input);
  if (standard && !input.taken.has(standard)) return standard;
  return unique(describedMethod(input), input.taken);
}

/** `list`, `get`, `create`, `update` or `delete` when the path is the collection or one of its items. */
function standardMethod({ method, path, collection, answersList }: MethodNameInput): string | undefined {
  if (collection === undefined) return undefined;
  if (path === collection) {
    if (method === 'get') return answersList ? 'list' : undefined;
    return method === 'post' ? 'create' : undefined;
  }
  if (!isItemOf(path, collection)) return undefined;
  return ({ get: 'get', put: 'update', patch: 'update', delete: 'delete' } as Record<string, string>)[method];
}

/** The summary as a verb and what it acts on, the resource's own words left out (`Bulk save Skill(s)` → `bulkSave`). */
function describedMethod({ method, path, summary, resourceWords }: MethodNameInput): string {
  let words = summaryWords(summary).map((word) => word.toLowerCase());
  if (GET_VERBS.has(words[0] ?? '')) words[0] = 'get';
  // "Get the list of …" and "Get all …" are lists.
  if (words[0] === 'get' && words[1] === 'list' && words[2] === 'of') words = ['list', ...words.slice(3)];
  if (words[0] === 'get' && words[1] === 'all') words = ['list', ...words.slice(2)];
  if (words[0] === 'list' && words[1] === 'all') words = ['list', ...words.slice(2)];
  const [verb, ...rest] = words;
  const object = rest.filter((word) => !NOISE.has(word) && !resourceWords.has(singular(word)));
  while (object.length && (TRAILING.has(object.at(-1)!) || object.at(-1) === 'id')) object.pop();
  const name = verb ? camelCase([verb, ...object].join(' ')) : fromPath(method, path);
  return /^[a-z]/.test(name) ? name : `call${name[0]!.toUpperCase()}${name.slice(1)}`;
}

/** `post /tasks/{taskId}/accept` → `postTasksAccept`, for an operation without a summary. */
function fromPath(method: string, path: string): string {
  const literal = path.split('/').filter((part) => part && !part.startsWith('{'));
  return camelCase([method, ...literal].join(' '));
}

/**
 * The collection path of a resource's operations: the path ending in a literal segment that most of the others
 * extend (`/organization/{orgid}/skill` for `…/skill/{id}` and `…/skill/bulk`), the shorter one on a tie.
 */
export function collectionPath(paths: Iterable<string>): string | undefined {
  const all = [...new Set(paths)];
  let best: { path: string; extended: number; depth: number } | undefined;
  for (const path of all.filter((p) => !p.endsWith('}')).sort()) {
    const extended = all.filter((other) => other.startsWith(`${path}/`)).length;
    const depth = path.split('/').length;
    if (!best || extended > best.extended || (extended === best.extended && depth < best.depth))
      best = { path, extended, depth };
  }
  return best?.path;
}

function isItemOf(path: string, collection: string): boolean {
  return path.startsWith(`${collection}/{`) && /^\{[^/}]+\}$/.test(path.slice(collection.length + 1));
}

/**
 * Upstream's operationId when it is an identifier, else its summary in camel case without articles
 * (`Provision a Wholesale Customer` → `provisionWholesaleCustomer`), else the method and the tag; unique in the API.
 */
export function operationIdFor(
  upstreamId: string | undefined,
  summary: string | undefined,
  fallback: string,
  taken: ReadonlySet<string>,
): string {
  if (upstreamId && /^[A-Za-z][A-Za-z0-9_]*$/.test(upstreamId) && !taken.has(upstreamId)) return upstreamId;
  const words = summaryWords(upstreamId && /\s/.test(upstreamId) ? upstreamId : summary);
  const fromWords = words.length ? camelCase(words.join(' ')) : '';
  const name = /^[a-z]/.test(fromWords) ? fromWords : camelCase(fallback);
  return unique(name, taken);
}

/** `name`, or `name2`, `name3` … when taken. */
export function unique(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  let n = 2;
  while (taken.has(`${name}${n}`)) n++;
  return `${name}${n}`;
}
