// Builders of `conversation.activity` events: the activity, its frame, and the REST objects it implies.
import { randomBytes } from 'node:crypto';
import type { AttachmentAction, Membership, Message, Room } from '@webex-ts/client';
import { restId } from './ids.js';
import type {
  Activity,
  ActivityActor,
  ActivityBuilders,
  ActivityFrame,
  ActivityTarget,
  CardActionEvent,
  DeleteEvent,
  FakePerson,
  FakeRoom,
  MembershipEvent,
  MessageActivityEvent,
  RoomEvent,
} from './types.js';
import type { World } from './world.js';

/** The people and rooms builders fall back on, and where file URLs point. */
export interface BuilderDefaults {
  user: FakePerson;
  direct: FakeRoom;
  restUrl: string;
}

/** The builders of one fake. */
export function createActivityBuilders(world: World, defaults: BuilderDefaults): ActivityBuilders {
  const { me } = world;
  const { uuid } = world.context;

  const activity = (
    verb: Activity['verb'],
    actor: FakePerson,
    room: FakeRoom,
    object: Activity['object'],
    extra: { id?: string; parent?: Activity['parent']; target?: boolean } = {},
  ): Activity => {
    const id = extra.id ?? uuid();
    const built: Activity = {
      id,
      objectType: 'activity',
      verb,
      published: world.iso(),
      url: `${world.context.conversationBase}/activities/${id}`,
      encryptionKeyUrl: keyUrl(room),
      actor: actorOf(actor),
      object,
    };
    if (extra.target !== false) built.target = targetOf(room);
    if (extra.parent) built.parent = extra.parent;
    return built;
  };

  const frame = (built: Activity): ActivityFrame => ({
    id: uuid(),
    data: { eventType: 'conversation.activity', activity: built },
    timestamp: world.context.now(),
    trackingId: `fake_${uuid()}`,
  });

  const event = <T extends object>(built: Activity, rest: T) => ({ frame: frame(built), activity: built, ...rest });

  const roomRest = (room: FakeRoom): Room => world.store.rooms.get(room.id) ?? missing('room', room.id);

  const touch = (room: FakeRoom) => {
    const rest = world.store.rooms.get(room.id);
    if (rest) rest.lastActivity = world.iso();
  };

  const mentionsOf = (mentionBot: boolean | undefined) =>
    mentionBot ? { items: [{ id: me.uuid, objectType: 'person' }] } : undefined;

  // The text the sender's client renders for a mention of the bot: its display name first (behaviour.md, Bots).
  const mentionText = (text: string, mentionBot: boolean | undefined) =>
    mentionBot && !text.startsWith(me.displayName) ? `${me.displayName} ${text}` : text;

  const storeMessage = (
    id: string,
    room: FakeRoom,
    from: FakePerson,
    fields: Partial<Message>,
    mentionBot: boolean | undefined,
  ): Message => {
    const message: Message = {
      id: world.clusterId('MESSAGE', id),
      roomId: room.id,
      roomType: room.type,
      personId: from.id,
      personEmail: from.email,
      created: world.iso(),
      ...fields,
    };
    if (mentionBot) message.mentionedPeople = [me.id];
    world.store.messages.set(message.id, message);
    touch(room);
    return message;
  };

  const messageRoom = (message: Message): FakeRoom => world.roomOf(message.roomId);

  const builders: ActivityBuilders = {
    post(options = {}) {
      const room = options.room ?? defaults.direct;
      const from = options.from ?? defaults.user;
      const text = mentionText(options.text ?? 'hello', options.mentionBot);
      const id = uuid();
      // Webex leaves `object.id` empty on encrypted posts (WMH 0.6.5): the message UUID is `activity.id`.
      const object: Activity['object'] = { objectType: 'comment', displayName: jwe(room, text) };
      if (options.markdown !== undefined) object.content = jwe(room, options.markdown);
      const mentions = mentionsOf(options.mentionBot);
      if (mentions) object.mentions = mentions;
      if (options.card) object.cards = [jwe(room, JSON.stringify(options.card))];
      const parent = options.parent ? { id: world.uuidOf(options.parent.id), type: 'reply' } : undefined;
      const fields: Partial<Message> = { text };
      if (options.markdown !== undefined)
        fields.markdown = options.mentionBot
          ? `<@personId:${me.id}|${me.displayName}> ${options.markdown}`
          : options.markdown;
      if (options.parent) fields.parentId = options.parent.id;
      if (options.card)
        fields.attachments = [{ contentType: 'application/vnd.microsoft.card.adaptive', content: options.card }];
      const message = storeMessage(id, room, from, fields, options.mentionBot);
      const built = activity('post', from, room, object, parent ? { id, parent } : { id });
      return event(built, { message, room: roomRest(room) }) satisfies MessageActivityEvent;
    },

    share(options) {
      const room = options.room ?? defaults.direct;
      const from = options.from ?? defaults.user;
      const id = uuid();
      const items = options.files.map((file) => ({
        objectType: 'file',
        displayName: jwe(room, file.name),
        mimeType: file.contentType ?? 'application/octet-stream',
        fileSize: file.size ?? 1024,
        scr: jwe(room, `scr:${file.name}`),
        url: `${world.context.conversationBase}/files/${uuid()}`,
      }));
      const object: Activity['object'] = { objectType: 'content', contentCategory: 'documents', files: { items } };
      const fields: Partial<Message> = {
        files: options.files.map(
          (_, index) =>
            `${defaults.restUrl}/contents/${restId('CONTENT', `${id}/${index}`, world.context.cluster.idRegion)}`,
        ),
      };
      if (options.text !== undefined) {
        const text = mentionText(options.text, options.mentionBot);
        object.displayName = jwe(room, text);
        fields.text = text;
      }
      const mentions = mentionsOf(options.mentionBot);
      if (mentions) object.mentions = mentions;
      const message = storeMessage(id, room, from, fields, options.mentionBot);
      return event(activity('share', from, room, object, { id }), {
        message,
        room: roomRest(room),
      }) satisfies MessageActivityEvent;
    },

    edit(options) {
      const message = world.store.messages.get(options.message.id) ?? missing('message', options.message.id);
      const room = messageRoom(message);
      const author = world.personOf(message.personId ?? me.id);
      const object: Activity['object'] = {
        objectType: 'comment',
        id: world.uuidOf(message.id),
        displayName: jwe(room, options.text),
      };
      if (options.markdown !== undefined) object.content = jwe(room, options.markdown);
      message.text = options.text;
      if (options.markdown !== undefined) message.markdown = options.markdown;
      message.updated = world.iso();
      touch(room);
      return event(activity('update', author, room, object), {
        message,
        room: roomRest(room),
      }) satisfies MessageActivityEvent;
    },

    delete(options) {
      const message = world.store.messages.get(options.message.id) ?? options.message;
      const room = messageRoom(message);
      const by = options.by ?? world.personOf(message.personId ?? me.id);
      world.store.messages.delete(message.id);
      touch(room);
      const object = { objectType: 'activity', id: world.uuidOf(message.id) };
      return event(activity('delete', by, room, object), {
        deleted: { messageId: message.id, roomId: room.id },
      }) satisfies DeleteEvent;
    },

    cardAction(options) {
      const card =
        options.card ??
        builders.post({
          room: options.room ?? defaults.direct,
          from: me,
          text: 'A card',
          card: { type: 'AdaptiveCard', version: '1.3', body: [], actions: [{ type: 'Action.Submit', title: 'Send' }] },
        }).message;
      const room = messageRoom(card);
      const from = options.from ?? defaults.user;
      const id = uuid();
      const object = { objectType: 'submit', inputs: options.inputs };
      const built = activity('cardAction', from, room, object, { id, parent: { id: world.uuidOf(card.id) } });
      const attachmentAction: AttachmentAction = {
        id: world.clusterId('ATTACHMENT_ACTION', id),
        type: 'submit',
        messageId: card.id,
        inputs: options.inputs,
        personId: from.id,
        roomId: room.id,
        created: built.published,
      };
      world.store.attachmentActions.set(attachmentAction.id, attachmentAction);
      return event(built, { attachmentAction, message: card }) satisfies CardActionEvent;
    },

    add(options) {
      const by = options.by ?? defaults.user;
      const membership = world.addMembership(options.room, options.person);
      touch(options.room);
      return event(activity('add', by, options.room, personObject(options.person)), {
        membership,
      }) satisfies MembershipEvent;
    },

    leave(options) {
      const by = options.by ?? options.person;
      const id = world.membershipId(options.room, options.person);
      const membership: Membership = world.store.memberships.get(id) ?? {
        id,
        roomId: options.room.id,
        personId: options.person.id,
        personEmail: options.person.email,
        personDisplayName: options.person.displayName,
        roomType: options.room.type,
        created: world.iso(),
      };
      world.store.memberships.delete(id);
      touch(options.room);
      return event(activity('leave', by, options.room, personObject(options.person)), {
        membership,
      }) satisfies MembershipEvent;
    },

    createRoom(options = {}) {
      const by = options.by ?? defaults.user;
      const title = options.title ?? 'New room';
      const people = [by, me, ...(options.members ?? [])];
      const room = world.addRoom('group', title, people, by);
      const memberships = [...world.store.memberships.values()].filter((m) => m.roomId === room.id);
      // The new room is the activity's `object` (with its `url`); there is no `target`.
      const object = {
        objectType: 'conversation',
        id: room.uuid,
        url: room.conversationUrl,
        displayName: jwe(room, title),
        participants: { items: people.map(personObject) },
      };
      return event(activity('create', by, room, object, { target: false }), {
        room: roomRest(room),
        fakeRoom: room,
        memberships,
      }) satisfies RoomEvent;
    },

    updateRoom(options) {
      const by = options.by ?? defaults.user;
      const rest = roomRest(options.room);
      rest.title = options.title;
      options.room.title = options.title;
      touch(options.room);
      const object = {
        objectType: 'conversation',
        id: options.room.uuid,
        displayName: jwe(options.room, options.title),
      };
      return event(activity('update', by, options.room, object), {
        room: rest,
        fakeRoom: options.room,
        memberships: [],
      }) satisfies RoomEvent;
    },
  };
  return builders;
}

function actorOf(person: FakePerson): ActivityActor {
  return {
    id: person.uuid,
    objectType: 'person',
    displayName: person.displayName,
    emailAddress: person.email,
    entryUUID: person.uuid,
    entryEmail: person.email,
    orgId: person.orgUuid,
    type: person.type,
  };
}

function targetOf(room: FakeRoom): ActivityTarget {
  return {
    id: room.uuid,
    objectType: 'conversation',
    url: room.conversationUrl,
    tags: room.type === 'direct' ? ['ONE_ON_ONE'] : [],
  };
}

function personObject(person: FakePerson) {
  return {
    objectType: 'person',
    id: person.uuid,
    entryUUID: person.uuid,
    emailAddress: person.email,
    displayName: person.displayName,
  };
}

function keyUrl(room: FakeRoom): string {
  return `kms://kms-fake.wbx2.com/keys/${room.uuid}`;
}

// An opaque JWE compact string in place of an encrypted field: readable only through REST, as with Webex.
function jwe(room: FakeRoom, plain: string): string {
  const header = Buffer.from(JSON.stringify({ alg: 'dir', enc: 'A256GCM', kid: keyUrl(room) })).toString('base64url');
  const part = (bytes: number) => randomBytes(bytes).toString('base64url');
  return `${header}..${part(12)}.${part(Buffer.byteLength(plain) || 1)}.${part(16)}`;
}

function missing(kind: string, id: string): never {
  throw new Error(`realtime fake: no ${kind} ${id} in fake.rest (deleted, or made outside this fake)`);
}
