// Builds a client's cores from its options: what `new Webex()` does, and what slim bundles call directly.
import { RequestGate } from '@webex-ts/paginate';
import { Core } from './core/core.js';
import { Credentials, type Refresh } from './core/credentials.js';
import type { ResourceCore } from './core/resource.js';
import { Transport } from './core/transport.js';
import { UnconfiguredCore } from './core/unconfigured.js';
import type { CoreOptions, WebexOptions } from './config/options.js';
import { contactCenterBaseUrl, contactCenterSetting } from './config/hosts.js';
import { callingAnalyticsBaseUrl } from './config/calling-analytics-host.js';
import { settingsFrom } from './config/settings.js';
import { exchangeToken } from './auth/token-exchange.js';
import { WebexValidationError } from './errors/classes.js';

/**
 * The core that resources of the API's own host (webexapis.com, or `baseUrl`) are built on. With `refreshToken`,
 * `clientId` and `clientSecret` it refreshes the token once after a 401 and replays the request. It has no request
 * gate unless given one (`gate`, see `CoreOptions`), so that a bundle of a few resources stays small.
 *
 * ```ts
 * const core = createCore({ accessToken });
 * const rooms = new RoomsResource(core);
 * ```
 */
export function createCore(options: CoreOptions = {}): Core {
  const settings = settingsFrom(options);
  const gate = gateFrom('createCore', options);
  const credentials: Credentials = new Credentials(
    settings.accessToken,
    refreshFor(options, () => transport),
  );
  const transport: Transport = new Transport(settings, credentials, gate);
  return new Core(transport);
}

/**
 * The core that Contact Center resources are built on, bound to the Contact Center origin: `contactCenter.region`
 * or `contactCenter.baseUrl`, else `WEBEX_CONTACT_CENTER_REGION` or `WEBEX_CONTACT_CENTER_BASE_URL`. Without one it
 * throws a `WebexValidationError` naming the option. Its requests, its paging links and its token go to that origin
 * only; a refresh after a 401 asks webexapis.com (or `baseUrl`) for the new token, as `createCore` does.
 *
 * ```ts
 * const core = createContactCenterCore({ accessToken, contactCenter: { region: 'eu1' } });
 * const skills = new ContactCenterSkillsResource(core);
 * ```
 */
export function createContactCenterCore(options: CoreOptions = {}): Core {
  return otherHostCore('createContactCenterCore', options, () => {
    const baseUrl = contactCenterBaseUrl(options);
    if (baseUrl === undefined)
      throw new WebexValidationError('createContactCenterCore', 'contactCenter', `give ${contactCenterSetting()}`);
    return baseUrl;
  });
}

/**
 * The core that Calling analytics resources (`calling.detailedCallHistory`) are built on, bound to the Calling
 * analytics origin: `https://analytics-calling.webexapis.com`, or Webex for Government's with
 * `callingAnalytics.government`, or `callingAnalytics.baseUrl`, else `WEBEX_CALLING_ANALYTICS_BASE_URL`. Its requests,
 * its paging links and its token go to that origin only; a refresh after a 401 asks webexapis.com (or `baseUrl`) for
 * the new token, as `createCore` does.
 *
 * ```ts
 * const core = createCallingAnalyticsCore({ accessToken });
 * const history = new CallingDetailedCallHistoryResource(core);
 * ```
 */
export function createCallingAnalyticsCore(options: CoreOptions = {}): Core {
  return otherHostCore('createCallingAnalyticsCore', options, () => callingAnalyticsBaseUrl(options));
}

/**
 * A core bound to another host's origin (`baseUrl()`, read after the options are checked), whose token is refreshed
 * on the API's own host.
 */
function otherHostCore(caller: string, options: CoreOptions, baseUrl: () => string): Core {
  const settings = settingsFrom(options);
  const gate = gateFrom(caller, options);
  const origin = baseUrl();
  const credentials = new Credentials(
    settings.accessToken,
    refreshFor(options, () => new Transport(settings)),
  );
  return new Core(new Transport({ ...settings, baseUrl: origin }, credentials, gate));
}

/** A core's gate: the one given. `maxConcurrency` alone would be an option nothing keeps, so it is refused. */
function gateFrom(caller: string, options: CoreOptions): RequestGate | undefined {
  if (options.maxConcurrency !== undefined && !options.gate) {
    throw new WebexValidationError(
      caller,
      'maxConcurrency',
      `maxConcurrency is kept by a request gate, which a core has only when given one: pass gate: new RequestGate({ maxConcurrency: ${options.maxConcurrency} }) instead`,
    );
  }
  return options.gate;
}

/**
 * A gate for one host of `new Webex()`: `maxConcurrency` in flight at most, and, while the client waits on 429s, one
 * pace for everyone, learned from the host's answers. With waiting off the caller handles 429s, so the client must
 * not hold other requests back either.
 */
function hostGate(options: WebexOptions): RequestGate {
  return new RequestGate({ maxConcurrency: options.maxConcurrency, adaptive: options.waitOnRateLimit ?? true });
}

/**
 * The cores of every host a client calls, sharing one token: a refresh after a 401 from any host serves them all.
 * Each host has its own transport, so its own origin for the token and its own pace under rate limits. A host without
 * a configured origin gets a core that refuses every call, naming the option.
 * @internal
 */
export function createHostCores(options: WebexOptions = {}): {
  core: Core;
  hosts: { contactCenter: ResourceCore; callingAnalytics: ResourceCore };
} {
  const settings = settingsFrom(options);
  const credentials: Credentials = new Credentials(
    settings.accessToken,
    refreshFor(options, () => transport),
  );
  const transport: Transport = new Transport(settings, credentials, hostGate(options));
  const contactCenter = contactCenterBaseUrl(options);
  const callingAnalytics = callingAnalyticsBaseUrl(options);
  return {
    core: new Core(transport),
    hosts: {
      contactCenter:
        contactCenter === undefined
          ? new UnconfiguredCore('contactCenter', contactCenterSetting())
          : new Core(new Transport({ ...settings, baseUrl: contactCenter }, credentials, hostGate(options))),
      callingAnalytics: new Core(
        new Transport({ ...settings, baseUrl: callingAnalytics }, credentials, hostGate(options)),
      ),
    },
  };
}

/** A core for token exchanges, which need no token of their own. */
export function createTokenlessCore(options: WebexOptions = {}): Core {
  return new Core(new Transport(settingsFrom(options, false)));
}

/**
 * How the token is refreshed, when the options allow it: a token exchange on the API's own host (`transport()`,
 * asked at refresh time), whichever host answered 401.
 */
function refreshFor(options: WebexOptions, transport: () => Transport): Refresh | undefined {
  const { clientId, clientSecret } = options;
  let refreshToken = options.refreshToken;
  if (!clientId || !clientSecret || !refreshToken) return undefined;
  return async () => {
    const form = {
      grant_type: 'refresh_token',
      client_id: clientId,
      client_secret: clientSecret,
      refresh_token: refreshToken!,
    };
    const tokens = await exchangeToken(new Core(transport()), 'accessTokens.refresh', form);
    if (tokens.refresh_token) refreshToken = tokens.refresh_token;
    await options.onTokens?.(tokens);
    return tokens.access_token;
  };
}
