/** One link of an RFC 8288 `Link` header. */
export interface Link {
  /** The target, resolved against the base URL when one was given. */
  url: string;
  /** The relation types, lower-cased (`rel="next last"` gives both). */
  rel: string[];
  /** Every other parameter, names lower-cased. */
  params: Record<string, string>;
}

/**
 * Parses an RFC 8288 `Link` header. Malformed links are skipped rather than
 * guessed at, so a broken header reads as "no more links".
 */
export function parseLinkHeader(header: string | null | undefined, base?: string): Link[] {
  if (!header) return [];
  const links: Link[] = [];
  let i = 0;
  const n = header.length;
  const skipSpace = () => {
    while (i < n && (header[i] === ' ' || header[i] === '\t')) i++;
  };
  /** Moves past the rest of a broken link-value, to the next top-level comma. */
  const skipToNextValue = () => {
    let quoted = false;
    for (; i < n; i++) {
      const c = header[i];
      if (quoted && c === '\\') i++;
      else if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) break;
    }
    i++;
  };

  while (i < n) {
    skipSpace();
    if (header[i] === ',') {
      i++;
      continue;
    }
    if (header[i] !== '<') {
      skipToNextValue();
      continue;
    }
    const close = header.indexOf('>', i);
    if (close === -1) break;
    const target = header.slice(i + 1, close).trim();
    i = close + 1;
    const params: Record<string, string> = {};
    let broken = false;
    for (;;) {
      skipSpace();
      if (i >= n || header[i] === ',') break;
      if (header[i] !== ';') {
        broken = true;
        break;
      }
      i++;
      skipSpace();
      const nameStart = i;
      while (i < n && /[!#$%&'*+\-.^_`|~0-9A-Za-z]/.test(header[i]!)) i++;
      const name = header.slice(nameStart, i).toLowerCase();
      if (!name) {
        broken = true;
        break;
      }
      skipSpace();
      let value = '';
      if (header[i] === '=') {
        i++;
        skipSpace();
        if (header[i] === '"') {
          i++;
          let closed = false;
          while (i < n) {
            const c = header[i]!;
            if (c === '\\' && i + 1 < n) {
              value += header[i + 1];
              i += 2;
            } else if (c === '"') {
              i++;
              closed = true;
              break;
            } else {
              value += c;
              i++;
            }
          }
          if (!closed) {
            broken = true;
            break;
          }
        } else {
          const valueStart = i;
          while (i < n && header[i] !== ';' && header[i] !== ',') i++;
          value = header.slice(valueStart, i).trim();
        }
      }
      // RFC 8288: only the first occurrence of a parameter counts.
      if (!(name in params)) params[name] = value;
    }
    if (broken) {
      skipToNextValue();
      continue;
    }
    const url = resolveUrl(target, base);
    if (url === undefined || params.rel === undefined) continue;
    links.push({ url, rel: params.rel.toLowerCase().split(/\s+/).filter(Boolean), params });
  }
  return links;
}

/** The `rel="next"` URL of a `Link` header, if it has a well-formed one. */
export function nextLink(header: string | null | undefined, base?: string): string | undefined {
  return parseLinkHeader(header, base).find((link) => link.rel.includes('next'))?.url;
}

function resolveUrl(target: string, base: string | undefined): string | undefined {
  try {
    return new URL(target, base).href;
  } catch {
    return undefined;
  }
}
