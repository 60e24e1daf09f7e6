// Which of the API's hosts an operation is served from, and which one an upstream is: from the client's operation
// table, so the proxy knows the same hosts the client routes to.
import { operations } from '@webex-ts/client/operations';

/** The name of the API's own host (webexapis.com), which the operation table leaves unnamed. */
const API_HOST = 'webex';

/** Each host other than the API's own, with the server its operations declare (`https://api.wxcc-{region}.cisco.com`). */
function hostServers(): Map<string, string> {
  const servers = new Map<string, string>();
  for (const operation of Object.values(operations) as { host?: string; server?: string }[])
    if (operation.host !== undefined && operation.server !== undefined) servers.set(operation.host, operation.server);
  return servers;
}

/** The host an operation of the table is served from, by name (`rooms.get` → `webex`). */
export function hostOfOperation(name: string): string {
  return (operations as Record<string, { host?: string }>)[name]?.host ?? API_HOST;
}

/** Every host's name: the API's own first. */
export function hostNames(): string[] {
  return [API_HOST, ...[...hostServers().keys()].sort()];
}

/**
 * The host an upstream URL is: the host whose server template it fits (`https://api.wxcc-eu1.cisco.com` fits
 * `https://api.wxcc-{region}.cisco.com`, a variable being one DNS label), else the API's own (webexapis.com, a mock, a
 * test server: say otherwise with `upstreamHost`).
 */
export function hostOfUpstream(upstream: string): string {
  const origin = new URL(upstream).origin;
  for (const [host, server] of hostServers()) {
    const pattern = server.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    if (new RegExp(`^${pattern.join('[a-z0-9-]+')}$`, 'i').test(origin)) return host;
  }
  return API_HOST;
}
