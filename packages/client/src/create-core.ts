// Builds a client's core from its options: what `new Webex()` does, and what slim bundles call directly.
import { Core } from './core/core.js';
import { Transport, type TokenRefresher } from './core/transport.js';
import type { WebexOptions } from './config/options.js';
import { settingsFrom } from './config/settings.js';
import { exchangeToken } from './auth/token-exchange.js';

/**
 * The core that resources are built on. With `refreshToken`, `clientId` and
 * `clientSecret` it refreshes the token once after a 401 and replays the request.
 *
 * ```ts
 * const core = createCore({ accessToken });
 * const rooms = new RoomsResource(core);
 * ```
 */
export function createCore(options: WebexOptions = {}): Core {
  return new Core(new Transport(settingsFrom(options), refresherFor(options)));
}

/** A core for token exchanges, which need no token of their own. */
export function createTokenlessCore(options: WebexOptions = {}): Core {
  return new Core(new Transport(settingsFrom(options, false)));
}

function refresherFor(options: WebexOptions): TokenRefresher | undefined {
  const { clientId, clientSecret } = options;
  let refreshToken = options.refreshToken;
  if (!clientId || !clientSecret || !refreshToken) return undefined;
  return async (transport) => {
    const form = {
      grant_type: 'refresh_token',
      client_id: clientId,
      client_secret: clientSecret,
      refresh_token: refreshToken!,
    };
    const tokens = await exchangeToken(new Core(transport), 'accessTokens.refresh', form);
    if (tokens.refresh_token) refreshToken = tokens.refresh_token;
    await options.onTokens?.(tokens);
    return tokens.access_token;
  };
}
