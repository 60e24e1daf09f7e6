// Options → settings: the defaults, the environment, the retry policy and the checks on `baseUrl`.
import { defaultRetryPolicy, type RetryPolicy } from '@webex-ts/paginate';
import { AccessTokenError, WebexValidationError } from '../errors/classes.js';
import type { AttemptFetch } from '../core/observe.js';
import type { TransportSettings } from '../core/transport.js';
import { DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS, type WebexOptions } from './options.js';

/** The environment variable holding the access token. */
const TOKEN_VARIABLE = 'WEBEX_ACCESS_TOKEN';
/** The environment variable holding the API root. */
const BASE_URL_VARIABLE = 'WEBEX_BASE_URL';

/** A variable of the environment, where there is one: nothing touches `process` in browsers or edge runtimes. */
export function environment(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.[name] || undefined;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * Checks an API root before anything is sent: an absolute http(s) URL without
 * credentials, query or fragment; plain http only to loopback unless allowed.
 * The error never echoes the URL, which may hold secrets. `option` names the
 * option in errors (`baseUrl`, `contactCenter.baseUrl`), `example` a good value.
 */
export function checkBaseUrl(
  raw: string,
  allowInsecureHttp = false,
  option = 'baseUrl',
  example = 'https://webexapis.com/v1',
): string {
  const fail = (rule: string): never => {
    throw new WebexValidationError('new Webex', option, `${option} ${rule}`);
  };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail(`must be an absolute http(s) URL, like ${example}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail(`must use https (got ${url.protocol.slice(0, -1)})`);
  if (url.username || url.password) fail('must not carry credentials (user:password@); give the token as accessToken');
  if (url.search || url.hash || raw.includes('?') || raw.includes('#')) fail('must not carry a query or a fragment');
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname) && !allowInsecureHttp) {
    fail(
      'uses plain http to a host other than loopback, which would send the token in clear; use https, or pass allowInsecureHttp: true',
    );
  }
  return raw.replace(/\/+$/, '');
}

/** The default retry policy merged with a client's options. */
function retryPolicyFrom(options: WebexOptions): RetryPolicy {
  // `maxRetryAfter` is the deprecated name of `maxRetryAfterMs`, same unit.
  const maxRetryAfterMs = options.maxRetryAfterMs ?? options.maxRetryAfter;
  return {
    ...defaultRetryPolicy,
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
    ...(options.waitOnRateLimit !== undefined ? { waitOnRateLimit: options.waitOnRateLimit } : {}),
    ...(maxRetryAfterMs !== undefined ? { maxRetryAfterMs } : {}),
  };
}

/** The fetch for each attempt. A caller's fetch takes only a Request, so URL, init and signal are folded into one. */
function attemptFetch(custom: WebexOptions['fetch']): AttemptFetch {
  if (!custom) return (input, init) => globalThis.fetch(input, init);
  return (input, init) => custom(typeof input === 'string' || init ? new Request(input, init) : input);
}

/**
 * A transport's settings from a client's options. Each setting: the option,
 * then the environment (`WEBEX_ACCESS_TOKEN`, `WEBEX_BASE_URL`), then the default.
 * `requireToken: false` is for token exchanges, which need none.
 */
export function settingsFrom(options: WebexOptions, requireToken = true): TransportSettings {
  const accessToken = options.accessToken || environment(TOKEN_VARIABLE) || '';
  if (!accessToken && requireToken) throw new AccessTokenError(TOKEN_VARIABLE);
  return {
    accessToken,
    baseUrl: checkBaseUrl(
      options.baseUrl ?? environment(BASE_URL_VARIABLE) ?? DEFAULT_BASE_URL,
      options.allowInsecureHttp,
    ),
    timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
    userAgent: options.userAgent,
    fetch: attemptFetch(options.fetch),
    retry: retryPolicyFrom(options),
    hooks: { onRetry: options.onRetry, onRequest: options.onRequest, onResponse: options.onResponse },
    logger: options.logger ?? (options.debug ? console : undefined),
  };
}
