// Reads `Content-Disposition` (RFC 6266, with RFC 8187 `filename*=`): the file name a download announces.

/** What a `Content-Disposition` header says: its type (`attachment`, `inline` …) and the file name, when it gives one. */
export interface ContentDisposition {
  /** Lower case; empty when the header starts straight with parameters (which servers sometimes do). */
  type: string;
  /** `filename*=` when it decodes, else `filename=`; as the server gave it, directories included. */
  filename: string | undefined;
}

/** Parses a `Content-Disposition` header; undefined when there is none. Lenient: a broken parameter is skipped, not fatal. */
export function parseContentDisposition(header: string | null | undefined): ContentDisposition | undefined {
  if (!header?.trim()) return undefined;
  const params = new Map<string, string>();
  let type = '';
  let at = 0;
  const first = header.indexOf(';');
  const head = (first === -1 ? header : header.slice(0, first)).trim();
  if (head.includes('=')) {
    // No type, straight to parameters: read them from the start.
    at = 0;
  } else {
    type = head.toLowerCase();
    at = first === -1 ? header.length : first + 1;
  }
  while (at < header.length) {
    const [name, value, next] = readParam(header, at);
    at = next;
    // A repeated parameter makes the header invalid (RFC 6266 §4.1); the first one wins rather than the whole header failing.
    if (name && value !== undefined && !params.has(name)) params.set(name, value);
  }
  const extended = params.has('filename*') ? decodeExtValue(params.get('filename*')!) : undefined;
  const plain = params.get('filename');
  return { type, filename: extended ?? (plain === undefined ? undefined : fromLatin1Bytes(plain)) };
}

/**
 * A file name safe to create in a directory: the last path segment only, no control
 * characters (C0, DEL or C1: U+009B starts a terminal escape on some terminals), never `.` or `..`
 * (RFC 6266 §4.3); undefined when nothing usable is left.
 */
export function safeFileName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const base = name
    .split(/[/\\]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .trim();
  return base === '' || base === '.' || base === '..' ? undefined : base;
}

/** One `name=value` from `at` (just after a `;`): its lower-case name, its value (unquoted), and where the next one starts. */
function readParam(header: string, at: number): [name: string, value: string | undefined, next: number] {
  const end = (from: number) => {
    const semi = header.indexOf(';', from);
    return semi === -1 ? header.length : semi;
  };
  const equals = header.indexOf('=', at);
  const stop = end(at);
  if (equals === -1 || equals > stop) return ['', undefined, stop + 1];
  const name = header.slice(at, equals).trim().toLowerCase();
  let i = equals + 1;
  while (header[i] === ' ' || header[i] === '\t') i++;
  if (header[i] !== '"') {
    const close = end(i);
    return [name, header.slice(i, close).trim(), close + 1];
  }
  // quoted-string: `\` escapes the next character; an unterminated string runs to the end.
  let value = '';
  for (i++; i < header.length && header[i] !== '"'; i++) {
    if (header[i] === '\\' && i + 1 < header.length) i++;
    value += header[i];
  }
  return [name, value, end(i + 1) + 1];
}

/** An RFC 8187 ext-value (`UTF-8'en'%E2%82%AC.txt`); undefined for an unknown charset or bad encoding, so `filename=` is used instead. */
function decodeExtValue(raw: string): string | undefined {
  const match = /^([^']*)'[^']*'(.*)$/.exec(raw);
  if (!match) return undefined;
  const charset = match[1]!.trim().toLowerCase();
  const encoded = match[2]!;
  if (charset === 'utf-8') {
    try {
      return decodeURIComponent(encoded);
    } catch {
      return undefined;
    }
  }
  if (charset === 'iso-8859-1') {
    if (/%(?![\da-f]{2})/i.test(encoded)) return undefined;
    return encoded.replace(/%([\da-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  return undefined;
}

/**
 * fetch hands header values over as Latin-1 characters, one per byte. Servers that
 * put raw UTF-8 in `filename="…"` (many do) read back as mojibake; decode those bytes
 * as UTF-8 when they are valid UTF-8, and keep the Latin-1 reading otherwise.
 */
function fromLatin1Bytes(value: string): string {
  if (!/[\u0080-\u00ff]/.test(value) || /[^\u0000-\u00ff]/.test(value)) return value;
  const bytes = Uint8Array.from(value, (char) => char.charCodeAt(0));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return value;
  }
}
