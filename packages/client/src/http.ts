// `@webex-ts/client/http`: the typed openapi-fetch client for any path of the spec. An entry of its own, so that
// `import { Webex }` never loads the spec's `paths` types (tens of thousands of declaration lines) nor openapi-fetch.
import createClient, { type Client } from 'openapi-fetch';
import type { Core } from './core/core.js';
import type { paths } from './gen/openapi.gen.js';
import { routedFetch } from './http-routes.js';
import type { Webex } from './webex.js';

export type { paths, components, operations } from './gen/openapi.gen.js';

/** An openapi-fetch client for the Webex API's `paths`. */
export type WebexHttp = Client<paths>;

/**
 * An openapi-fetch client for any path of the spec that sends through `client` (a `Webex`, or a core from
 * `createCore`): its token, base URL, retries, rate-limit waits, hooks and typed network errors. Answers come back as
 * openapi-fetch gives them (`{ data, error, response }`); an error answer is not thrown. Through a `Webex`, a path
 * another host serves goes to that host's origin (`/organization/{orgid}/v2/skill` to Contact Center's, which must
 * be configured: a `WebexValidationError` names the option otherwise); a core sends everything to its own.
 *
 * ```ts
 * import { createHttp } from '@webex-ts/client/http';
 *
 * const http = createHttp(webex);
 * const { data, error } = await http.GET('/rooms/{roomId}', { params: { path: { roomId } } });
 * ```
 */
export function createHttp(client: Webex | Core): WebexHttp {
  const fetch = 'hostFetch' in client ? routedFetch(client, (host) => client.hostFetch(host)) : client.fetch;
  return createClient<paths>({ baseUrl: client.baseUrl, fetch });
}
