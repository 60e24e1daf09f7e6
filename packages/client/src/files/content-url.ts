// Where a download may go: the token is sent with it, so only to a content under the client's own API root.
import { WebexValidationError } from '../errors/classes.js';

const CONTENTS = '/contents/';
// Content ids are base64url; anything else (slashes, `%`, dots alone) could reach another endpoint.
const CONTENT_ID = /^(?!\.{1,2}$)[\w.~=+-]+$/;

/** The absolute URL of a content, from a file URL under this client's API or a bare content id. */
export function contentUrl(baseUrl: string, operation: string, urlOrId: string): string {
  const root = new URL(baseUrl + CONTENTS);
  const expected = `expected a file URL from message.files (${root.href}…) or a content id`;
  if (typeof urlOrId !== 'string' || !urlOrId.trim()) {
    throw new WebexValidationError(
      operation,
      'urlOrId',
      `${expected} (got ${typeof urlOrId === 'string' ? 'an empty string' : typeof urlOrId})`,
    );
  }
  if (!/^[a-z][a-z\d+.-]*:/i.test(urlOrId)) {
    if (!CONTENT_ID.test(urlOrId))
      throw new WebexValidationError(
        operation,
        'urlOrId',
        `${expected}; a content id has only letters, digits and - _ . ~ = +`,
      );
    return root.href + urlOrId;
  }
  let url: URL;
  try {
    url = new URL(urlOrId);
  } catch {
    throw new WebexValidationError(operation, 'urlOrId', `${expected} (got a URL that does not parse)`);
  }
  // The token must not leave the API: the origin is compared whole, then the path under /contents/.
  // Only the origin of a refused URL is shown: the rest may be someone's signed link.
  if (url.origin !== root.origin || url.username || url.password) {
    throw new WebexValidationError(
      operation,
      'urlOrId',
      `refused a URL on ${url.origin}: the access token is only sent to ${root.origin}; ${expected}`,
    );
  }
  const id = url.pathname.startsWith(root.pathname) ? url.pathname.slice(root.pathname.length) : '';
  if (!id.split('/').every((segment) => CONTENT_ID.test(segment))) {
    throw new WebexValidationError(
      operation,
      'urlOrId',
      `refused a URL outside ${root.pathname} on ${root.origin}; ${expected}`,
    );
  }
  return root.href + id + url.search;
}
