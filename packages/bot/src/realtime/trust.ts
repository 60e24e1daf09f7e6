// Where the token may go: https/wss URLs on Webex's own domains. Checked on every URL the catalog and WDM hand back,
// before the token is sent, because a tampered or mistaken answer must not lead the token anywhere else.
import { UntrustedUrlError } from './errors.js';
import { shown } from './http.js';

/**
 * Domains whose hosts (and subdomains) get the token: `u2c.wbx2.com`, `wdm-a.wbx2.com`, the `mercury-connection-…`
 * hosts of wbx2.com, `u2c.gov.ciscospark.com` (FedRAMP), `webexapis.com`, `api-usgov.webex.com`.
 */
export const WEBEX_DOMAINS: readonly string[] = ['wbx2.com', 'ciscospark.com', 'webex.com', 'webexapis.com'];

/** What a URL is checked against. */
export interface TrustPolicy {
  /** Domains whose hosts are trusted (a host equal to one, or ending in `.` and one). */
  domains: readonly string[];
  /**
   * With the test option: the loopback origin (`127.0.0.1:<port>`) of the catalog, whose `http:`/`ws:` URLs are
   * trusted too. Other loopback ports are not: one fake serves everything.
   */
  loopback: string | undefined;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether `hostname` is a loopback name. */
export function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

/**
 * Checks a URL before the token goes to it: `http`/`ws` pairs with `https`/`wss` as `kind` says, no credentials in
 * the URL, and a Webex host (or, in tests, the catalog's own loopback origin). Returns the parsed URL.
 */
export function trustedUrl(value: unknown, role: string, kind: 'http' | 'ws', policy: TrustPolicy): URL {
  if (typeof value !== 'string' || value === '')
    throw new UntrustedUrlError(role, String(value), `expected an absolute URL, got ${describe(value)}`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UntrustedUrlError(role, value.split('?')[0]!, 'not an absolute URL');
  }
  const where = shown(url);
  const secure = kind === 'http' ? 'https:' : 'wss:';
  const plain = kind === 'http' ? 'http:' : 'ws:';
  if (url.username || url.password) throw new UntrustedUrlError(role, where, 'the URL carries credentials');
  if (policy.loopback !== undefined && isLoopback(url.hostname)) {
    if (url.protocol !== secure && url.protocol !== plain)
      throw new UntrustedUrlError(role, where, `expected ${secure} or ${plain}, got ${url.protocol}`);
    if (url.host !== policy.loopback)
      throw new UntrustedUrlError(
        role,
        where,
        `allowLoopbackForTests trusts only the catalog's own origin (${policy.loopback}), not ${url.host}`,
      );
    return url;
  }
  if (url.protocol !== secure)
    throw new UntrustedUrlError(
      role,
      where,
      `expected ${secure} (the token never travels in clear), got ${url.protocol}`,
    );
  const host = url.hostname.toLowerCase();
  if (!policy.domains.some((domain) => host === domain || host.endsWith(`.${domain}`)))
    throw new UntrustedUrlError(
      role,
      where,
      `${host} is not a Webex host (trusted domains: ${policy.domains.join(', ')}); pass webexDomains to add one`,
    );
  return url;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  return typeof value === 'string' ? 'an empty string' : `a ${typeof value}`;
}
