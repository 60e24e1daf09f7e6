// Where `createHttp` sends a path: the core of the host that serves it (Contact Center's paths to its origin).
import type { HostName } from './core/operation-info.js';
import { hostPaths } from './gen/host-paths.gen.js';

/** What a host gives `createHttp`: its root, and its core's fetch (its token, retries, typed errors). */
export interface HostFetch {
  readonly baseUrl: string;
  fetch(request: Request): Promise<Response>;
}

let routes: [RegExp, HostName][] | undefined;

/** The host other than the API's own whose path template matches `path` (as sent: each `{name}` one segment). */
export function hostOfPath(path: string): HostName | undefined {
  routes ??= Object.entries(hostPaths).flatMap(([host, templates]) =>
    (templates ?? []).map((template): [RegExp, HostName] => [templateTest(template), host as HostName]),
  );
  return routes.find(([test]) => test.test(path))?.[1];
}

function templateTest(template: string): RegExp {
  const parts = template.split(/\{[^}]+\}/).map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[^/]+')}$`);
}

/**
 * A fetch for openapi-fetch that sends each request under `own.baseUrl` whose path another host serves to that
 * host's core (`hostFetch(host)`, which throws when that host is not configured), at that host's root; every other
 * request goes to `own` as it is.
 */
export function routedFetch(own: HostFetch, hostFetch: (host: HostName) => HostFetch): HostFetch['fetch'] {
  const root = new URL(own.baseUrl);
  const rootPath = root.pathname.replace(/\/$/, '');
  return async (request) => {
    const url = new URL(request.url);
    const under = url.origin === root.origin && url.pathname.startsWith(`${rootPath}/`);
    const path = url.pathname.slice(rootPath.length);
    const host = under ? hostOfPath(path) : undefined;
    if (host === undefined) return own.fetch(request);
    const target = hostFetch(host);
    const body = request.body === null ? null : await request.arrayBuffer();
    return target.fetch(
      new Request(`${target.baseUrl.replace(/\/$/, '')}${path}${url.search}`, {
        method: request.method,
        headers: request.headers,
        body,
        signal: request.signal,
      }),
    );
  };
}
