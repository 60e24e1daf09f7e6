import type { AccessToken } from '@webex-ts/models';
import type { Client } from 'openapi-fetch';
import { AccessTokensApi, GuestIssuerApi, type OAuthCodeGrant, type OAuthRefreshGrant } from './auth.js';
import { Core, DEFAULT_TIMEOUT_MS, retryPolicyFrom, type AttemptFetch, type CoreSettings } from './core.js';
import { AccessTokenError } from './errors.js';
import type { paths } from './gen/openapi.gen.js';
import { WebexResources } from './gen/resources.gen.js';
import { MessagesApi } from './messages.js';
import { DEFAULT_BASE_URL, type WebexOptions } from './options.js';

const TOKEN_VARIABLE = 'WEBEX_ACCESS_TOKEN';

function environmentToken(): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.[TOKEN_VARIABLE] || undefined;
}

/** The fetch for each attempt. A caller's fetch takes only a Request, so the attempt's signal is folded into it. */
function attemptFetch(custom: WebexOptions['fetch']): AttemptFetch {
  if (!custom) return (request, init) => globalThis.fetch(request, init);
  return (request, init) => custom(init?.signal ? new Request(request, init) : request);
}

function settingsFrom(options: WebexOptions, accessToken: string): CoreSettings {
  const { clientId, clientSecret, refreshToken } = options;
  return {
    accessToken,
    baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
    timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
    userAgent: options.userAgent,
    fetch: attemptFetch(options.fetch),
    retry: retryPolicyFrom(options),
    hooks: { onRetry: options.onRetry, onRequest: options.onRequest, onResponse: options.onResponse, onTokens: options.onTokens },
    logger: options.logger ?? (options.debug ? console : undefined),
    maxConcurrency: options.maxConcurrency,
    refresh: clientId && clientSecret && refreshToken ? { clientId, clientSecret, refreshToken } : undefined,
  };
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
  /** Messages; `create` also uploads a local file. */
  declare readonly messages: MessagesApi;
  /** OAuth token exchanges: `get` (authorization code) and `refresh`. */
  readonly accessTokens: AccessTokensApi;
  /** Guest-issuer logins (deprecated by Webex; see `guestManagement`). */
  readonly guestIssuer: GuestIssuerApi;

  constructor(options: WebexOptions = {}) {
    const accessToken = options.accessToken || environmentToken();
    if (!accessToken) throw new AccessTokenError(TOKEN_VARIABLE);
    const core = new Core(settingsFrom(options, accessToken));
    super(core);
    this.messages = new MessagesApi(core);
    this.accessTokens = new AccessTokensApi(core);
    this.guestIssuer = new GuestIssuerApi(core);
    this.http = core.http;
    this.baseUrl = core.baseUrl;
  }

  /**
   * Exchanges an OAuth authorization code and returns a client that refreshes
   * its token by itself. `onTokens` hears of the first tokens and every refresh.
   */
  static async fromOAuthCode(grant: OAuthCodeGrant, options: WebexOptions = {}): Promise<Webex> {
    const tokens = await Webex.exchange(options, (api) => api.get(grant));
    return Webex.withTokens(tokens, grant, options);
  }

  /** Refreshes once with a stored refresh token and returns a client that keeps itself refreshed. */
  static async fromRefreshToken(grant: OAuthRefreshGrant, options: WebexOptions = {}): Promise<Webex> {
    const tokens = await Webex.exchange(options, (api) => api.refresh(grant));
    return Webex.withTokens({ refresh_token: grant.refreshToken, ...tokens }, grant, options);
  }

  private static async exchange(options: WebexOptions, run: (api: AccessTokensApi) => Promise<AccessToken>): Promise<AccessToken> {
    const core = new Core(settingsFrom(options, ''));
    const tokens = await run(new AccessTokensApi(core));
    await core.announceTokens(tokens);
    return tokens;
  }

  private static withTokens(tokens: AccessToken, grant: { clientId: string; clientSecret: string }, options: WebexOptions): Webex {
    return new Webex({
      ...options,
      accessToken: tokens.access_token,
      clientId: grant.clientId,
      clientSecret: grant.clientSecret,
      ...(tokens.refresh_token ? { refreshToken: tokens.refresh_token } : {}),
    });
  }
}
