// `GET`/`HEAD /contents/{id}`: the files of simulated messages, answered as Webex answers downloads.
import type { ServerResponse } from 'node:http';
import { CROSS_ORIGIN_HEADERS, sendError, trackingId } from './answers.js';

/** How the malware scan of a file turned out: `infected` answers 410, `unscannable` 428 unless `allow=unscannable`. */
type ScanResult = 'clean' | 'infected' | 'unscannable';

/** A file the mock serves. */
export interface StoredFile {
  name: string;
  contentType: string;
  bytes: Uint8Array;
  scan: ScanResult;
}

/** The files the mock serves, by content id (the last part of their URL). */
export class ContentStore {
  readonly #files = new Map<string, StoredFile>();

  add(id: string, file: StoredFile): void {
    this.#files.set(id, file);
  }

  get(id: string): StoredFile | undefined {
    return this.#files.get(id);
  }
}

/** Answers a download (`GET`) or its headers (`HEAD`) of the content `id`; returns the status answered. */
export function serveContent(
  method: 'GET' | 'HEAD',
  id: string,
  query: URLSearchParams,
  store: ContentStore,
  response: ServerResponse,
): number {
  const file = store.get(id);
  if (!file) return sendError(response, 404, 'The requested resource could not be found.', method);
  if (file.scan === 'infected')
    return sendError(response, 410, 'The file was found to contain malware and cannot be downloaded.', method);
  if (file.scan === 'unscannable' && query.get('allow') !== 'unscannable')
    return sendError(
      response,
      428,
      'The file could not be scanned for malware; download it anyway with the query parameter allow=unscannable.',
      method,
    );
  response.writeHead(200, {
    ...CROSS_ORIGIN_HEADERS,
    'Content-Type': file.contentType,
    'Content-Length': String(file.bytes.byteLength),
    'Content-Disposition': contentDisposition(file.name),
    TrackingID: trackingId(),
  });
  response.end(method === 'HEAD' ? undefined : file.bytes);
  return 200;
}

/**
 * `attachment; filename="…"`, plus an RFC 8187 `filename*=` when the name is not plain printable ASCII
 * (the plain `filename=` then keeps only what ASCII can say, for clients that read nothing else).
 */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const plain = `attachment; filename="${ascii}"`;
  if (ascii === name) return plain;
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${plain}; filename*=UTF-8''${encoded}`;
}
