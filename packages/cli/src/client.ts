import { Webex } from '@webex-ts/client';
import { text, type Values } from './args.js';
import { VERSION } from './version.js';

/** No token on the command line or in the environment. */
export class NoTokenError extends Error {
  override name = 'NoTokenError';
  constructor() {
    super('no access token: set WEBEX_ACCESS_TOKEN (or pass --token)');
  }
}

/** The token the command runs with, if any. */
export function tokenFrom(values: Values, env: Record<string, string | undefined>): string | undefined {
  return text(values, 'token') || env.WEBEX_ACCESS_TOKEN || undefined;
}

/** A client from `--token`/`WEBEX_ACCESS_TOKEN` and `--base-url`/`WEBEX_BASE_URL`. */
export function createClient(values: Values, env: Record<string, string | undefined>): Webex {
  const accessToken = tokenFrom(values, env);
  if (!accessToken) throw new NoTokenError();
  const baseUrl = text(values, 'base-url') || env.WEBEX_BASE_URL || undefined;
  return new Webex({ accessToken, baseUrl, userAgent: `webex-cli/${VERSION}` });
}
