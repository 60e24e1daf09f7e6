import { readFileSync } from 'node:fs';
import type { WebexOptions } from '@webex-ts/client';
import { text, UsageError, type Values } from './args.js';
import type { Io } from './io.js';
import { VERSION } from './version.js';

/** No usable token: none on the command line or in the environment, or an unreadable token file. Exit 2. */
export class NoTokenError extends Error {
  override name = 'NoTokenError';
  constructor(message = 'no access token: set WEBEX_ACCESS_TOKEN (or use --token-file <path>)') {
    super(message);
  }
}

/** `--token-file` could not be read, or held no token. */
class TokenFileError extends NoTokenError {
  override name = 'TokenFileError';
}

/** What `--token` prints on stderr: the token is now in `ps` and the shell history. */
export const TOKEN_OPTION_WARNING =
  'webex: warning: --token shows the token to anyone who can run ps, and keeps it in your shell history; use --token-file <path> or WEBEX_ACCESS_TOKEN instead\n';

/** The token to cut out of error messages before any file is read: `--token` or `WEBEX_ACCESS_TOKEN`. */
export function tokenFrom(values: Values, env: Record<string, string | undefined>): string | undefined {
  return text(values, 'token') || env.WEBEX_ACCESS_TOKEN || undefined;
}

/** The token the command runs with: `--token`, else `--token-file`, else `WEBEX_ACCESS_TOKEN`. */
function readToken(values: Values, env: Record<string, string | undefined>): string {
  const flag = text(values, 'token');
  const path = text(values, 'token-file');
  if (flag !== undefined && path !== undefined) throw new UsageError('give only one of --token and --token-file');
  if (flag) return flag;
  if (path !== undefined) return readTokenFile(path);
  if (env.WEBEX_ACCESS_TOKEN) return env.WEBEX_ACCESS_TOKEN;
  throw new NoTokenError();
}

/** Why a file could not be read, in words, by `code`; any other code is shown as it is. */
const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** The file's one word, surrounding whitespace (the trailing newline of `echo`) trimmed. Messages never quote the contents. */
function readTokenFile(path: string): string {
  let contents: string;
  try {
    contents = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    const why = READ_ERRORS[code] ?? code;
    throw new TokenFileError(
      `cannot read the token file ${path}: ${why}; give the path of a file holding only the access token, or set WEBEX_ACCESS_TOKEN`,
    );
  }
  const token = contents.trim();
  if (!token)
    throw new TokenFileError(`the token file ${path} is empty; put the access token in it, or set WEBEX_ACCESS_TOKEN`);
  // Anything inside the token would end up in a header error that quotes the header, token and all.
  if (/\s/.test(token))
    throw new TokenFileError(`the token file ${path} holds more than one word; it should hold only the access token`);
  return token;
}

/**
 * The client options of every command: token, API root (`--base-url`/`WEBEX_BASE_URL`), user agent, and
 * long retry waits told on stderr. Call it once per run: a token file may be a pipe (`<(pass webex)`).
 */
export function clientOptions(values: Values, io: Pick<Io, 'env' | 'stderr'>): WebexOptions & { accessToken: string } {
  const accessToken = readToken(values, io.env);
  const baseUrl = text(values, 'base-url') || io.env.WEBEX_BASE_URL || undefined;
  return { accessToken, baseUrl, userAgent: `webex-cli/${VERSION}`, logger: waitsOnStderr(io.stderr) };
}

/**
 * Prints what the client announces (a retry wait of 5 s or more, such as a 429's Retry-After) and drops
 * its debug output: a command that goes quiet for a minute looks hung. The client decides what counts as
 * long, so the CLI and library users see the same waits.
 */
function waitsOnStderr(stderr: Io['stderr']): NonNullable<WebexOptions['logger']> {
  return {
    debug() {},
    warn(message) {
      stderr.write(`${message}\n`);
    },
  };
}
