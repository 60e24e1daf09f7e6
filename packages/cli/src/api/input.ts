// Turns `--param name=value` and `--header name=value` pairs into an operation's path, query and headers, checked
// against the operation table.
import { operationChecks, type ParameterInfo } from '@webex-ts/client/operations';
import { UsageError } from '../args.js';
import { fixedHeaders, type Operation } from './operations.js';
import { closest } from './suggest.js';

/** Whether a parameter takes a list: given once per value, `--param tag=a --param tag=b`. */
const isList = (parameter: ParameterInfo) => parameter.type.endsWith('[]');

/** What goes to the core: path and query parameters, body, headers, and how the client checks and sends them. */
export interface RequestInput {
  params: { path: Record<string, string>; query: Record<string, unknown> };
  body?: unknown;
  headers?: Record<string, string>;
  commaSeparatedQuery?: string[];
  partTypes?: Readonly<Record<string, string>>;
  check?: (typeof operationChecks)[keyof typeof operationChecks];
}

/** What the command line gives for one call: `--param` and `--header` pairs, in order, and the `--body` JSON. */
export interface GivenInput {
  params: string[];
  headers: string[];
  body: unknown;
}

/**
 * The request parts of one call; throws a `UsageError` for unknown, repeated, malformed or missing parameters,
 * and for headers that are not valid, are parameters of the operation, or are Authorization.
 */
export function buildInput(
  operation: Operation,
  { params: pairs, headers: headerPairs, body }: GivenInput,
): RequestInput {
  const byName = new Map(operation.parameters.map((parameter) => [parameter.name, parameter]));
  const given = new Map<string, string[]>();
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at < 1) throw new UsageError(`--param takes name=value (got "${pair}")`);
    const name = pair.slice(0, at);
    const parameter = byName.get(name);
    if (!parameter) throw new UsageError(unknownParameter(operation, name));
    const values = given.get(name) ?? [];
    if (values.length && !isList(parameter))
      throw new UsageError(`--param ${name} was given twice; ${operation.name} takes one value for it`);
    given.set(name, [...values, pair.slice(at + 1)]);
  }
  const missing = operation.parameters.filter((parameter) => parameter.required && !given.has(parameter.name));
  if (missing.length)
    throw new UsageError(
      `${operation.name} needs ${missing.map((parameter) => `--param ${parameter.name}=…`).join(' ')}`,
    );

  if (body !== undefined && !operation.body)
    throw new UsageError(`${operation.name} takes no body (${operation.method.toUpperCase()} ${operation.path})`);
  if (body === undefined && operation.body?.required)
    throw new UsageError(`${operation.name} needs a JSON body: --body @file.json or --body -`);

  const input: RequestInput = { params: { path: {}, query: {} } };
  const headers: Record<string, string> = fixedHeaders(operation);
  for (const [name, values] of given) {
    const parameter = byName.get(name)!;
    if (parameter.in === 'path') input.params.path[name] = values[0]!;
    else if (parameter.in === 'header') headers[name] = checkHeader('--param', name, values.join(','));
    else
      input.params.query[name] = isList(parameter)
        ? values.map((value) => coerce(parameter, parameter.type.slice(0, -2), value))
        : coerce(parameter, parameter.type, values[0]!);
  }
  Object.assign(headers, extraHeaders(operation, headerPairs));
  if (Object.keys(headers).length) input.headers = headers;
  if (body !== undefined) input.body = body;
  const commaSeparated = operation.parameters.filter((parameter) => parameter.commaSeparated);
  if (commaSeparated.length) input.commaSeparatedQuery = commaSeparated.map((parameter) => parameter.name);
  // A multipart body's typed parts (a JSON part) go with their content types, as the generated method sends them.
  if (operation.body?.partTypes) input.partTypes = operation.body.partTypes;
  // The client's own check of the operation (`messages.create`: one destination …), as its method makes it.
  if (operation.check) input.check = operationChecks[operation.check];
  return input;
}

/** A query value as the spec's type wants it: numbers and booleans are checked, the rest stays text. */
function coerce(parameter: ParameterInfo, type: string, value: string): unknown {
  if (type === 'integer' || type === 'number') {
    const number = Number(value);
    const ok = value.trim() !== '' && Number.isFinite(number) && (type === 'number' || Number.isInteger(number));
    if (!ok)
      throw new UsageError(
        `--param ${parameter.name} takes ${type === 'integer' ? 'a whole number' : 'a number'} (got "${value}")`,
      );
    return number;
  }
  if (type === 'boolean') {
    if (value !== 'true' && value !== 'false')
      throw new UsageError(`--param ${parameter.name} takes true or false (got "${value}")`);
    return value === 'true';
  }
  return value;
}

/** A header name: an HTTP token (RFC 9110). */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** What a header value may hold: tabs, spaces, printable ASCII and Latin-1 (what fetch sends as bytes). */
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** `--header` pairs as headers, names as given; values of a repeated name joined with ", ". */
function extraHeaders(operation: Operation, pairs: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const colon = pair.indexOf(':');
    if (colon > 0 && (at < 0 || colon < at))
      throw new UsageError(
        `--header takes name=value, not name: value (got "${pair}"); for example --header Prefer=code=404`,
      );
    if (at < 1) throw new UsageError(`--header takes name=value (got "${pair}"); for example --header Prefer=code=404`);
    const name = pair.slice(0, at);
    if (!TOKEN.test(name))
      throw new UsageError(
        `--header ${JSON.stringify(name)} is not a header name: use letters, digits and !#$%&'*+-.^_\`|~ only`,
      );
    const lower = name.toLowerCase();
    if (lower === 'authorization')
      throw new UsageError(
        '--header cannot set Authorization: the token comes from WEBEX_ACCESS_TOKEN, --token-file or --token',
      );
    const parameter = operation.parameters.find((candidate) => candidate.name.toLowerCase() === lower);
    if (parameter)
      throw new UsageError(
        `${parameter.name} is a ${parameter.in} parameter of ${operation.name}: give it as --param ${parameter.name}=…`,
      );
    const value = checkHeader('--header', name, pair.slice(at + 1));
    const same = Object.keys(headers).find((key) => key.toLowerCase() === lower);
    if (same) headers[same] = `${headers[same]}, ${value}`;
    else headers[name] = value;
  }
  return headers;
}

/** `value` when a header can carry it; a line break would end the header and start another. */
function checkHeader(option: string, name: string, value: string): string {
  if (/[\r\n]/.test(value))
    throw new UsageError(`${option} ${name}: a header value cannot hold a line break (CR or LF); give it on one line`);
  const bad = [...value].find((ch) => !FIELD_VALUE.test(ch));
  if (bad !== undefined)
    throw new UsageError(
      `${option} ${name}: a header value cannot hold U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}; only printable ASCII, spaces, tabs and Latin-1`,
    );
  return value;
}

function unknownParameter(operation: Operation, name: string): string {
  const names = operation.parameters.map((parameter) => parameter.name);
  if (!names.length) return `${operation.name} takes no parameters (got "${name}")`;
  const near = closest(name, names);
  return `${operation.name} has no parameter "${name}"${near.length ? `; did you mean ${near.join(' or ')}?` : ''} It takes: ${names.join(', ')}`;
}
