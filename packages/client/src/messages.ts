import type { CreateMessageRequest, Message, MessageAttachment } from '@webex-ts/models';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from './cards.js';
import type { Core } from './core/core.js';
import { parseBody } from './error-mapping.js';
import { checkInput } from './checks.js';
import { WebexValidationError } from './errors.js';
import { MessagesResource } from './gen/resources/messages.gen.js';
import { replyTo, type ReplyParent } from './mentions.js';
import type { RequestOptions } from './options.js';

/** A local file to upload: a path (Node, Deno, Bun), a `Blob`/`File`, or bytes with a name. */
export type LocalFile = string | Blob | { data: Uint8Array | ArrayBuffer | Blob; name: string; type?: string };

/** Where a message goes: exactly one of `roomId`, `toPersonId`, `toPersonEmail`. */
export type MessageDestination =
  | { roomId: string; toPersonId?: never; toPersonEmail?: never }
  | { toPersonId: string; roomId?: never; toPersonEmail?: never }
  | { toPersonEmail: string; roomId?: never; toPersonId?: never };

/** Every content field, all optional: what each member of {@link MessageContent} starts from. */
export interface MessageFields<File = LocalFile> {
  /** Reply in the thread of this message. */
  parentId?: string;
  /** Plain text; at most 7439 bytes of UTF-8. The fallback when a card is attached. */
  text?: string;
  /** Markdown; at most 7439 bytes of UTF-8. */
  markdown?: string;
  /** One file: a public URL, a local path, a `Blob`/`File`, or `{ data, name }`. */
  files?: [File] | File[];
  /** One adaptive card as the API takes it; or use `card`. */
  attachments?: MessageAttachment[];
  /** One adaptive card; needs `text` as the fallback for clients that cannot show cards. */
  card?: AdaptiveCard;
}

/** A message's content: at least one of `text`, `markdown`, `files`, `attachments`, or a `card` with its fallback `text`. */
export type MessageContent<File = LocalFile> =
  | (MessageFields<File> & { text: string; card?: undefined })
  | (MessageFields<File> & { markdown: string; card?: undefined })
  | (MessageFields<File> & { files: [File] | File[]; card?: undefined })
  | (MessageFields<File> & { attachments: MessageAttachment[]; card?: undefined })
  | (Omit<MessageFields<File>, 'attachments'> & { card: AdaptiveCard; text: string; attachments?: never });

/**
 * A message to create. TypeScript checks the first two rules; all are checked again before sending:
 * - exactly one destination: `roomId`, `toPersonId` or `toPersonEmail`;
 * - some content: `text`, `markdown`, `files`, `attachments`, or `card` (with `text` as its fallback);
 * - `text` and `markdown` at most 7439 bytes of UTF-8 each;
 * - at most one file and one card.
 */
export type CreateMessageInput<File = LocalFile> = MessageDestination & MessageContent<File>;

/** What `messages.reply` sends: the content only; the room and the thread come from the parent. */
export type ReplyInput = MessageContent;

declare const brokenRule: unique symbol;

/**
 * The type a field gets when a call breaks one of the rules of `messages.create` or `messages.reply`. No value has
 * it, so the compiler's error quotes the rule: `Type 'string' is not assignable to type 'BrokenRule<"messages.create:
 * give exactly one of roomId, toPersonId, toPersonEmail">'`.
 */
export interface BrokenRule<Rule extends string> {
  readonly [brokenRule]: Rule;
}

type DestinationKey = 'roomId' | 'toPersonId' | 'toPersonEmail';
type ContentKey = 'text' | 'markdown' | 'files' | 'attachments' | 'card';
/** The keys of `Body` given a value: present, and not typed `undefined` (or `never`) only. */
type GivenKeys<Body> = {
  [Key in keyof Body]-?: [Exclude<Body[Key], undefined>] extends [never] ? never : Key;
}[keyof Body];
type IsUnion<Keys, All = Keys> = Keys extends unknown ? ([All] extends [Keys] ? false : true) : never;

/** What a message's content breaks, as the fields to mark; `undefined` when it keeps every content rule. */
type ContentRules<Operation extends string, Given> = [Extract<Given, ContentKey>] extends [never]
  ? Record<
      'text',
      BrokenRule<`${Operation}: give some content: text, markdown, files, attachments, or a card with text`>
    >
  : 'card' extends Given
    ? 'text' extends Given
      ? 'attachments' extends Given
        ? Record<
            'attachments',
            BrokenRule<`${Operation}: give card or attachments, not both; a message carries one card`>
          >
        : undefined
      : Record<'text', BrokenRule<`${Operation}: a card needs text as the fallback for clients that cannot show cards`>>
    : undefined;

// Literal types, not aliases of BrokenRule<…>: the compiler prints an alias by its name, and the rule must show.
type OneDestination = 'messages.create: give exactly one of roomId, toPersonId, toPersonEmail';
type NoDestination = "messages.reply: give no roomId, toPersonId or toPersonEmail; the reply goes to the parent's room";

/** What a message to create breaks, as the fields to mark; `undefined` when it keeps every rule the types check. */
type CreateRules<Given> = [Extract<Given, DestinationKey>] extends [never]
  ? Record<'roomId', BrokenRule<OneDestination>>
  : true extends IsUnion<Extract<Given, DestinationKey>>
    ? Record<Extract<Given, DestinationKey>, BrokenRule<OneDestination>>
    : ContentRules<'messages.create', Given>;

/** What a reply breaks, as the fields to mark; `undefined` when it keeps every rule the types check. */
type ReplyRules<Given> = [Extract<Given, DestinationKey>] extends [never]
  ? ContentRules<'messages.reply', Given>
  : Record<Extract<Given, DestinationKey>, BrokenRule<NoDestination>>;

/** `Valid` when nothing is `Broken`; else `Body` with the broken fields marked, and every field for an editor to offer. */
type Checked<Body, Broken, Valid, Fields> = [Broken] extends [undefined] ? Valid : Body & Broken & Fields;

/**
 * The parameter type of `messages.create` for a call passing `Body`: {@link CreateMessageInput} (so every field is
 * checked as usual) when `Body` keeps the destination and content rules, else `Body` with the offending fields typed
 * {@link BrokenRule}, so the compiler's error names the rule instead of a member of the union. With nothing to infer
 * from (`Parameters<…>`, an `any` argument) it is {@link CreateMessageInput}.
 */
export type CheckedMessageInput<Body> = unknown extends Body
  ? CreateMessageInput
  : Body extends unknown
    ? Checked<
        Body,
        CreateRules<GivenKeys<Body>>,
        CreateMessageInput,
        MessageFields & Partial<Record<DestinationKey, string>>
      >
    : never;

/** The parameter type of `messages.reply` for a call passing `Body`: like {@link CheckedMessageInput}, for {@link ReplyInput}. */
export type CheckedReplyInput<Body> = unknown extends Body
  ? ReplyInput
  : Body extends unknown
    ? Checked<Body, ReplyRules<GivenKeys<Body>>, ReplyInput, MessageFields>
    : never;

const isUrl = (value: unknown): value is string => typeof value === 'string' && /^https?:\/\//i.test(value);

/** `webex.messages`: `create` also uploads a local file and takes a `card`; `reply` answers in a thread. */
export class MessagesApi extends MessagesResource {
  readonly #core: Core;

  /** Built on a core from `new Webex()` or `createCore()`. */
  constructor(core: Core) {
    super(core);
    this.#core = core;
  }

  /**
   * Post a message to a room or a person. Rules (see {@link CreateMessageInput}): exactly one of
   * `roomId`/`toPersonId`/`toPersonEmail`; some content; `text`/`markdown` at most 7439 bytes; one file; one card.
   * `files` may hold one URL (sent as JSON) or one local file (sent as multipart/form-data);
   * `card` is the shorthand for one adaptive-card attachment, with `text` as its fallback.
   * (Generic only so that a call breaking a rule is told which; every other call is checked as a {@link CreateMessageInput}.)
   */
  override create<Body>(body: CheckedMessageInput<Body>, options?: RequestOptions): Promise<Message>;
  override async create(input: CreateMessageInput, options?: RequestOptions): Promise<Message> {
    const body = withCard(input);
    const files = body.files ?? [];
    if (files.every(isUrl)) return super.create(body as CreateMessageRequest, options);
    return this.upload(body, options);
  }

  /**
   * Reply in the thread of `parent` (a message, or its id: then the message is fetched to learn its room).
   * A reply to a reply goes into the same thread, because Webex threads are one level deep.
   */
  reply<Body>(parent: ReplyParent | string, body: CheckedReplyInput<Body>, options?: RequestOptions): Promise<Message>;
  async reply(parent: ReplyParent | string, body: ReplyInput, options?: RequestOptions): Promise<Message> {
    if (typeof parent !== 'string' && (parent === null || typeof parent !== 'object')) {
      throw new WebexValidationError(
        'messages.reply',
        'parent',
        `expected a message or a message id, got ${parent === null ? 'null' : typeof parent}`,
      );
    }
    const known = typeof parent === 'string' ? { id: parent } : parent;
    // Without its room (and its own parent) the message must be fetched: both decide where the reply goes.
    let full: ReplyParent = known;
    if (!known.roomId) {
      const id = requireId(known.id);
      const fetched = await this.get(id, options);
      full = { id, roomId: fetched.roomId, parentId: fetched.parentId };
    }
    const thread = replyTo(full);
    const {
      roomId: _room,
      toPersonId: _id,
      toPersonEmail: _email,
      ...content
    } = body as ReplyInput & Partial<Record<'roomId' | 'toPersonId' | 'toPersonEmail', unknown>>;
    return this.create({ ...content, ...thread } as CreateMessageInput, options);
  }

  private async upload(body: LoweredInput, options?: RequestOptions): Promise<Message> {
    const operation = 'messages.create';
    if (body.attachments?.length) {
      throw new WebexValidationError(
        operation,
        'files',
        'a message cannot carry both a local file and a card; send them separately',
      );
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
    return parseBody(request, sent.response, sent.body) as Message;
  }
}

/** A message as the API takes it, before local files are read. */
type LoweredInput = Omit<MessageFields, 'card'> & { roomId?: string; toPersonId?: string; toPersonEmail?: string };

function requireId(id: unknown): string {
  if (typeof id !== 'string' || id === '') {
    throw new WebexValidationError(
      'messages.reply',
      'parent',
      `expected a message with an id (or the id itself), got id ${JSON.stringify(id)}`,
    );
  }
  return id;
}

/** Turns the `card` shorthand into the one attachment the API takes, checking its fallback text first. */
function withCard(input: CreateMessageInput): LoweredInput {
  const { card, ...rest } = input as MessageFields & LoweredInput;
  if (card === undefined || card === null) return rest;
  const operation = 'messages.create';
  if (typeof card !== 'object' || Array.isArray(card)) {
    throw new WebexValidationError(
      operation,
      'card',
      `expected an adaptive card object, got ${Array.isArray(card) ? 'an array' : typeof card}`,
    );
  }
  if (rest.attachments !== undefined) {
    throw new WebexValidationError(
      operation,
      'card',
      'give either card or attachments, not both; a message carries one card',
    );
  }
  if (typeof rest.text !== 'string' || rest.text.trim() === '') {
    throw new WebexValidationError(
      operation,
      'text',
      'a card needs text as the fallback for clients that cannot show cards; give text',
    );
  }
  return { ...rest, attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }] };
}

async function toBlob(file: LocalFile): Promise<{ blob: Blob; name: string }> {
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
