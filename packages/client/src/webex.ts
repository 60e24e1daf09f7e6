import type { Client } from 'openapi-fetch';
import { Core, DEFAULT_TIMEOUT_MS, retryPolicyFrom } from './core.js';
import { AccessTokenError } from './errors.js';
import type { paths } from './gen/openapi.gen.js';
import { WebexResources } from './gen/resources.gen.js';
import { DEFAULT_BASE_URL, type WebexOptions } from './options.js';

const TOKEN_VARIABLE = 'WEBEX_ACCESS_TOKEN';

function environmentToken(): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.[TOKEN_VARIABLE] || undefined;
}

/**
 * The Webex REST API client: one property per resource (`webex.rooms.list()`),
 * and `webex.http`, the typed openapi-fetch client for any path.
 *
 * ```ts
 * const webex = new Webex({ accessToken });
 * for await (const room of webex.rooms.list({ type: 'group' })) console.log(room.title);
 * ```
 */
export class Webex extends WebexResources {
  /** The typed openapi-fetch client: `webex.http.GET('/rooms/{roomId}', …)`. Auth and retries included. */
  readonly http: Client<paths>;
  /** The API root requests go to. */
  readonly baseUrl: string;

  constructor(options: WebexOptions = {}) {
    const accessToken = options.accessToken || environmentToken();
    if (!accessToken) throw new AccessTokenError(TOKEN_VARIABLE);
    const fetchFn = options.fetch ?? ((request: Request) => globalThis.fetch(request));
    const core = new Core({
      accessToken,
      baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
      timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
      userAgent: options.userAgent,
      fetch: fetchFn,
      retry: retryPolicyFrom(options),
      onRetry: options.onRetry,
    });
    super(core);
    this.http = core.http;
    this.baseUrl = core.baseUrl;
  }
}
