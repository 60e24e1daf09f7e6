import type { AccessToken } from '@webex-ts/models';
import { AccessTokensResource, type OAuthCodeGrant, type OAuthRefreshGrant } from './auth/access-tokens-resource.js';
import { GuestIssuerResource } from './auth/guest-issuer-resource.js';
import type { WebexOptions } from './config/options.js';
import type { Core } from './core/core.js';
import type { HostName } from './core/operation-info.js';
import type { ResourceCore } from './core/resource.js';
import { UnconfiguredCore } from './core/unconfigured.js';
import { createHostCores, createTokenlessCore } from './create-core.js';
import { ContentsResource } from './files/contents-resource.js';
import { WebexResources } from './gen/resources.gen.js';

/**
 * The Webex REST API client: one property per resource (`webex.rooms.list()`) and namespaces of related resources
 * (`webex.scim.users`), each built once, on the core of the host it is served from: webexapis.com (or `baseUrl`) for
 * most, the Contact Center origin (`contactCenter`) for `webex.contactCenter`. For any path of the spec through
 * openapi-fetch, with the same auth and retries, each sent to its own host: `createHttp(webex)` from
 * `@webex-ts/client/http`.
 *
 * ```ts
 * const webex = new Webex({ accessToken });
 * for await (const room of webex.rooms.list({ type: 'group' })) console.log(room.title);
 * ```
 */
export class Webex extends WebexResources {
  /** The API root requests go to. */
  readonly baseUrl: string;
  /**
   * The core's fetch (auth, retries, typed network errors), for `createHttp`.
   * @internal
   */
  readonly fetch: (request: Request) => Promise<Response>;
  readonly #hosts: { readonly [host in HostName]: ResourceCore };
  /** OAuth token exchanges: `get` (authorization code) and `refresh`. */
  readonly accessTokens: AccessTokensResource;
  /** Guest-issuer logins (deprecated by Webex; see `guestManagement`). */
  readonly guestIssuer: GuestIssuerResource;
  /** Files posted in spaces: `download(urlOrId)` streams one, `info(urlOrId)` describes it. */
  readonly contents: ContentsResource;

  constructor(options: WebexOptions = {}) {
    const { core, hosts } = createHostCores(options);
    super(core, hosts);
    this.accessTokens = new AccessTokensResource(core);
    this.guestIssuer = new GuestIssuerResource(core);
    this.contents = new ContentsResource(core);
    this.baseUrl = core.baseUrl;
    this.fetch = core.fetch;
    this.#hosts = hosts;
  }

  /**
   * The root and fetch of another host's core, for `createHttp`; a host that is not configured (Contact Center
   * without `contactCenter`) throws the `WebexValidationError` its methods throw.
   * @internal
   */
  hostFetch(host: HostName): { readonly baseUrl: string; fetch(request: Request): Promise<Response> } {
    const core = this.#hosts[host];
    if (core instanceof UnconfiguredCore) throw core.refusal('createHttp');
    return core as Core;
  }

  /**
   * Exchanges an OAuth authorization code and returns a client that refreshes
   * its token by itself. `onTokens` hears of the first tokens and every refresh.
   */
  static async fromOAuthCode(grant: OAuthCodeGrant, options: WebexOptions = {}): Promise<Webex> {
    const tokens = await new AccessTokensResource(createTokenlessCore(options)).get(grant);
    await options.onTokens?.(tokens);
    return Webex.withTokens(tokens, grant, options);
  }

  /** Refreshes once with a stored refresh token and returns a client that keeps itself refreshed. */
  static async fromRefreshToken(grant: OAuthRefreshGrant, options: WebexOptions = {}): Promise<Webex> {
    const tokens = await new AccessTokensResource(createTokenlessCore(options)).refresh(grant);
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
