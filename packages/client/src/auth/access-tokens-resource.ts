// `webex.accessTokens`: the OAuth code exchange and refresh.
import type { AccessToken } from '@webex-ts/models';
import type { RequestOptions, ResourceCore } from '../core/resource.js';
import { WebexValidationError } from '../errors/classes.js';
import { exchangeToken } from './token-exchange.js';

/** What the OAuth code exchange needs (the redirect gave you `code`). */
export interface OAuthCodeGrant {
  clientId: string;
  clientSecret: string;
  code: string;
  redirectUri: string;
}

/** What a token refresh needs. */
export interface OAuthRefreshGrant {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

function required(operation: string, fields: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value !== 'string' || value === '')
      throw new WebexValidationError(operation, name, `${name} is required (a non-empty string)`);
  }
}

/** OAuth token exchanges (`POST /access_token`, form-encoded). Reached as `webex.accessTokens`. */
export class AccessTokensResource {
  /** Built on a core from `new Webex()` or `createCore()`; the calls send no token of the core's. */
  constructor(private readonly core: ResourceCore) {}

  /** Exchanges the authorization code from the OAuth redirect for tokens. */
  get(grant: OAuthCodeGrant, options?: RequestOptions): Promise<AccessToken> {
    required('accessTokens.get', {
      clientId: grant.clientId,
      clientSecret: grant.clientSecret,
      code: grant.code,
      redirectUri: grant.redirectUri,
    });
    return exchangeToken(
      this.core,
      'accessTokens.get',
      {
        grant_type: 'authorization_code',
        client_id: grant.clientId,
        client_secret: grant.clientSecret,
        code: grant.code,
        redirect_uri: grant.redirectUri,
      },
      options,
    );
  }

  /** Trades a refresh token for a new access token (and possibly a new refresh token). */
  refresh(grant: OAuthRefreshGrant, options?: RequestOptions): Promise<AccessToken> {
    required('accessTokens.refresh', {
      clientId: grant.clientId,
      clientSecret: grant.clientSecret,
      refreshToken: grant.refreshToken,
    });
    return exchangeToken(
      this.core,
      'accessTokens.refresh',
      {
        grant_type: 'refresh_token',
        client_id: grant.clientId,
        client_secret: grant.clientSecret,
        refresh_token: grant.refreshToken,
      },
      options,
    );
  }
}
