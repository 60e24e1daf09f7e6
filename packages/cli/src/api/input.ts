// Turns `--param name=value` pairs into an operation's path, query and headers, checked against the spec.
import { UsageError } from '../args.js';
import type { Operation } from './operations.js';
import type { Parameter } from './spec.js';
import { closest } from './suggest.js';

/** What goes to the core: path and query parameters, body, headers. */
export interface RequestInput {
  params: { path: Record<string, string>; query: Record<string, unknown> };
  body?: unknown;
  headers?: Record<string, string>;
}

/** The request parts of one call; throws a `UsageError` for unknown, repeated, malformed or missing parameters. */
export function buildInput(operation: Operation, pairs: string[], body: unknown): RequestInput {
  const byName = new Map(operation.parameters.map((parameter) => [parameter.name, parameter]));
  const given = new Map<string, string[]>();
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at < 1) throw new UsageError(`--param takes name=value (got "${pair}")`);
    const name = pair.slice(0, at);
    const parameter = byName.get(name);
    if (!parameter) throw new UsageError(unknownParameter(operation, name));
    const values = given.get(name) ?? [];
    if (values.length && parameter.type !== 'array')
      throw new UsageError(`--param ${name} was given twice; ${operation.name} takes one value for it`);
    given.set(name, [...values, pair.slice(at + 1)]);
  }
  const missing = operation.parameters.filter((parameter) => parameter.required && !given.has(parameter.name));
  if (missing.length)
    throw new UsageError(
      `${operation.name} needs ${missing.map((parameter) => `--param ${parameter.name}=…`).join(' ')}`,
    );

  if (body !== undefined && operation.body === 'none')
    throw new UsageError(`${operation.name} takes no body (${operation.method.toUpperCase()} ${operation.path})`);
  if (body === undefined && operation.body === 'required')
    throw new UsageError(`${operation.name} needs a JSON body: --body @file.json or --body -`);

  const input: RequestInput = { params: { path: {}, query: {} } };
  const headers: Record<string, string> = { ...operation.headers };
  for (const [name, values] of given) {
    const parameter = byName.get(name)!;
    if (parameter.in === 'path') input.params.path[name] = values[0]!;
    else if (parameter.in === 'header') headers[name] = values.join(',');
    else
      input.params.query[name] =
        parameter.type === 'array'
          ? values.map((value) => coerce(parameter, parameter.itemType ?? 'string', value))
          : coerce(parameter, parameter.type, values[0]!);
  }
  if (Object.keys(headers).length) input.headers = headers;
  if (body !== undefined) input.body = body;
  return input;
}

/** A query value as the spec's type wants it: numbers and booleans are checked, the rest stays text. */
function coerce(parameter: Parameter, type: string, value: string): unknown {
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

function unknownParameter(operation: Operation, name: string): string {
  const names = operation.parameters.map((parameter) => parameter.name);
  if (!names.length) return `${operation.name} takes no parameters (got "${name}")`;
  const near = closest(name, names);
  return `${operation.name} has no parameter "${name}"${near.length ? `; did you mean ${near.join(' or ')}?` : ''}\nIt takes: ${names.join(', ')}`;
}
