// `webex.contents`: files people posted (`message.files`), streamed, with the malware-scanning answers typed.
import { parseContentDisposition, safeFileName } from './content-disposition.js';
import { typedBody } from './core/body.js';
import { callSignal, type Core, type Streamed } from './core/core.js';
import {
  FileInfectedError,
  FileTooLargeError,
  FileUnscannableError,
  redactUrl,
  WebexApiError,
  WebexTimeoutError,
  WebexValidationError,
  type WebexApiErrorInit,
} from './errors.js';
import type { RequestOptions } from './options.js';

/** Options of `contents.info`. */
export interface ContentInfoOptions
  extends Pick<RequestOptions, 'signal' | 'timeout' | 'deadline' | 'trackingId' | 'headers'> {
  /**
   * Download a file that could not be scanned for malware (428) anyway, by asking
   * again with `allow=unscannable`. The caller's decision; off by default.
   */
  allowUnscannable?: boolean;
}

/** Options of `contents.download`. `deadline` bounds the whole call, reading the body included; `timeout` each attempt up to the headers. */
export interface DownloadOptions extends ContentInfoOptions {
  /** The largest file accepted, in bytes: a bigger one throws `FileTooLargeError` (from `Content-Length`) or errors the body stream with it. */
  maxBytes?: number;
}

/** What Webex says about a file. */
export interface ContentInfo {
  /** From `Content-Disposition` (`filename*=` preferred), without any directory part; undefined when the server gives none. */
  name: string | undefined;
  /** `Content-Type`; `application/octet-stream` when the server gives none. */
  type: string;
  /** `Content-Length` in bytes; undefined when the server streams without one. */
  size: number | undefined;
}

/** A file being downloaded: its description and the bytes, as a stream read once. */
export interface Download extends ContentInfo {
  /** The file's bytes, streamed from the network as they are read; never held whole in memory. */
  body: ReadableStream<Uint8Array>;
}

const CONTENTS = '/contents/';
// Content ids are base64url; anything else (slashes, `%`, dots alone) could reach another endpoint.
const CONTENT_ID = /^(?!\.{1,2}$)[\w.~=+-]+$/;

/**
 * `webex.contents`: downloads the files of `message.files`, given their URL or
 * their content id. The token goes only to the client's own API: other URLs are
 * refused before anything is sent.
 *
 * ```ts
 * const file = await webex.contents.download(message.files[0], { maxBytes: 50_000_000 });
 * await pipeline(Readable.fromWeb(file.body), createWriteStream(file.name ?? 'download'));
 * ```
 */
export class ContentsApi {
  readonly #core: Core;

  /** Built on a core from `new Webex()` or `createCore()`. */
  constructor(core: Core) {
    this.#core = core;
  }

  /**
   * Starts a download: resolves when the headers arrive, with the body still to
   * be read. While the file is being scanned (423 with `Retry-After`) it waits
   * and asks again, as the retry policy allows and within `deadline`; a file found
   * infected throws `FileInfectedError`, one that cannot be scanned `FileUnscannableError`.
   */
  async download(urlOrId: string, options: DownloadOptions = {}): Promise<Download> {
    const { maxBytes } = options;
    if (maxBytes !== undefined && !(Number.isSafeInteger(maxBytes) && maxBytes >= 0)) {
      throw new WebexValidationError(
        'contents.download',
        'maxBytes',
        `maxBytes must be a whole number of bytes, 0 or more (got ${String(maxBytes)})`,
      );
    }
    const signal = callSignal(options);
    const { request, response } = await this.#send('contents.download', 'GET', urlOrId, options, signal);
    const info = infoOf(response);
    if (maxBytes !== undefined && info.size !== undefined && info.size > maxBytes) {
      await response.body?.cancel().catch(() => {});
      throw new FileTooLargeError(maxBytes, info.size, request.method, redactUrl(request.url));
    }
    return { ...info, body: bodyOf({ request, response, signal }, maxBytes, options) };
  }

  /** The file's name, type and size, from a `HEAD`: nothing is downloaded. Scanning answers as for `download`. */
  async info(urlOrId: string, options: ContentInfoOptions = {}): Promise<ContentInfo> {
    const { response } = await this.#send('contents.info', 'HEAD', urlOrId, options, callSignal(options));
    await response.body?.cancel().catch(() => {});
    return infoOf(response);
  }

  /** The request, asked again once with `allow=unscannable` after a 428 when the caller allows it; 410 and 428 as their typed errors. */
  async #send(
    operation: string,
    method: string,
    urlOrId: string,
    options: ContentInfoOptions,
    signal: AbortSignal | undefined,
  ): Promise<Streamed> {
    const url = contentUrl(this.#core.baseUrl, operation, urlOrId);
    // One signal for both requests, so the deadline bounds the whole call, not each request.
    const send = {
      signal,
      timeout: options.timeout,
      deadline: options.deadline,
      trackingId: options.trackingId,
      headers: options.headers,
    };
    try {
      return await this.#core.stream(method, url, send);
    } catch (error) {
      if (!(error instanceof WebexApiError) || error.status !== 428 || !options.allowUnscannable)
        throw scanningError(error);
    }
    const allowed = new URL(url);
    allowed.searchParams.set('allow', 'unscannable');
    try {
      return await this.#core.stream(method, allowed.href, send);
    } catch (error) {
      throw scanningError(error);
    }
  }
}

/** The absolute URL of a content, from a file URL under this client's API or a bare content id. */
function contentUrl(baseUrl: string, operation: string, urlOrId: string): string {
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

/** Name, type and size from a response's headers. */
function infoOf(response: Response): ContentInfo {
  const length = response.headers.get('content-length')?.trim();
  return {
    name: safeFileName(parseContentDisposition(response.headers.get('content-disposition'))?.filename),
    type: response.headers.get('content-type') ?? 'application/octet-stream',
    size: length && /^\d+$/.test(length) ? Number(length) : undefined,
  };
}

/** 410 and 428 as the errors that say what they mean; anything else as it came. */
function scanningError(error: unknown): unknown {
  if (!(error instanceof WebexApiError)) return error;
  if (error.status === 410) return new FileInfectedError(initOf(error));
  if (error.status === 428) return new FileUnscannableError(initOf(error));
  return error;
}

function initOf(error: WebexApiError): WebexApiErrorInit {
  const { method, url, status, apiMessage: message, errors, trackingId, violations } = error;
  return { method, url, status, message, errors, trackingId, ...(violations ? { violations } : {}) };
}

/**
 * The body as the caller reads it: counted against `maxBytes`, and stopped by the
 * caller's signal or the deadline. The transport's per-attempt limits end with the
 * headers, so the body needs its own. A connection lost mid-body errors it with `WebexBodyReadError`.
 */
function bodyOf(
  { request, response, signal }: Streamed,
  maxBytes: number | undefined,
  options: DownloadOptions,
): ReadableStream<Uint8Array> {
  const source = typedBody(request, response);
  if (maxBytes === undefined && !signal) return source;
  const url = redactUrl(request.url);
  let received = 0;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      received += chunk.byteLength;
      // Erroring cancels the source too, which closes the connection: nothing more is downloaded.
      if (maxBytes !== undefined && received > maxBytes)
        controller.error(new FileTooLargeError(maxBytes, received, request.method, url));
      else controller.enqueue(chunk);
    },
  });
  if (!signal) return source.pipeThrough(counter);
  // The deadline's own reason is a bare DOMException; the reader gets the same typed error as a timed-out request.
  const stop = new AbortController();
  const onAbort = () => {
    const byDeadline = !options.signal?.aborted && options.deadline !== undefined;
    stop.abort(
      byDeadline
        ? new WebexTimeoutError(options.deadline!, request.method, url, { cause: signal.reason })
        : signal.reason,
    );
  };
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  return source.pipeThrough(counter, { signal: stop.signal });
}
