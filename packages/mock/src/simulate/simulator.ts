// `mock.simulate`: people talk to the bot. Each event is filed in the realtime fake's store (which the mock's REST reads
// answer from), then delivered as signed webhooks to what was registered through the mock and over the fake's socket.
import type { Message } from '@webex-ts/client';
import type { ContentStore } from '../front/contents.js';
import { mediaTypeOf } from '../front/media-types.js';
import type { WebhookRegistry } from '../front/webhooks.js';
import { readRestId, restId } from '../realtime/ids.js';
import type { FakeEvent, FakePerson, FakeRoom, MessageActivityEvent, RealtimeFake } from '../realtime/types.js';
import type { Cast } from './cast.js';
import { adHocWebhook, deliver, type EnvelopeWebhook, envelopeOf } from './delivery.js';
import type { DeliveryOptions, PersonRef, SimulatedFile, Simulation, Simulator, WebhookDelivery } from './types.js';

/** What the simulator works on: the fake's world, the mock's files and recorded webhooks, and the mock's URL. */
export interface SimulatorContext {
  fake: RealtimeFake;
  contents: ContentStore;
  webhooks: WebhookRegistry;
  /** REST ids of what simulations removed, so that the mock answers 404 for them rather than Prism's example. */
  gone: Set<string>;
  /** The mock's base URL, for the URLs of shared files. */
  mockUrl: () => string;
  /** The people and 1:1 rooms, shared with the bot's own posts. */
  cast: Cast;
  /** Called after each simulation, so that `mock.waitFor` looks again. */
  changed: () => void;
}

const DEFAULT_TIMEOUT = 10_000;

/** The simulator of one mock. */
export function createSimulator(context: SimulatorContext): Simulator {
  const { fake, contents, webhooks } = context;
  const { me } = fake;
  const { cast } = context;
  let roomsMade = 0;

  const personOf = (ref: PersonRef | undefined, fallback: FakePerson, caller: string): FakePerson => {
    if (ref === undefined) return fallback;
    if (typeof ref === 'object' && 'uuid' in ref && 'id' in ref) return ref;
    const email = typeof ref === 'string' ? ref : ref?.email;
    if (typeof email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(email))
      throw new TypeError(
        `simulate.${caller}: a person is an email, { email, displayName } or a FakePerson (got ${describe(email)})`,
      );
    return cast.byEmail(email, typeof ref === 'object' ? ref.displayName : undefined);
  };

  const roomFor = (
    options: { room?: FakeRoom; roomType?: 'direct' | 'group' },
    person: FakePerson,
    caller: string,
  ): FakeRoom => {
    if (options.room) return options.room;
    if (options.roomType !== undefined && options.roomType !== 'direct' && options.roomType !== 'group')
      throw new TypeError(`simulate.${caller}: roomType is 'direct' or 'group' (got ${describe(options.roomType)})`);
    if (options.roomType !== 'group') return cast.directWith(person);
    // Someone new in the group room joins it first, quietly (no event): Webex only lets members post.
    const member = [...fake.rest.memberships.values()].some(
      (membership) => membership.roomId === fake.group.id && membership.personId === person.id,
    );
    if (!member) fake.activities.add({ room: fake.group, person, by: fake.user });
    return fake.group;
  };

  /** Throws, before anything is filed, when the event could reach nobody: a setup mistake worth naming. */
  const checkReachable = (caller: string, options: DeliveryOptions, resource: string, event: string): void => {
    if (options.secret !== undefined && options.to === undefined)
      throw new TypeError(
        `simulate.${caller}: secret goes with to; webhooks registered through the mock sign with their own secret`,
      );
    if (options.to !== undefined) {
      if (typeof options.to !== 'string' || !/^https?:\/\/[^/]/.test(options.to))
        throw new TypeError(
          `simulate.${caller}: to should be an http(s) URL of your bot (got ${describe(options.to)})`,
        );
      return;
    }
    if (webhooks.listens(resource, event) || fake.devices().length > 0) return;
    throw new Error(
      `simulate.${caller}: nowhere to deliver ${resource}:${event}: no webhook for it was created through the mock ` +
        `(webex.webhooks.create({ resource: '${resource}', event: '${event}', targetUrl, secret }) against ${context.mockUrl()}), ` +
        'no device is registered on mock.realtime, and no `to` was given',
    );
  };

  /** Gives the event to the fake's sockets and POSTs it to each webhook that takes it. */
  const send = async (
    options: DeliveryOptions,
    event: FakeEvent,
    resource: string,
    name: string,
    data: Record<string, unknown>,
    actor: FakePerson,
    skip?: string,
  ): Promise<Simulation> => {
    const socket = { frame: event.frame, sent: fake.inject(event) };
    const now = new Date();
    const targets: { hook: EnvelopeWebhook; secret: string | undefined }[] =
      options.to !== undefined
        ? [{ hook: adHocWebhook(options.to, now), secret: options.secret }]
        : skip
          ? []
          : webhooks.matching(resource, name, data, me.id).map((hook) => ({ hook, secret: hook.secret }));
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT;
    const parties = { botId: me.id, orgId: me.orgId, actorId: actor.id };
    const deliveries: WebhookDelivery[] = await Promise.all(
      targets.map(({ hook, secret }) =>
        deliver(envelopeOf(hook, resource, name, data, parties), hook.id, secret, timeoutMs),
      ),
    );
    context.changed();
    const result: Simulation = { deliveries, socket };
    if (deliveries.length === 0)
      result.skipped =
        skip ??
        (webhooks.listens(resource, name)
          ? `no webhook created through the mock for ${resource}:${name} has a filter these fields meet`
          : `no webhook was created through the mock for ${resource}:${name}; the socket got it`);
    return result;
  };

  return {
    async message(options = {}) {
      checkReachable('message', options, 'messages', 'created');
      const from = personOf(options.from, fake.user, 'message');
      const room = roomFor(options, from, 'message');
      const mentionBot = options.mentionBot ?? room.type === 'group';
      let parent: Message | undefined;
      if (options.parentId !== undefined) {
        parent = held(options.parentId);
        if (!parent)
          throw new Error(
            `simulate.message: parentId ${options.parentId} is not a message the mock holds; reply to a simulated message`,
          );
      }
      const files = (options.files ?? []).map((file, index) => fileOf(file, index));
      let event: MessageActivityEvent;
      if (files.length > 0) {
        const shared: { room: FakeRoom; from: FakePerson; mentionBot: boolean; files: FileSpec[]; text?: string } = {
          room,
          from,
          mentionBot,
          files: files.map(({ name, contentType, bytes }) => ({ name, contentType, size: bytes.byteLength })),
        };
        if (options.text !== undefined) shared.text = options.text;
        event = fake.activities.share(shared);
        // The fake's file URLs point at itself; the mock serves them, so the client's origin check lets them through.
        event.message.files = (event.message.files ?? []).map((url, index) => {
          const id = url.slice(url.lastIndexOf('/') + 1);
          const { name, contentType, bytes, scan } = files[index]!;
          contents.add(id, { name, contentType, bytes, scan });
          return `${context.mockUrl()}/contents/${id}`;
        });
        if (options.markdown !== undefined) event.message.markdown = options.markdown;
        if (parent) event.message.parentId = parent.id;
      } else {
        const post: Parameters<RealtimeFake['activities']['post']>[0] = { room, from, mentionBot };
        if (options.text !== undefined) post.text = options.text;
        if (options.markdown !== undefined) post.markdown = options.markdown;
        if (parent) post.parent = parent;
        event = fake.activities.post(post);
      }
      const { message } = event;
      const data: Record<string, unknown> = {
        id: message.id,
        roomId: message.roomId,
        roomType: message.roomType,
        personId: message.personId,
        personEmail: message.personEmail,
      };
      if (message.mentionedPeople?.length) data.mentionedPeople = message.mentionedPeople;
      if (message.files?.length) data.files = message.files;
      data.created = message.created;
      const hidden =
        me.type === 'BOT' && room.type === 'group' && from.id !== me.id && !message.mentionedPeople?.includes(me.id);
      const skip = hidden
        ? "a bot's webhooks do not fire for a group-room message that does not mention it (mentionBot: false)"
        : undefined;
      const sent = await send(options, event, 'messages', 'created', data, from, skip);
      return { ...sent, message, room: event.room };
    },

    async cardSubmit(options) {
      if (typeof options?.inputs !== 'object' || options.inputs === null || Array.isArray(options.inputs))
        throw new TypeError(
          `simulate.cardSubmit: inputs should be the form values as an object (got ${describe(options?.inputs)})`,
        );
      checkReachable('cardSubmit', options, 'attachmentActions', 'created');
      const from = personOf(options.from, fake.user, 'cardSubmit');
      let card: Message | undefined;
      let room: FakeRoom | undefined;
      if (options.messageId !== undefined) {
        const known = held(options.messageId);
        if (known && fake.rest.rooms.has(known.roomId)) card = known;
        else {
          // A submit happens in a room of the world: a card the bot posted to a room the mock does not know (a
          // made-up roomId) moves to the simulation's room.
          room = roomFor(options, from, 'cardSubmit');
          card = fileCard(options.messageId, room, known);
        }
      } else {
        room = roomFor(options, from, 'cardSubmit');
      }
      const event = fake.activities.cardAction(
        card ? { inputs: options.inputs, card, from } : { inputs: options.inputs, room, from },
      );
      const { attachmentAction } = event;
      const data: Record<string, unknown> = {
        id: attachmentAction.id,
        type: attachmentAction.type,
        messageId: attachmentAction.messageId,
        personId: attachmentAction.personId,
        roomId: attachmentAction.roomId,
        created: attachmentAction.created,
      };
      const sent = await send(options, event, 'attachmentActions', 'created', data, from);
      return { ...sent, attachmentAction, message: event.message };
    },

    async membership(options) {
      const name = options?.event;
      if (name !== 'created' && name !== 'deleted')
        throw new TypeError(`simulate.membership: event is 'created' or 'deleted' (got ${describe(name)})`);
      checkReachable('membership', options, 'memberships', name);
      const person = personOf(options.person, me, 'membership');
      const by = personOf(options.by, name === 'created' ? fake.user : person, 'membership');
      const room =
        options.room ??
        (name === 'created'
          ? fake.addRoom({ type: 'group', title: options.roomTitle ?? `Simulated room ${++roomsMade}`, members: [by] })
          : fake.group);
      const event =
        name === 'created' ? fake.activities.add({ room, person, by }) : fake.activities.leave({ room, person, by });
      if (name === 'deleted') context.gone.add(event.membership.id);
      const data: Record<string, unknown> = { ...event.membership };
      const sent = await send(options, event, 'memberships', name, data, by);
      const restRoom = fake.rest.rooms.get(room.id);
      if (!restRoom) throw new Error(`simulate.membership: the room ${room.id} is not in mock.realtime`);
      return { ...sent, membership: event.membership, room: restRoom };
    },
  };

  /** A message the store holds, by any spelling of its id. */
  function held(messageId: string): Message | undefined {
    const parsed = readRestId(messageId);
    if (parsed?.type !== 'MESSAGE') return undefined;
    return fake.rest.messages.get(restId('MESSAGE', parsed.uuid, parsed.region));
  }

  /**
   * Files a card message of the bot in `room`: the one the mock holds (moved), or one made up under an id it did not
   * hold (an id the bot was given elsewhere).
   */
  function fileCard(messageId: string, room: FakeRoom, known: Message | undefined): Message {
    if (known) {
      const moved: Message = { ...known, roomId: room.id, roomType: room.type };
      fake.rest.messages.set(moved.id, moved);
      return moved;
    }
    const parsed = readRestId(messageId);
    if (parsed?.type !== 'MESSAGE')
      throw new TypeError(
        `simulate.cardSubmit: messageId should be a message id (base64url of ciscospark://us/MESSAGE/<uuid>), got ${describe(messageId)}`,
      );
    const card: Message = {
      id: restId('MESSAGE', parsed.uuid, parsed.region),
      roomId: room.id,
      roomType: room.type,
      personId: me.id,
      personEmail: me.email,
      text: 'A card (open in Webex)',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: {
            type: 'AdaptiveCard',
            version: '1.3',
            body: [],
            actions: [{ type: 'Action.Submit', title: 'Send' }],
          },
        },
      ],
      created: new Date().toISOString(),
    };
    fake.rest.messages.set(card.id, card);
    return card;
  }
}

/** A file as the fake's `share` takes it. */
interface FileSpec {
  name: string;
  contentType: string;
  size: number;
}

function fileOf(file: SimulatedFile, index: number) {
  if (typeof file?.name !== 'string' || file.name === '')
    throw new TypeError(`simulate.message: files[${index}] needs a name (got ${describe(file?.name)})`);
  const content = file.content ?? `Contents of ${file.name}\n`;
  return {
    name: file.name,
    contentType: file.contentType ?? mediaTypeOf(file.name),
    bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content,
    scan: file.scan ?? 'clean',
  };
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}
