// Public types of the conversation simulator (`mock.simulate`).
import type { AttachmentAction, Membership, Message, Room } from '@webex-ts/client';
import type { ActivityFrame, FakePerson, FakeRoom } from '../realtime/types.js';

/** Someone in the simulated world: an email (a person made on first use), `{ email, displayName }`, or a `FakePerson`. */
export type PersonRef = string | { email: string; displayName?: string } | FakePerson;

/** A file of a simulated message: served by the mock under `<mock.url>/contents/<id>`. */
export interface SimulatedFile {
  name: string;
  /** Default: from the name's extension (`.pdf`, `.png`, `.txt` …), else `application/octet-stream`. */
  contentType?: string;
  /** The bytes (a string is UTF-8). Default: a line of text naming the file. */
  content?: string | Uint8Array;
  /** The malware scan's verdict: `infected` answers 410, `unscannable` 428 (until `allow=unscannable`). Default `clean`. */
  scan?: 'clean' | 'infected' | 'unscannable';
}

/** Where a simulated event goes besides the webhooks registered on the mock. */
export interface DeliveryOptions {
  /**
   * Deliver to this URL only, instead of the webhooks registered through the mock (`POST /webhooks`): for a bot that
   * registers none, or one under test on its own. The envelope names a webhook the mock makes up.
   */
  to?: string;
  /** With `to`: the secret to sign with (`X-Spark-Signature`). Without, the delivery goes unsigned. */
  secret?: string;
  /** How long each webhook target has to answer, in ms. Default 10 000. */
  timeoutMs?: number;
}

/** Options of `simulate.message`. */
export interface SimulateMessageOptions extends DeliveryOptions {
  /** Default `hello`. With `mentionBot`, the bot's display name goes in front, as the sender's client puts it. */
  text?: string;
  markdown?: string;
  /** `direct` (default): the sender's 1:1 room with the bot; `group`: `mock.realtime.group`. Ignored with `room`. */
  roomType?: 'direct' | 'group';
  /** A room of `mock.realtime` (`mock.realtime.addRoom(…)`), instead of `roomType`. */
  room?: FakeRoom;
  /** The sender. Default `mock.realtime.user` (Ana Example, ana@example.com). */
  from?: PersonRef;
  /**
   * Mention the bot (`mentionedPeople`). Default: in group rooms only. A bot's webhooks do not fire for a group message
   * that does not mention it, as with Webex: nothing is delivered then (see `skipped`), though the socket gets it.
   */
  mentionBot?: boolean;
  /** Post as a reply in the thread of this message (one the mock holds: a simulated one, or one the bot posted). */
  parentId?: string;
  /** Files shared with the message; `message.files` are their URLs on the mock. */
  files?: SimulatedFile[];
}

/** Options of `simulate.cardSubmit`. */
export interface SimulateCardSubmitOptions extends DeliveryOptions {
  /** The form values (`attachmentAction.inputs`). */
  inputs: Record<string, unknown>;
  /**
   * The card's message, e.g. the id `messages.create` answered when the bot posted its card through the mock (the
   * mock holds it, in the room it was posted to). When the mock does not hold it, a card message of the bot is filed
   * under that id; a card posted to a room the mock does not know moves to `room`/`roomType`. Default: a new card
   * message of the bot.
   */
  messageId?: string;
  /** Who pressed the button. Default `mock.realtime.user`. */
  from?: PersonRef;
  /** The room of a card the mock files (no `messageId`, or one it does not hold or whose room it does not know). Default `direct`. */
  roomType?: 'direct' | 'group';
  room?: FakeRoom;
}

/** Options of `simulate.membership`. */
export interface SimulateMembershipOptions extends DeliveryOptions {
  /** `created`: `person` joins `room`; `deleted`: `person` leaves it (or `by` removes them). */
  event: 'created' | 'deleted';
  /** Who joins or leaves. Default: the bot. */
  person?: PersonRef;
  /** Default: for `created`, a new group room made by `by`; for `deleted`, `mock.realtime.group`. */
  room?: FakeRoom;
  /** New room's title, when the mock makes one. Default `Simulated room <n>`. */
  roomTitle?: string;
  /** Who did it (the webhook's `actorId`). Default `mock.realtime.user` for `created`, `person` for `deleted`. */
  by?: PersonRef;
}

/** A webhook envelope as the mock POSTs it: the fields Webex sends, `data` the changed object (ids, not content). */
export interface SimulatedEnvelope {
  id: string;
  name: string;
  targetUrl: string;
  resource: string;
  event: string;
  filter?: string;
  orgId: string;
  createdBy: string;
  appId: string;
  ownedBy: string;
  status: string;
  created: string;
  actorId: string;
  data: Record<string, unknown>;
}

/** One webhook POST and how the target answered. */
export interface WebhookDelivery {
  /** The webhook's `targetUrl`. */
  url: string;
  /** The recorded webhook delivered to, or the one made up for `to`. */
  webhookId: string;
  envelope: SimulatedEnvelope;
  /** The exact bytes sent (UTF-8 JSON): what `signature` signs. */
  body: string;
  /** The `X-Spark-Signature` sent: hex HMAC-SHA1 of `body` with the webhook's secret; absent without a secret. */
  signature?: string;
  /** The target's status; absent when it could not be reached (`error`). */
  status?: number;
  /** The target's answer body, as text. */
  responseBody?: string;
  /** Why the target could not be reached, or that it did not answer within `timeoutMs`. */
  error?: string;
}

/** What a simulation delivered. */
export interface Simulation {
  /** The webhook POSTs, in the order of the webhooks; empty when none took the event (see `skipped`). */
  deliveries: WebhookDelivery[];
  /** The `conversation.activity` frame given to `mock.realtime`, and to how many open sockets it went (0: none open). */
  socket: { frame: ActivityFrame; sent: number };
  /** Why no webhook was delivered to, when none was. */
  skipped?: string;
}

/** What `simulate.message` made and delivered. */
export interface SimulatedMessage extends Simulation {
  /** As `GET /messages/{id}` on the mock now answers it. */
  message: Message;
  room: Room;
}

/** What `simulate.cardSubmit` made and delivered. */
export interface SimulatedCardSubmit extends Simulation {
  /** As `GET /attachment/actions/{id}` on the mock now answers it. */
  attachmentAction: AttachmentAction;
  /** The card's message. */
  message: Message;
}

/** What `simulate.membership` made and delivered. */
export interface SimulatedMembership extends Simulation {
  /** As `GET /memberships/{id}` answers it (after `deleted`, no longer held: 404). */
  membership: Membership;
  room: Room;
}

/**
 * The conversation simulator: each call files the objects of one event in the mock's store (so the mock's REST reads
 * return them) and delivers the event as a signed webhook and over `mock.realtime`'s socket.
 */
export interface Simulator {
  /** Someone posts a message (with files, in a thread, mentioning the bot …): `messages:created`. */
  message(options?: SimulateMessageOptions): Promise<SimulatedMessage>;
  /** Someone submits a card: `attachmentActions:created`. */
  cardSubmit(options: SimulateCardSubmitOptions): Promise<SimulatedCardSubmit>;
  /** Someone joins or leaves a room: `memberships:created` / `memberships:deleted`. */
  membership(options: SimulateMembershipOptions): Promise<SimulatedMembership>;
}
