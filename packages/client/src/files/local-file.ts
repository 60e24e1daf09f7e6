// A local file to upload, read into a Blob: a path (through node:fs, loaded only then), a Blob, or bytes with a name.
import { WebexValidationError } from '../errors/classes.js';

/** A local file to upload: a path (Node, Deno, Bun), a `Blob`/`File`, or bytes with a name. */
export type LocalFile = string | Blob | { data: Uint8Array | ArrayBuffer | Blob; name: string; type?: string };

/** The file's bytes as a `Blob`, and the name to upload it under. */
export async function readLocalFile(file: LocalFile): Promise<{ blob: Blob; name: string }> {
  if (typeof file === 'string') {
    // Loaded only when a path is given, so browser bundles never need node:fs.
    const fsModule = 'node:fs/promises';
    const pathModule = 'node:path';
    const [{ readFile }, { basename }] = await Promise.all([
      import(/* @vite-ignore */ fsModule),
      import(/* @vite-ignore */ pathModule),
    ]);
    let data: Uint8Array;
    try {
      data = await readFile(file);
    } catch (error) {
      throw new WebexValidationError('messages.create', 'files', `cannot read ${file}: ${(error as Error).message}`);
    }
    return { blob: new Blob([data as Uint8Array<ArrayBuffer>]), name: basename(file) };
  }
  if (file instanceof Blob)
    return { blob: file, name: 'name' in file && typeof file.name === 'string' ? file.name : 'file' };
  const blob =
    file.data instanceof Blob ? file.data : new Blob([file.data as ArrayBuffer], file.type ? { type: file.type } : {});
  return { blob, name: file.name };
}
