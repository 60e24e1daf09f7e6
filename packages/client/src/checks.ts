import type { CallInput } from './core/resource.js';
import { WebexValidationError } from './errors/classes.js';

type Fields = Record<string, unknown>;

/** Webex's limit on a message's text or markdown, in UTF-8 bytes. */
export const MESSAGE_MAX_BYTES = 7439;
/** The most ids `people.list` takes in one call. */
export const PEOPLE_MAX_IDS = 85;

const present = (fields: Fields, name: string) =>
  fields[name] !== undefined && fields[name] !== null && fields[name] !== '';
const utf8Length = (text: string) => new TextEncoder().encode(text).length;

function exactlyOne(operation: string, fields: Fields, names: string[]): void {
  const given = names.filter((name) => present(fields, name));
  if (given.length !== 1) {
    throw new WebexValidationError(
      operation,
      names.join('|'),
      `give exactly one of ${names.join(', ')} (got ${given.length ? given.join(' and ') : 'none'})`,
    );
  }
}

function withinBytes(operation: string, fields: Fields, name: string): void {
  const value = fields[name];
  if (typeof value === 'string' && utf8Length(value) > MESSAGE_MAX_BYTES) {
    throw new WebexValidationError(
      operation,
      name,
      `${name} must be at most ${MESSAGE_MAX_BYTES} bytes of UTF-8 (got ${utf8Length(value)})`,
    );
  }
}

function atMostOne(operation: string, fields: Fields, name: string): void {
  const value = fields[name];
  if (Array.isArray(value) && value.length > 1) {
    throw new WebexValidationError(
      operation,
      name,
      `${name} takes one item per message (got ${value.length}); send one message per item`,
    );
  }
}

/** The body's fields: a JSON object's, or a multipart form's (a message with a local file goes as one). */
const body = (input: CallInput): Fields =>
  input.body instanceof FormData
    ? Object.fromEntries(input.body)
    : input.body && typeof input.body === 'object'
      ? (input.body as Fields)
      : {};
const query = (input: CallInput): Fields => (input.params?.query ?? {}) as Fields;

// Rules the API enforces that the spec cannot express, checked before anything is sent. Each is a function of its
// own, which the generated method of its operation passes in the call's input (`x-sdk-check` in the spec), so that
// a bundle carries only the checks of the methods it uses.

/** `messages.create`: one destination, some content, sizes within Webex's limits, one file or card per message. */
export function checkMessageCreate(input: CallInput, op: string): void {
  const fields = body(input);
  exactlyOne(op, fields, ['roomId', 'toPersonId', 'toPersonEmail']);
  if (!['text', 'markdown', 'files', 'attachments'].some((name) => present(fields, name))) {
    throw new WebexValidationError(
      op,
      'text|markdown|files|attachments',
      'give some content: text, markdown, files or attachments',
    );
  }
  withinBytes(op, fields, 'text');
  withinBytes(op, fields, 'markdown');
  atMostOne(op, fields, 'files');
  atMostOne(op, fields, 'attachments');
}

/** `messages.edit`: new text or markdown, within Webex's limit. */
export function checkMessageEdit(input: CallInput, op: string): void {
  const fields = body(input);
  if (!present(fields, 'text') && !present(fields, 'markdown')) {
    throw new WebexValidationError(op, 'text|markdown', 'give the new text or markdown');
  }
  withinBytes(op, fields, 'text');
  withinBytes(op, fields, 'markdown');
}

/** `memberships.create`, `teamMemberships.create`: the person by id or by email, not both. */
export function checkMembershipCreate(input: CallInput, op: string): void {
  exactlyOne(op, body(input), ['personId', 'personEmail']);
}

/** `people.list`: at most `PEOPLE_MAX_IDS` ids in one call. */
export function checkPeopleList(input: CallInput, op: string): void {
  const ids = query(input).id;
  if (typeof ids !== 'string') return;
  const count = ids.split(',').filter(Boolean).length;
  if (count > PEOPLE_MAX_IDS) {
    throw new WebexValidationError(
      op,
      'id',
      `id takes at most ${PEOPLE_MAX_IDS} comma-separated ids (got ${count}); split the lookup`,
    );
  }
}

/**
 * Every operation's own check by name, for callers that call operations by name (`webex api`): the operation
 * table's `check` is a key of it. Imported from `@webex-ts/client/operations`, so a bundle of a few methods never
 * carries the others'.
 */
export const operationChecks = {
  checkMessageCreate,
  checkMessageEdit,
  checkMembershipCreate,
  checkPeopleList,
} as const;

/**
 * Why a path parameter cannot be sent, or undefined when it can. `.` and `..` are dot segments: URL parsing would
 * remove them and the request would reach another operation (`/meetings/./registration` is `/meetings/registration`).
 */
function pathValueProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `a non-empty string (got ${typeof value})`;
  if (value.trim() === '') return `a non-empty string (got ${value === '' ? 'an empty string' : 'only spaces'})`;
  if (value === '.' || value === '..') return `an id, not the path segment "${value}"`;
  return undefined;
}

/**
 * Checks a call's input: each path parameter must be an id that stays one path segment, then the operation's own
 * rule, when its method passed one (`input.check`).
 */
export function checkInput(operation: string, input: CallInput): void {
  const path = input.params?.path;
  if (path) {
    for (const [name, value] of Object.entries(path)) {
      const problem = pathValueProblem(value);
      if (problem) throw new WebexValidationError(operation, name, `${name} must be ${problem}`);
    }
  }
  input.check?.(input, operation);
}
