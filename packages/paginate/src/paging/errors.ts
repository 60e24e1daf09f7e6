import { ApiClientError } from '../errors.js';

/** Thrown when a listing runs past `maxPages`: most likely a server that never stops. */
export class PageLimitError extends ApiClientError {
  override name = 'PageLimitError';
  constructor(readonly maxPages: number) {
    super(`listing stopped after ${maxPages} pages (maxPages); raise maxPages if the list really is this long`);
  }
}

/** Thrown by `paginate` when a page answers with an error status. */
export class PageFetchError extends ApiClientError {
  override name = 'PageFetchError';
  constructor(
    readonly status: number,
    readonly url: string,
    readonly body: unknown,
  ) {
    super(`page request failed with HTTP ${status}: ${url}`);
  }
}

/** Thrown when a page's body is not the list its paging said it would be: reading it as empty would hide the items. */
export class MalformedPageError extends ApiClientError {
  override name = 'MalformedPageError';
  constructor(
    /** What the paging expected, e.g. "an array" or "an object with an array in `data`". */
    readonly expected: string,
    /** What came instead, e.g. "an object". */
    readonly received: string,
  ) {
    super(`a page answered with ${received} where ${expected} was expected`);
  }
}

/** Thrown when a `Link` points outside the API: following it would send credentials elsewhere. */
export class ForeignLinkError extends ApiClientError {
  override name = 'ForeignLinkError';
  constructor(
    readonly link: string,
    readonly baseUrl: string,
  ) {
    super(`refusing to follow a next-page link outside ${baseUrl}: ${originOf(link)}`);
  }
}

function originOf(link: string): string {
  try {
    return new URL(link).origin;
  } catch {
    return link;
  }
}
