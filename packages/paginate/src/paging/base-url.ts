import { ForeignLinkError } from './errors.js';

/** The path of a next-page URL relative to `baseUrl`; throws `ForeignLinkError` for any other origin or prefix. */
export function relativeToBase(link: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new ForeignLinkError(link, baseUrl);
  }
  // A bare prefix test would let `/v1` accept `/v10/…`; only the path itself or a sub-path counts.
  const underPath = url.pathname === basePath || url.pathname.startsWith(`${basePath}/`);
  if (url.origin !== base.origin || !underPath) throw new ForeignLinkError(link, baseUrl);
  return url.pathname.slice(basePath.length) + url.search;
}
