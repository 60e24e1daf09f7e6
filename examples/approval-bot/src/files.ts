// Saving a file someone posted: streamed from Webex to disk, under a name that cannot leave the download directory.
import { mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { Webex } from '@webex-ts/client';

/** A file written to disk. */
export interface WrittenFile {
  /** The name it was saved under: the announced one made safe, numbered when already taken. */
  name: string;
  /** Absolute path, always directly inside the download directory. */
  path: string;
  /** Bytes written. */
  size: number;
  /** `Content-Type` as Webex gave it. */
  type: string;
}

/** Where and how much. */
interface SaveOptions {
  /** Absolute directory; created when missing. */
  dir: string;
  maxBytes: number;
  /** Bounds the whole download, body included, in ms. */
  deadline: number;
  /** Gives up the download when aborted (the bot's stop deadline passed). */
  signal?: AbortSignal;
}

/** Used when the server announces no name, or nothing of it survives cleaning. */
const FALLBACK_NAME = 'download';
// Most file systems allow 255 bytes per name; room is left for a ` (n)` added on a collision.
const MAX_NAME_BYTES = 200;
// A name taken this many times means something is looping: stop rather than fill the directory.
const MAX_NUMBERED = 1000;

/**
 * Downloads `url` into `dir`. Nothing is created before Webex hands the file out (an infected one never touches
 * the disk), and a download that fails half-way leaves no partial file behind.
 */
export async function saveFile(webex: Webex, url: string, options: SaveOptions): Promise<WrittenFile> {
  const { maxBytes, deadline, signal } = options;
  const file = await webex.contents.download(url, { maxBytes, deadline, ...(signal ? { signal } : {}) });
  let created: { handle: FileHandle; path: string };
  try {
    await mkdir(options.dir, { recursive: true });
    created = await createNewFile(options.dir, safeName(file.name));
  } catch (error) {
    // An unread body keeps the connection open until the deadline.
    await file.body.cancel().catch(() => {});
    throw error;
  }
  const out = created.handle.createWriteStream();
  try {
    // The DOM and node:stream/web declare the same web stream twice; at run time they are one class.
    await pipeline(Readable.fromWeb(file.body as NodeReadableStream<Uint8Array>), out);
  } catch (error) {
    await rm(created.path, { force: true });
    throw error;
  }
  return { name: basename(created.path), path: created.path, size: out.bytesWritten, type: file.type };
}

/**
 * A name to create inside a directory whatever the sender called the file: the last path segment only, without
 * control characters or the ones Windows refuses, without leading dots (no `..`, no hidden files), bounded in length.
 */
function safeName(announced: string | undefined): string {
  // `split` always gives at least one part; `?? ''` is for the compiler.
  const last = (announced ?? '').split(/[/\\]/).at(-1) ?? '';
  const cleaned = last.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').replace(/^[\s.]+|[\s.]+$/g, '');
  return cleaned === '' ? FALLBACK_NAME : truncate(cleaned, MAX_NAME_BYTES);
}

/** Cuts the stem, not the extension, so that a long name still opens with the right program. */
function truncate(name: string, maxBytes: number): string {
  if (Buffer.byteLength(name) <= maxBytes) return name;
  const extension = extname(name);
  const keep = Buffer.byteLength(extension) < maxBytes / 4 ? extension : '';
  let stem = '';
  // By code point, so that a multi-byte character is never split.
  for (const char of name.slice(0, name.length - keep.length)) {
    if (Buffer.byteLength(stem + char + keep) > maxBytes) break;
    stem += char;
  }
  return stem + keep;
}

/**
 * Opens a file that did not exist before: `report.pdf`, else `report (1).pdf` … Exclusive creation never
 * overwrites what is there and never follows a link someone placed under that name.
 */
async function createNewFile(dir: string, name: string): Promise<{ handle: FileHandle; path: string }> {
  const extension = extname(name);
  const stem = name.slice(0, name.length - extension.length);
  for (let n = 0; n < MAX_NUMBERED; n++) {
    const path = resolve(dir, n === 0 ? name : `${stem} (${n})${extension}`);
    // safeName already guarantees this; checked again because a path outside the directory must never be opened.
    if (dirname(path) !== resolve(dir)) throw new Error(`refused to write outside ${dir}: ${path}`);
    try {
      // Files people post are theirs and the room's, not every local user's.
      return { handle: await open(path, 'wx', 0o600), path };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new Error(`${join(dir, name)} and ${MAX_NUMBERED - 1} numbered versions of it exist already`);
}
