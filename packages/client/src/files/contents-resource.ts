// `webex.contents`: files people posted (`message.files`), streamed, with the malware-scanning answers typed.
import { callSignal } from '../core/core.js';
import type { HttpMethod, RequestOptions, ResourceCore, Streamed } from '../core/resource.js';
import { FileTooLargeError, FileUnscannableError, WebexValidationError } from '../errors/classes.js';
import { redactUrl } from '../errors/redact-url.js';
import { DOWNLOAD_ERRORS, retyped } from '../errors/status-table.js';
import { parseContentDisposition, safeFileName } from './content-disposition.js';
import { contentUrl } from './content-url.js';
import { downloadBody } from './download-body.js';

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
export class ContentsResource {
  readonly #core: ResourceCore;

  /** Built on a core from `new Webex()` or `createCore()`. */
  constructor(core: ResourceCore) {
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
    const { request, response } = await this.#send('contents.download', 'get', urlOrId, options, signal);
    const info = infoOf(response);
    if (maxBytes !== undefined && info.size !== undefined && info.size > maxBytes) {
      await response.body?.cancel().catch(() => {});
      throw new FileTooLargeError(maxBytes, info.size, request.method, redactUrl(request.url));
    }
    return { ...info, body: downloadBody({ request, response, signal }, maxBytes, options) };
  }

  /** The file's name, type and size, from a `HEAD`: nothing is downloaded. Scanning answers as for `download`. */
  async info(urlOrId: string, options: ContentInfoOptions = {}): Promise<ContentInfo> {
    const { response } = await this.#send('contents.info', 'head', urlOrId, options, callSignal(options));
    await response.body?.cancel().catch(() => {});
    return infoOf(response);
  }

  /** The request, asked again once with `allow=unscannable` after a 428 when the caller allows it; the error answers typed as downloads' (410 infected, 428 unscannable). */
  async #send(
    operation: string,
    method: HttpMethod,
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
      return await this.#core.stream(operation, method, url, send);
    } catch (error) {
      const typed = retyped(error, DOWNLOAD_ERRORS);
      if (!(typed instanceof FileUnscannableError && options.allowUnscannable)) throw typed;
    }
    const allowed = new URL(url);
    allowed.searchParams.set('allow', 'unscannable');
    try {
      return await this.#core.stream(operation, method, allowed.href, send);
    } catch (error) {
      throw retyped(error, DOWNLOAD_ERRORS);
    }
  }
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
