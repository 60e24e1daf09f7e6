// `webex.messages`: the generated resource, with `create` that also uploads a local file and takes a card, and `reply`.
import type { CreateMessageRequest, Message } from '@webex-ts/models';
import { checkInput, checkMessageCreate } from '../checks.js';
import type { RequestOptions } from '../core/resource.js';
import { WebexValidationError } from '../errors/classes.js';
import { readLocalFile } from '../files/local-file.js';
import { MessagesResourceBase } from '../gen/resources/messages.gen.js';
import { ADAPTIVE_CARD_CONTENT_TYPE } from './cards.js';
import { replyTo, type ReplyParent } from './mentions.js';
import type {
  CheckedMessageInput,
  CheckedReplyInput,
  CreateMessageInput,
  MessageFields,
  ReplyInput,
} from './message-input.js';

const isUrl = (value: unknown): value is string => typeof value === 'string' && /^https?:\/\//i.test(value);

/**
 * `webex.messages`: the generated methods, with `create` that also uploads a local file and takes a `card`, and
 * `reply` that answers in a thread. `MessagesResourceBase` alone is the generated methods, for the smallest bundle.
 */
export class MessagesResource extends MessagesResourceBase {
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
    checkInput(operation, { body, check: checkMessageCreate });
    const file = await readLocalFile(body.files![0]!);
    const form = new FormData();
    for (const [name, value] of Object.entries(body)) {
      if (name !== 'files' && value !== undefined && value !== null) form.append(name, String(value));
    }
    form.append('files', file.blob, file.name);
    return this.core.call<Message>(operation, 'post', '/messages', { body: form }, options);
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
