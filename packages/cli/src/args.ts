import { parseArgs, type ParseArgsConfig } from 'node:util';

type ParseArgsOption = NonNullable<ParseArgsConfig['options']>[string];

/** A `parseArgs` option with what `--help` shows for it. */
type OptionSpec = ParseArgsOption & { help: string; arg?: string };
export type OptionSpecs = Record<string, OptionSpec>;
export type Values = Record<string, string | boolean | undefined>;

/** Bad command line: exit 2 with one line saying what is wrong. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Options every command takes. */
export const GLOBAL_OPTIONS: OptionSpecs = {
  token: {
    type: 'string',
    arg: '<token>',
    help: 'access token; ps and shell history show it: prefer $WEBEX_ACCESS_TOKEN (the default) or --token-file',
  },
  // A file, not stdin: `--markdown -` and `--text -` read stdin.
  'token-file': {
    type: 'string',
    arg: '<path>',
    help: 'read the access token from a file, such as a mounted CI secret (stdin stays free for --markdown -)',
  },
  'base-url': { type: 'string', arg: '<url>', help: 'API root (default: $WEBEX_BASE_URL or https://webexapis.com/v1)' },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
};

/** For commands that print one object. */
export const JSON_OPTION: OptionSpecs = {
  json: { type: 'boolean', help: 'print the result as JSON' },
};

/** For commands that print a listing. */
export const LISTING_OPTIONS: OptionSpecs = {
  json: { type: 'boolean', help: 'print one JSON array' },
  ndjson: { type: 'boolean', help: 'print one JSON object per line' },
};

/** `parseArgs`, its errors turned into usage errors. */
export function parse(args: string[], options: OptionSpecs, strict = true): { values: Values; positionals: string[] } {
  try {
    // Only `webex api`'s --param and --header are `multiple` (string arrays); the commands read those themselves.
    return parseArgs({ args, options, allowPositionals: true, strict }) as { values: Values; positionals: string[] };
  } catch (error) {
    throw new UsageError(parseArgsMessage(error as Error & { code?: string }));
  }
}

/** What `parseArgs` found wrong, in one short line: `unknown option --foo`, `--room needs a value`. */
function parseArgsMessage(error: Error & { code?: string }): string {
  const quoted = /'(-[^' ]+)/.exec(error.message)?.[1];
  const option = /--[\w-]+/.exec(error.message)?.[0] ?? quoted;
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted) return `unknown option ${quoted}`;
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    if (/does not take an argument/.test(error.message)) return `${option} takes no value`;
    if (/ambiguous/.test(error.message))
      return `${option} needs a value; one that starts with a dash goes after "=": ${option}=-x`;
    return `${option} needs a value`;
  }
  return error.message.split('\n')[0]!;
}

/** A whole number of at least 1, or undefined when the option was not given. */
export function positiveInteger(values: Values, name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const number = Number(raw);
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || number < 1)
    throw new UsageError(`--${name} takes a whole number of at least 1 (got "${raw}")`);
  return number;
}

/** One of `choices`, or undefined when the option was not given. */
export function oneOf<T extends string>(values: Values, name: string, choices: readonly T[]): T | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (!choices.includes(raw as T)) throw new UsageError(`--${name} takes one of ${choices.join(', ')} (got "${raw}")`);
  return raw as T;
}

/** A string option, or undefined. */
export function text(values: Values, name: string): string | undefined {
  const raw = values[name];
  return typeof raw === 'string' ? raw : undefined;
}

/** A string option that must be given. */
export function required(values: Values, name: string): string {
  const raw = text(values, name);
  if (!raw) throw new UsageError(`--${name} is required`);
  return raw;
}
