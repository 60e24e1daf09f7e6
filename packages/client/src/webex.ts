import type { AccessToken } from '@webex-ts/models';
import createClient, { type Client } from 'openapi-fetch';
import { AccessTokensApi, type OAuthCodeGrant, type OAuthRefreshGrant } from './auth/access-tokens-api.js';
import { GuestIssuerApi } from './auth/guest-issuer-api.js';
import { ContentsApi } from './files/contents-api.js';
import { createCore, createTokenlessCore } from './create-core.js';
import type { paths } from './gen/openapi.gen.js';
import { WebexResources } from './gen/resources.gen.js';
import { MessagesApi } from './messages/messages-api.js';
import { WebhooksApi } from './webhooks/webhooks-api.js';
import type { WebexOptions } from './config/options.js';

/**
 * The Webex REST API client: one property per resource (`webex.rooms.list()`),
 * namespaces of related resources (`webex.scim.users`), and `webex.http`, the
 * typed openapi-fetch client for any path.
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
  /** Webhooks; `ensure` creates or updates one idempotently at start-up. */
  declare readonly webhooks: WebhooksApi;
  /** OAuth token exchanges: `get` (authorization code) and `refresh`. */
  readonly accessTokens: AccessTokensApi;
  /** Guest-issuer logins (deprecated by Webex; see `guestManagement`). */
  readonly guestIssuer: GuestIssuerApi;
  /** Files posted in spaces: `download(urlOrId)` streams one, `info(urlOrId)` describes it. */
  readonly contents: ContentsApi;

  constructor(options: WebexOptions = {}) {
    const core = createCore(options);
    super(core);
    this.messages = new MessagesApi(core);
    this.webhooks = new WebhooksApi(core);
    this.accessTokens = new AccessTokensApi(core);
    this.guestIssuer = new GuestIssuerApi(core);
    this.contents = new ContentsApi(core);
    this.baseUrl = core.baseUrl;
    this.http = createClient<paths>({ baseUrl: this.baseUrl, fetch: core.transport.fetch });
  }

  /**
   * Exchanges an OAuth authorization code and returns a client that refreshes
   * its token by itself. `onTokens` hears of the first tokens and every refresh.
   */
  static async fromOAuthCode(grant: OAuthCodeGrant, options: WebexOptions = {}): Promise<Webex> {
    const tokens = await new AccessTokensApi(createTokenlessCore(options)).get(grant);
    await options.onTokens?.(tokens);
    return Webex.withTokens(tokens, grant, options);
  }

  /** Refreshes once with a stored refresh token and returns a client that keeps itself refreshed. */
  static async fromRefreshToken(grant: OAuthRefreshGrant, options: WebexOptions = {}): Promise<Webex> {
    const tokens = await new AccessTokensApi(createTokenlessCore(options)).refresh(grant);
    await options.onTokens?.(tokens);
    return Webex.withTokens({ refresh_token: grant.refreshToken, ...tokens }, grant, options);
  }

  private static withTokens(
    tokens: AccessToken,
    grant: { clientId: string; clientSecret: string },
    options: WebexOptions,
  ): Webex {
    return new Webex({
      ...options,
      accessToken: tokens.access_token,
      clientId: grant.clientId,
      clientSecret: grant.clientSecret,
      ...(tokens.refresh_token ? { refreshToken: tokens.refresh_token } : {}),
    });
  }
}
