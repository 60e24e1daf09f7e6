import { open, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { FileInfectedError, FileTooLargeError, FileUnscannableError, WebexBodyReadError } from '@webex-ts/client';
import { positiveInteger, text, UsageError } from '../args.js';
import type { Command, Context } from '../command.js';
import { write } from '../io.js';
import { printable } from '../output/printable.js';

export const filesGet: Command = {
  name: 'files get',
  synopsis: 'files get <url|id> [-o <path>] [--force] [--allow-unscannable] [--max-bytes <n>]',
  description:
    "Downloads a file posted in a space (a URL from a message's files, or its content id) and prints the path it wrote. " +
    'Without -o it goes in the current directory, under the name the server gives. An existing file is never overwritten without --force.',
  options: {
    output: {
      type: 'string',
      short: 'o',
      arg: '<path>',
      help: 'where to write it: a file, or a directory to put it in',
    },
    force: { type: 'boolean', help: 'overwrite an existing file' },
    'allow-unscannable': {
      type: 'boolean',
      help: 'download a file the malware scan could not check (an encrypted archive, say)',
    },
    'max-bytes': { type: 'string', arg: '<n>', help: 'give up on a file larger than this many bytes' },
  },
  args: ['<url|id>'],
  async run(context) {
    try {
      await get(context);
    } catch (error) {
      // The report shows the API's own words; say what the error means here and what to do.
      const hint = hintFor(error);
      if (hint) await write(context.io.stderr, `webex: ${hint}\n`);
      throw error;
    }
  },
};

async function get(context: Context): Promise<void> {
  const { values } = context;
  const [urlOrId] = context.args as [string];
  const output = text(values, 'output');
  const force = values.force === true;
  const maxBytes = positiveInteger(values, 'max-bytes');
  const directory = output === undefined ? '.' : (await isDirectory(output)) ? output : undefined;
  // Known before anything is downloaded: refuse now rather than after the transfer.
  if (output !== undefined && directory === undefined && !force && (await exists(output))) throw alreadyExists(output);

  const download = await context
    .webex()
    .contents.download(urlOrId, { allowUnscannable: values['allow-unscannable'] === true, maxBytes });
  const path =
    directory === undefined
      ? output!
      : join(directory, localName(download.name) ?? localName(contentIdOf(urlOrId)) ?? 'download');
  let file: FileHandle;
  try {
    // `wx` creates the file or fails: no window in which another file can appear and be overwritten.
    file = await open(path, force ? 'w' : 'wx');
  } catch (error) {
    await download.body.cancel().catch(() => {});
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw alreadyExists(path);
    throw error;
  }
  try {
    const reader = download.body.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) await file.write(next.value);
    await file.close();
  } catch (error) {
    // A partial file looks like a whole one: remove it.
    await file.close().catch(() => {});
    await rm(path, { force: true });
    throw error;
  }
  await write(context.io.stdout, `${path}\n`);
}

function hintFor(error: unknown): string | undefined {
  if (error instanceof FileInfectedError)
    return 'the malware scan found this file infected; Webex will not hand it out';
  if (error instanceof FileUnscannableError)
    return 'the malware scan could not check this file; pass --allow-unscannable to download it anyway, if you trust its sender';
  if (error instanceof FileTooLargeError)
    return `the file is larger than --max-bytes ${error.maxBytes}; nothing was kept`;
  if (error instanceof WebexBodyReadError)
    return 'the connection was lost before the whole file came; nothing was kept: run the command again';
  return undefined;
}

function alreadyExists(path: string): UsageError {
  return new UsageError(`${path} already exists; pass --force to overwrite it, or -o <path> to write elsewhere`);
}

/**
 * A name from the server made safe to create in a directory: path separators and
 * control characters (C0, DEL and C1) removed, characters Windows refuses replaced, no leading dots
 * (a server must not be able to drop `.npmrc` or `.env` where a tool would read it).
 */
function localName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const base = printable(name.split(/[/\\]/).pop()!)
    .replace(/[<>:"|?*]/g, '_')
    .trim()
    .replace(/^\.+/, '');
  return base || undefined;
}

/** The id at the end of a file URL, or the id itself: the name when the server gives none. */
function contentIdOf(urlOrId: string): string | undefined {
  return urlOrId.split(/[?#]/)[0]!.split('/').filter(Boolean).pop();
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined)) !== undefined;
}
