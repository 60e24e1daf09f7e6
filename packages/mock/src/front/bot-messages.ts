// The messages the bot writes through the mock. Prism answers every create with its one example, so two cards would
// share an id and the bot could never read back what it posted: each create Prism accepted is filed in the store the
// simulated messages live in, under a fresh id, as the bot (`people/me`) wrote it; edits and deletes of held messages
// change that store.
import { randomUUID } from 'node:crypto';
import type { Message } from '@webex-ts/client';
import { readRestId, restId } from '../realtime/ids.js';
import type { RealtimeFake } from '../realtime/types.js';
import type { Cast } from '../simulate/cast.js';
import type { ContentStore } from './contents.js';
import type { MessageFields, UploadedFile } from './message-request.js';

/** What the bot's messages are filed in, and how their file URLs are made. */
export interface BotMessagesContext {
  fake: RealtimeFake;
  contents: ContentStore;
  /** REST ids of removed objects: the store answers 404 for them rather than Prism its example. */
  gone: Set<string>;
  /** The mock's base URL, for the URLs of uploaded files. */
  mockUrl: () => string;
  /** The people and 1:1 rooms, shared with the simulator. */
  cast: Cast;
}

/** Why an edit was not applied. */
export type EditRefusal = 'not-held' | 'not-own';

// `<@personId:ID|Name>`, `<@personEmail:ana@example.com>`, `<@all>`: the mentions Webex reads from markdown.
const MENTION = /<@(personId|personEmail|all)(?::([^>|]+))?(?:\|[^>]*)?>/g;

/** The bot's messages of one mock. */
export class BotMessages {
  readonly #context: BotMessagesContext;

  constructor(context: BotMessagesContext) {
    this.#context = context;
  }

  /**
   * Files the message a create asked for and returns it as Webex answers the create. `accepted` is Prism's answer,
   * only read for a room when the create named none (Prism lets that through: the spec cannot say "one of").
   */
  create(fields: MessageFields, uploads: UploadedFile[], accepted: unknown): Message {
    const { fake } = this.#context;
    const uuid = randomUUID();
    const where = this.#destination(fields, accepted);
    const message: Message = {
      id: restId('MESSAGE', uuid, fake.cluster.idRegion),
      roomId: where.roomId,
      personId: fake.me.id,
      personEmail: fake.me.email,
      created: new Date().toISOString(),
    };
    if (where.roomType) message.roomType = where.roomType;
    if (fields.parentId !== undefined) message.parentId = this.held(fields.parentId)?.id ?? fields.parentId;
    // Webex names the person only on the answer to a create that named them.
    if (fields.toPersonId !== undefined) message.toPersonId = fields.toPersonId;
    if (fields.toPersonEmail !== undefined) message.toPersonEmail = fields.toPersonEmail;
    this.#setContent(message, fields);
    const files = [...(fields.files ?? []), ...uploads.map((upload, index) => this.#serve(upload, uuid, index))];
    if (files.length > 0) message.files = files;
    if (fields.attachments !== undefined) message.attachments = fields.attachments as Message['attachments'];
    this.#setMentions(message);
    fake.rest.messages.set(message.id, message);
    return message;
  }

  /** Applies an edit (`text`, `markdown`) to a held message of the bot; the edited message, or why not. */
  edit(id: string, fields: MessageFields): Message | EditRefusal {
    const message = this.held(id);
    if (!message) return 'not-held';
    if (message.personId !== this.#context.fake.me.id) return 'not-own';
    delete message.text;
    delete message.markdown;
    this.#setContent(message, fields);
    message.updated = new Date().toISOString();
    this.#setMentions(message);
    return message;
  }

  /** Removes a held message (GET then answers 404); whether there was one. */
  delete(id: string): boolean {
    const message = this.held(id);
    if (!message) return false;
    this.#context.fake.rest.messages.delete(message.id);
    this.#context.gone.add(message.id);
    return true;
  }

  /** The message the store holds under any spelling of `id` (simulated ones too). */
  held(id: string): Message | undefined {
    const { fake } = this.#context;
    const parsed = readRestId(id);
    if (parsed?.type !== 'MESSAGE' || parsed.region !== fake.cluster.idRegion) return undefined;
    return fake.rest.messages.get(restId('MESSAGE', parsed.uuid, parsed.region));
  }

  #setContent(message: Message, fields: MessageFields): void {
    // Webex renders markdown to plain text for `text`; the mock keeps the markdown as it came.
    const text = fields.text ?? fields.markdown;
    if (text !== undefined) message.text = text;
    if (fields.markdown !== undefined) message.markdown = fields.markdown;
  }

  #setMentions(message: Message): void {
    delete message.mentionedPeople;
    delete message.mentionedGroups;
    const people = new Set<string>();
    const groups = new Set<string>();
    for (const [, kind, value] of (message.markdown ?? '').matchAll(MENTION)) {
      if (kind === 'all') groups.add('all');
      else if (kind === 'personId' && value) people.add(value.trim());
      else if (value) {
        const person = this.#personByEmail(value.trim());
        if (person) people.add(person.id);
      }
    }
    if (people.size > 0) message.mentionedPeople = [...people];
    if (groups.size > 0) message.mentionedGroups = [...groups];
  }

  /** The room a create goes to: the one it names, the 1:1 room with the person it names, or Prism's. */
  #destination(fields: MessageFields, accepted: unknown): { roomId: string; roomType?: 'direct' | 'group' } {
    const { fake, cast } = this.#context;
    const region = fake.cluster.idRegion;
    if (fields.roomId !== undefined) {
      const parsed = readRestId(fields.roomId);
      const room =
        parsed?.type === 'ROOM' && parsed.region === region
          ? fake.rest.rooms.get(restId('ROOM', parsed.uuid, region))
          : undefined;
      // A room the mock does not know keeps the id the bot gave; its type is unknown.
      return room ? { roomId: room.id, roomType: room.type } : { roomId: fields.roomId };
    }
    // As with Webex, writing to someone opens their 1:1 room with the bot (the one the simulator uses for them).
    const person =
      fields.toPersonId !== undefined
        ? cast.byId(fields.toPersonId)
        : fields.toPersonEmail !== undefined
          ? cast.byEmail(fields.toPersonEmail)
          : undefined;
    if (person) return { roomId: cast.directWith(person).id, roomType: 'direct' };
    // No destination (Prism lets that through: the spec cannot say "one of"), or a person id that is not one.
    const answered = (accepted as { roomId?: unknown } | undefined)?.roomId;
    return { roomId: typeof answered === 'string' ? answered : restId('ROOM', randomUUID(), region) };
  }

  #personByEmail(email: string): { id: string } | undefined {
    const wanted = email.toLowerCase();
    for (const person of this.#context.fake.rest.people.values())
      if (person.emails.some((each) => each.toLowerCase() === wanted)) return { id: person.id };
    return undefined;
  }

  /** Serves an uploaded file at `<mock.url>/contents/<id>`, as Webex serves a shared file; returns that URL. */
  #serve(upload: UploadedFile, messageUuid: string, index: number): string {
    const { fake, contents, mockUrl } = this.#context;
    const id = restId('CONTENT', `${messageUuid}/${index}`, fake.cluster.idRegion);
    contents.add(id, { name: upload.name, contentType: upload.contentType, bytes: upload.bytes, scan: 'clean' });
    return `${mockUrl()}/contents/${id}`;
  }
}
