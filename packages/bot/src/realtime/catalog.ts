// The U2C service catalog: where the device service (WDM) lives for this account, and which cluster each
// conversation host belongs to (REST ids carry the cluster). Never a hard-coded device host: a device on the wrong
// cluster gets a socket that stays silent (realtime-events.md §1).
import { type HttpSettings, answerError, isRecord, requestJson } from './http.js';
import { type TrustPolicy, trustedUrl } from './trust.js';

/** The default U2C base; FedRAMP accounts use `https://u2c.gov.ciscospark.com/u2c/api/v1`. */
export const DEFAULT_CATALOG_URL = 'https://u2c.wbx2.com/u2c/api/v1';

/** What the source takes from the catalog. */
export interface Catalog {
  /** `serviceLinks.wdm`, checked: the device service base, e.g. `https://wdm-a.wbx2.com/wdm/api/v1`. */
  wdm: URL;
  /** Catalog id (`urn:TEAM:us-east-2_a:conversation`) by host, for {@link clusterOfHost}. */
  hosts: ReadonlyMap<string, string>;
}

/** Reads `GET <u2c>/catalog?format=hostmap`. */
export async function fetchCatalog(
  http: HttpSettings,
  base: URL,
  token: string,
  policy: TrustPolicy,
): Promise<Catalog> {
  const url = new URL(`${base.href.replace(/\/+$/, '')}/catalog`);
  url.searchParams.set('format', 'hostmap');
  const answer = await requestJson(http, 'GET', url, token);
  if (answer.status !== 200 || !isRecord(answer.body)) throw answerError('GET', url, answer, '200 and the catalog');
  const links = answer.body.serviceLinks;
  const wdm = isRecord(links) ? links.wdm : undefined;
  if (typeof wdm !== 'string')
    throw answerError('GET', url, answer, 'a catalog whose serviceLinks name the device service (wdm)');
  return { wdm: trustedUrl(wdm, 'serviceLinks.wdm', 'http', policy), hosts: hostIds(answer.body.hostCatalog) };
}

/** Host → catalog id, from `hostCatalog` (its keys and the `host` of each entry). */
export function hostIds(hostCatalog: unknown): Map<string, string> {
  const hosts = new Map<string, string>();
  if (!isRecord(hostCatalog)) return hosts;
  for (const [key, entries] of Object.entries(hostCatalog)) {
    if (!Array.isArray(entries)) continue;
    for (const entry of entries) {
      if (!isRecord(entry) || typeof entry.id !== 'string') continue;
      if (!hosts.has(key.toLowerCase())) hosts.set(key.toLowerCase(), entry.id);
      if (typeof entry.host === 'string' && !hosts.has(entry.host.toLowerCase()))
        hosts.set(entry.host.toLowerCase(), entry.id);
    }
  }
  return hosts;
}

/**
 * The cluster part of REST ids for a catalog id, as the Webex JS SDK derives it: `us` for `urn:TEAM:us-east-2_a…`
 * (and the integration cluster `urn:TEAM:us-east-1_int13…`), otherwise the first three colon parts
 * (`urn:TEAM:eu-central-1_k`).
 */
export function clusterOfCatalogId(id: string): string {
  if (id.startsWith('urn:TEAM:us-east-2_a') || id.startsWith('urn:TEAM:us-east-1_int13')) return 'us';
  return id.split(':').slice(0, 3).join(':');
}

/** The cluster of a conversation URL's host (with its port, then without); undefined when the catalog has no entry. */
export function clusterOfHost(catalog: Catalog, url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const id = catalog.hosts.get(parsed.host.toLowerCase()) ?? catalog.hosts.get(parsed.hostname.toLowerCase());
  return id === undefined ? undefined : clusterOfCatalogId(id);
}
