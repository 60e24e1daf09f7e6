// The token the source sends to U2C, WDM and Mercury. The Webex client keeps its own token private (it never leaves
// the API's origin), so the source is given one: a string, or a function read before every connection.
import { RealtimeAuthError } from './errors.js';

/** The token: a string, or a function that returns the current one (read before each connection and after a 401). */
export type AccessTokenSource = string | (() => string | Promise<string>);

/** The current token, and what to do when Webex refuses it. */
export class Tokens {
  #source: AccessTokenSource;

  constructor(
    source: AccessTokenSource,
    /** A REST call through the client: one that can refresh its token does so on the 401 it gets. */
    private readonly poke: () => Promise<unknown>,
  ) {
    this.#source = source;
  }

  /** The token to use now. */
  async current(): Promise<string> {
    const token = typeof this.#source === 'function' ? await this.#source() : this.#source;
    if (typeof token !== 'string' || token === '')
      throw new RealtimeAuthError(
        `accessToken: the token function returned ${token === '' ? 'an empty string' : typeof token}; expected the access token`,
      );
    return token;
  }

  /** Replaces the token (after a refresh); the source reconnects with it. */
  set(token: string): void {
    this.#source = token;
  }

  /**
   * A token other than `rejected`: read again; failing that, one REST call through the client (whose refresh, if it
   * has one, may hand the app a new token through `onTokens`), then read again. Throws {@link RealtimeAuthError}
   * when the token stays the same.
   */
  async renew(rejected: string, what: string): Promise<string> {
    const again = await this.current();
    if (again !== rejected) return again;
    await this.poke().catch(() => {});
    const after = await this.current();
    if (after !== rejected) return after;
    throw new RealtimeAuthError(
      `${what} refused the access token and no other token could be had: give accessToken as a function that returns the current token, or call setToken() when your token is refreshed (e.g. from the client's onTokens)`,
    );
  }
}
