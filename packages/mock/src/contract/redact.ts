// What the proxy prints or writes never carries a credential: no Authorization, no token or secret in a URL.
import { redactUrl } from '@webex-ts/client';

/** A request path and query safe to print: secret-looking query values replaced by `REDACTED`. */
export function redactPath(pathAndQuery: string): string {
  const url = new URL(pathAndQuery, 'http://redacted.invalid');
  const safe = new URL(redactUrl(url.href));
  return `${safe.pathname}${safe.search}`;
}

/** An upstream URL safe to print: no credentials, no query values that look secret. */
export function redactUpstream(upstream: string): string {
  return redactUrl(upstream);
}
