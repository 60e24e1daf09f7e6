import type { CreateMessageRequest, Message } from '@webex-ts/models';
import type { Core } from './core/core.js';
import { parseBody } from './error-mapping.js';
import { checkInput } from './checks.js';
import { WebexValidationError } from './errors.js';
import { MessagesResource } from './gen/resources/messages.gen.js';
import type { RequestOptions } from './options.js';

/** A local file to upload: a path (Node, Deno, Bun), a `Blob`/`File`, or bytes with a name. */
export type LocalFile = string | Blob | { data: Uint8Array | ArrayBuffer | Blob; name: string; type?: string };

/** A message to create: as the API takes it, except that `files` may also hold one local file. */
export interface CreateMessageInput extends Omit<CreateMessageRequest, 'files'> {
  /** One file: a public URL, a local path, a `Blob`/`File`, or `{ data, name }`. */
  files?: [LocalFile] | LocalFile[];
}

const isUrl = (value: unknown): value is string => typeof value === 'string' && /^https?:\/\//i.test(value);

/** `webex.messages`, whose `create` also uploads a local file as `multipart/form-data`. */
export class MessagesApi extends MessagesResource {
  readonly #core: Core;

  /** Built on a core from `new Webex()` or `createCore()`. */
  constructor(core: Core) {
    super(core);
    this.#core = core;
  }

  /**
   * Post a message to a room or a person. `files` may hold one URL (sent as
   * JSON) or one local file (sent as multipart/form-data).
   */
  override create(body: CreateMessageInput, options?: RequestOptions): Promise<Message> {
    const files = body.files ?? [];
    if (files.every(isUrl)) return super.create(body as CreateMessageRequest, options);
    return this.upload(body, options);
  }

  private async upload(body: CreateMessageInput, options?: RequestOptions): Promise<Message> {
    const operation = 'messages.create';
    if (body.attachments?.length) {
      throw new WebexValidationError(operation, 'files', 'a message cannot carry both a local file and a card; send them separately');
    }
    // The usual checks (destination, content, sizes, one file) run on the message as given, before any file is read.
    checkInput(operation, { body });
    const file = await toBlob(body.files![0]!);
    const form = new FormData();
    for (const [name, value] of Object.entries(body)) {
      if (name !== 'files' && value !== undefined && value !== null) form.append(name, String(value));
    }
    form.append('files', file.blob, file.name);
    const [request, sent] = await this.#core.request('post', '/messages', { body: form }, options);
    return parseBody(request, sent.response, sent.text) as Message;
  }
}

async function toBlob(file: LocalFile): Promise<{ blob: Blob; name: string }> {
  if (typeof file === 'string') {
    // Loaded only when a path is given, so browser bundles never need node:fs.
    const fsModule = 'node:fs/promises';
    const pathModule = 'node:path';
    const [{ readFile }, { basename }] = await Promise.all([import(/* @vite-ignore */ fsModule), import(/* @vite-ignore */ pathModule)]);
    let data: Uint8Array;
    try {
      data = await readFile(file);
    } catch (error) {
      throw new WebexValidationError('messages.create', 'files', `cannot read ${file}: ${(error as Error).message}`);
    }
    return { blob: new Blob([data as Uint8Array<ArrayBuffer>]), name: basename(file) };
  }
  if (file instanceof Blob) return { blob: file, name: 'name' in file && typeof file.name === 'string' ? file.name : 'file' };
  const blob = file.data instanceof Blob ? file.data : new Blob([file.data as ArrayBuffer], file.type ? { type: file.type } : {});
  return { blob, name: file.name };
}
