// A client's access token, shared by the transport of every host it calls, and its one refresh at a time.

/** Gets a new access token after a 401; given by whoever builds the transports (`createCore`). */
export type Refresh = () => Promise<string>;

/**
 * The token of one client. Every host's transport holds the same one, so a refresh after a 401 from any host serves
 * them all, and concurrent 401s share one refresh. The token lives in a private field: logs and `util.inspect` of a
 * transport or a core never show it.
 */
export class Credentials {
  #token: string;
  readonly #refresh: Refresh | undefined;
  #refreshing: Promise<void> | undefined;

  constructor(token: string, refresh?: Refresh) {
    this.#token = token;
    this.#refresh = refresh;
  }

  /** Whether a 401 can be answered by refreshing the token. */
  get refreshable(): boolean {
    return this.#refresh !== undefined;
  }

  /** The `Authorization` header value; undefined without a token. */
  authorization(): string | undefined {
    return this.#token ? `Bearer ${this.#token}` : undefined;
  }

  /** Refreshes the token unless someone already did since `rejected` was sent; concurrent callers share one refresh. */
  refreshAfter(rejected: string | null): Promise<void> {
    if (rejected !== this.authorization() || !this.#refresh) return Promise.resolve();
    const refresh = this.#refresh;
    this.#refreshing ??= (async () => {
      try {
        this.#token = await refresh();
      } finally {
        this.#refreshing = undefined;
      }
    })();
    return this.#refreshing;
  }
}
