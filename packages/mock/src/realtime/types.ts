// Public types of the realtime fake. None of them mention `ws`, so users need no `@types/ws`.
import type { AttachmentAction, Membership, Message, Person, Room } from '@webex-ts/client';

/** Which conversation cluster the fake claims to be: `us` (`urn:TEAM:us-east-2_a`) or `eu` (`urn:TEAM:eu-central-1_k`). */
export type ClusterName = 'us' | 'eu';

/** The cluster the fake's conversation host maps to, and what that does to REST ids. */
export interface FakeCluster {
  name: ClusterName;
  /** The `id` prefix of the fake's `hostCatalog` entries, e.g. `urn:TEAM:eu-central-1_k`. */
  catalogPrefix: string;
  /** The `<region>` of REST ids of rooms, messages, memberships and attachment actions: `us`, or `urn:TEAM:eu-central-1_k`. */
  idRegion: string;
}

/** A registration the fake holds before the library under test starts: another client of the same account, say. */
export interface DeviceSeed {
  name: string;
  deviceType: string;
  /** ISO time; default: now. Recovery code sorts by it. */
  modificationTime?: string;
  /** Any other device fields (`model`, `systemName` …), kept as given. */
  [field: string]: unknown;
}

/** A device as WDM answers it (`POST`/`GET`/`PUT` of `/wdm/api/v1/devices`). */
export interface FakeDevice {
  /** The device's own URL: `PUT` refreshes it, `DELETE` removes it. */
  url: string;
  /** `ws://127.0.0.1:<port>/mercury/registrations/<registration id>/messages`. */
  webSocketUrl: string;
  /** UUID of the account (the `/people/me` id decoded). */
  userId: string;
  name: string;
  deviceType: string;
  /** ISO time of creation or the last refresh. */
  modificationTime: string;
  creationTime: string;
  /** Service name → URL; the fake serves none of these but `conversationServiceUrl` names its conversation host. */
  services: Record<string, string>;
  /** Whatever else the client sent in the registration body (`model`, `systemName`, `deviceName` …). */
  [field: string]: unknown;
}

/** A device, by its `url` (a string) or any object holding it (a `FakeDevice`, the library's own record). */
export type DeviceRef = string | { url: string };

/** How a request's `Authorization` header compared with the fake's current token. */
export type AuthCheck = 'valid' | 'wrong' | 'missing';

/** Which part of the fake a request went to. */
export type RequestArea = 'u2c' | 'wdm' | 'mercury' | 'rest' | 'unknown';

/** One request the fake received (websocket upgrades included), in arrival order. */
export interface RecordedRequest {
  method: string;
  /** Path without the query, e.g. `/wdm/api/v1/devices/<id>`. */
  path: string;
  /** The query string with its `?`, or `''`. */
  query: string;
  area: RequestArea;
  /** The `Authorization` header against the token current at the time. The header's value is never recorded. */
  auth: AuthCheck;
  /** Status answered: 101 for an accepted websocket upgrade. */
  status: number;
  /** The JSON request body, when there was one. */
  body?: unknown;
  /** Time of arrival (the fake's clock, ms). */
  at: number;
}

/** Lifecycle of one websocket: `authorizing` until a valid authorization frame, then `open`, then `closed`. */
export type ConnectionState = 'authorizing' | 'open' | 'closed';

/** One websocket the fake accepted; a live record (it changes as the socket does). */
export interface FakeConnection {
  /** 1, 2, 3 … in order of upgrade. */
  readonly id: number;
  /** `url` of the device whose `webSocketUrl` was used. */
  readonly deviceUrl: string;
  readonly registrationId: string;
  /** The upgrade URL's query, e.g. `{ outboundWireFormat: 'text', bufferStates: 'true' }`. */
  readonly query: Readonly<Record<string, string>>;
  /** The upgrade request's `Authorization` header (optional on the wire: auth is in-band). */
  readonly upgradeAuth: AuthCheck;
  readonly state: ConnectionState;
  /** Set once closed. `by: 'server'` for the fake's closes (scripted, auth failure, replaced), `'client'` otherwise. */
  readonly closed?: { code: number; reason: string; by: 'server' | 'client' };
  /** Every frame the client sent, parsed (a frame that is not JSON is kept as its text). */
  readonly received: readonly unknown[];
  /** Every frame the fake sent on this socket, as sent (with this socket's `sequenceNumber`). */
  readonly sent: readonly MercuryFrame[];
  /** `messageId` of every ack frame, in order. */
  readonly acks: readonly string[];
}

/** A server frame: the Mercury envelope, or a bare control frame (`pong`, `shutdown`). */
export interface MercuryFrame {
  id?: string;
  type?: string;
  data?: { eventType: string; [field: string]: unknown };
  /** Epoch ms. */
  timestamp?: number;
  trackingId?: string;
  /** Per socket: 1 for the socket's first numbered frame (its `mercury.buffer_state`), then one more per frame. */
  sequenceNumber?: number;
  [field: string]: unknown;
}

/** The person who did something, as activities carry it. */
export interface ActivityActor {
  id: string;
  objectType: 'person';
  displayName: string;
  emailAddress: string;
  entryUUID: string;
  entryEmail: string;
  orgId: string;
  /** `PERSON` for people, `BOT` for the fake's bot (the real value for bots is unconfirmed). */
  type: 'PERSON' | 'BOT';
}

/** The conversation an activity happened in. */
export interface ActivityTarget {
  /** The room's UUID. */
  id: string;
  objectType: 'conversation';
  /** `<fake>/conversation/api/v1/conversations/<uuid>`: its host is in the catalog's `hostCatalog`. */
  url: string;
  /** `['ONE_ON_ONE']` for 1:1 rooms. */
  tags: string[];
}

/** A `conversation.activity` payload (`data.activity`). Texts and titles are opaque JWE strings, as from Webex. */
export interface Activity {
  /** For `post` and `share`, the message's UUID. */
  id: string;
  objectType: 'activity';
  verb: 'post' | 'share' | 'update' | 'delete' | 'cardAction' | 'add' | 'leave' | 'create';
  /** ISO time. */
  published: string;
  url: string;
  encryptionKeyUrl: string;
  actor: ActivityActor;
  object: { objectType: string; id?: string; [field: string]: unknown };
  target?: ActivityTarget;
  parent?: { id: string; type?: string };
}

/** A `conversation.activity` frame before sending: each socket it goes to numbers it (`sequenceNumber`). */
export interface ActivityFrame extends MercuryFrame {
  id: string;
  data: { eventType: 'conversation.activity'; activity: Activity };
  timestamp: number;
  trackingId: string;
}

/** A person of the fake's world, with the UUID activities use and the id REST uses. */
export interface FakePerson {
  uuid: string;
  /** REST id: `ciscospark://us/PEOPLE/<uuid>`. */
  id: string;
  email: string;
  displayName: string;
  orgUuid: string;
  /** REST id: `ciscospark://us/ORGANIZATION/<orgUuid>`. */
  orgId: string;
  type: 'PERSON' | 'BOT';
}

/** A room of the fake's world (the bot is a member of each). */
export interface FakeRoom {
  uuid: string;
  /** REST id: `ciscospark://<cluster idRegion>/ROOM/<uuid>`. */
  id: string;
  type: 'direct' | 'group';
  title: string;
  /** The activity `target.url` of this room. */
  conversationUrl: string;
}

/** What an activity builder made: the frame to inject and the REST objects it implies (already in `fake.rest`). */
export interface FakeEvent {
  frame: ActivityFrame;
  /** `frame.data.activity`. */
  activity: Activity;
}

/** A `post`, `share` or edit (`update`): the message as `GET /v1/messages/{id}` answers it. */
export interface MessageActivityEvent extends FakeEvent {
  message: Message;
  room: Room;
}

/** A `delete`: the message is gone from `fake.rest` (GET answers 404); these are its ids. */
export interface DeleteEvent extends FakeEvent {
  deleted: { messageId: string; roomId: string };
}

/** A `cardAction`: the attachment action, and the card's message (`attachmentAction.messageId`). */
export interface CardActionEvent extends FakeEvent {
  attachmentAction: AttachmentAction;
  message: Message;
}

/** An `add` or `leave`: the membership (after `leave` no longer in `fake.rest`). */
export interface MembershipEvent extends FakeEvent {
  membership: Membership;
}

/** A room `create` (with a membership per participant) or `update`. */
export interface RoomEvent extends FakeEvent {
  room: Room;
  fakeRoom: FakeRoom;
  memberships: Membership[];
}

/** A file of a `share`. */
export interface SharedFile {
  name: string;
  /** Default `application/octet-stream`. */
  contentType?: string;
  /** Bytes; default 1024. */
  size?: number;
}

/** Builders of `conversation.activity` events. Each stores its REST objects in `fake.rest` and returns the frame unsent: pass it to `fake.inject`. */
export interface ActivityBuilders {
  /** `post` of a comment. `room` defaults to `fake.direct`, `from` to `fake.user`; `mentionBot` puts the bot in `mentionedPeople` and in front of `text`. */
  post(options?: {
    room?: FakeRoom;
    from?: FakePerson;
    text?: string;
    markdown?: string;
    mentionBot?: boolean;
    /** A thread reply to this message (`parent.type` `reply`, REST `parentId`). */
    parent?: Message;
    /** An adaptive card (REST `attachments`). */
    card?: Record<string, unknown>;
  }): MessageActivityEvent;
  /** `share` of files (REST `files` = `<restUrl>/contents/<id>` URLs, not served). */
  share(options: {
    room?: FakeRoom;
    from?: FakePerson;
    text?: string;
    mentionBot?: boolean;
    files: SharedFile[];
  }): MessageActivityEvent;
  /** `update` of a comment: an edit. The stored message gets the new text and `updated`. */
  edit(options: { message: Message; text: string; markdown?: string }): MessageActivityEvent;
  /** `delete` of a message (`object.id` = its UUID). `by` defaults to its author. */
  delete(options: { message: Message; by?: FakePerson }): DeleteEvent;
  /** `cardAction`: `from` submitted `inputs` on `card` (default: a new card message by the bot in `room`). */
  cardAction(options: {
    inputs: Record<string, unknown>;
    card?: Message;
    room?: FakeRoom;
    from?: FakePerson;
  }): CardActionEvent;
  /** `add`: `by` (default `fake.user`) adds `person` to `room`. */
  add(options: { room: FakeRoom; person: FakePerson; by?: FakePerson }): MembershipEvent;
  /** `leave`: `person` leaves `room` (or `by` removes them). */
  leave(options: { room: FakeRoom; person: FakePerson; by?: FakePerson }): MembershipEvent;
  /** `create` of a group room by `by` (default `fake.user`) with `members` (the bot and `by` are always in). */
  createRoom(options?: { title?: string; by?: FakePerson; members?: FakePerson[] }): RoomEvent;
  /** `update` of a room's title. */
  updateRoom(options: { room: FakeRoom; title: string; by?: FakePerson }): RoomEvent;
}

/** The REST objects the fake serves under `/v1`, keyed by REST id. Change them freely in tests. */
export interface RestStore {
  readonly people: Map<string, Person>;
  readonly rooms: Map<string, Room>;
  readonly messages: Map<string, Message>;
  readonly memberships: Map<string, Membership>;
  readonly attachmentActions: Map<string, AttachmentAction>;
}

/**
 * What `failNext` can make fail: the catalog, WDM `register` (POST), `list`, `get`, `refresh` (PUT), `delete`,
 * `deleteAll`, the websocket upgrade (`connect`, refused with the status) or any `/v1` request (`rest`).
 */
export type FailableOperation =
  | 'catalog'
  | 'register'
  | 'list'
  | 'get'
  | 'refresh'
  | 'delete'
  | 'deleteAll'
  | 'connect'
  | 'rest';

/** Options of `startRealtimeFake`. */
export interface RealtimeFakeOptions {
  /** The token every request and the authorization frame must carry. Default `fake-bot-token`. */
  token?: string;
  /** Default `us`. */
  cluster?: ClusterName;
  /** The account the token belongs to. Default a bot, `Fake Bot` `fake-bot@webex.bot`. */
  me?: { displayName?: string; email?: string; uuid?: string; type?: 'PERSON' | 'BOT' };
  /** Registrations beyond this many are refused with 403 `User has excessive device registrations`. Default 100. */
  deviceLimit?: number;
  /** Devices of other clients present from the start. */
  devices?: DeviceSeed[];
  /** A socket without a valid authorization frame after this long is closed with 1008. Default 30 000. */
  authTimeoutMs?: number;
  /**
   * A second authorized socket of one registration closes the first with 4000 `replaced` (unless its upgrade query
   * has `multipleConnections=true`). Default true; false keeps both.
   */
  replaceSockets?: boolean;
  /** The clock (epoch ms) for timestamps. Default `Date.now`. */
  now?: () => number;
  /** Makes UUIDs. Default `crypto.randomUUID`. */
  uuid?: () => string;
}

/** Options of `fake.inject`. */
export interface InjectOptions {
  /** Only this registration. Default: every registration (every device of the account gets every activity). */
  device?: DeviceRef;
  /** Leave out one `sequenceNumber` before this frame on each socket it goes to. */
  skipSequence?: boolean;
}

/** Options of `fake.failNext`. */
export interface FailureOptions {
  /** Error `message`; default a fitting one (for `register` + 403: `User has excessive device registrations`). */
  message?: string;
  /** A `Retry-After` header, in seconds. */
  retryAfter?: number;
}

/** A running fake of Webex's realtime path: U2C catalog, WDM devices, Mercury websocket and the REST reads a bot makes. */
export interface RealtimeFake {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** The U2C base `<url>/u2c/api/v1` (stands for `https://u2c.wbx2.com/u2c/api/v1`). */
  readonly u2cUrl: string;
  /** `<u2cUrl>/catalog?format=hostmap`. */
  readonly catalogUrl: string;
  /** The WDM base the catalog gives as `serviceLinks.wdm`: `<url>/wdm/api/v1`. */
  readonly wdmUrl: string;
  /** The REST root, `<url>/v1`: `new Webex({ baseUrl: fake.restUrl, accessToken: fake.token })`. */
  readonly restUrl: string;
  /** The token accepted now. */
  readonly token: string;
  readonly cluster: FakeCluster;
  /** The account of the token (the bot). */
  readonly me: FakePerson;
  /** A person to talk to the bot: `Ana Example`. */
  readonly user: FakePerson;
  /** The 1:1 room of `user` and the bot. */
  readonly direct: FakeRoom;
  /** A group room `Fake group` with `user` and the bot. */
  readonly group: FakeRoom;
  /** The REST objects served under `/v1`. */
  readonly rest: RestStore;
  /** Builders of activity events. */
  readonly activities: ActivityBuilders;
  /** Every request received so far, in order (a live array). */
  readonly requests: readonly RecordedRequest[];

  /** Adds a person to the world (and to `rest.people`). */
  addPerson(options?: { displayName?: string; email?: string; uuid?: string }): FakePerson;
  /** Adds a room the bot is in: 1:1 with `with`, or a group with `members`. */
  addRoom(
    options: { type: 'direct'; with: FakePerson } | { type: 'group'; title?: string; members?: FakePerson[] },
  ): FakeRoom;
  /** Registers a device as another client would have (counts toward the limit, listed by `GET /devices`). */
  addDevice(seed: DeviceSeed): FakeDevice;
  /** Live registrations, oldest first (copies). */
  devices(): FakeDevice[];
  /** Registrations removed by `DELETE`, in order of removal (copies). */
  deletedDevices(): FakeDevice[];
  /** Sockets accepted so far, oldest first, optionally only one device's or only in one state. */
  connections(filter?: { device?: DeviceRef; state?: ConnectionState }): FakeConnection[];
  /** Activity frames a registration has not acked: replayed to its next socket. */
  pending(device: DeviceRef): ActivityFrame[];
  /**
   * Delivers an event (or any frame with an `id`): kept for each target registration until acked, and sent now to
   * its open sockets. Returns how many sockets it was sent to.
   */
  inject(event: FakeEvent | ActivityFrame, options?: InjectOptions): number;
  /** Sends one raw frame to the open sockets of a device (or `'all'`); not kept for replay. Returns the count. */
  send(device: DeviceRef | 'all', frame: Record<string, unknown>): number;
  /** Sends `{"type":"shutdown"}` (the socket stays open; the client is expected to reconnect). */
  shutdown(device: DeviceRef | 'all'): number;
  /** Closes the open and authorizing sockets of a device (or `'all'`) with `code` and `reason`. Returns the count. */
  close(device: DeviceRef | 'all', code: number, reason?: string): number;
  /** Drops the sockets without a close frame: the client sees 1006. */
  drop(device: DeviceRef | 'all'): number;
  /** Whether to answer JSON pings and protocol pings (default on); off makes the client's pong timeout fire. */
  answerPings(on: boolean): void;
  /** Accepts `token` from now on and refuses the previous one everywhere (open sockets stay open). */
  setToken(token: string): void;
  /** Makes the next `operation` fail once with `status` (queued: two calls fail the next two). */
  failNext(operation: FailableOperation, status: number, options?: FailureOptions): void;
  /**
   * Resolves with `check()`'s first truthy result, re-checked on every request, frame, connection and close;
   * rejects after `timeoutMs` (default 5 000) with `what` in the message.
   */
  waitFor<T>(check: () => T | undefined | null | false, options?: { timeoutMs?: number; what?: string }): Promise<T>;
  /** Closes every socket (drop) and the server. */
  stop(): Promise<void>;
}
