// The fake's world: people, rooms and memberships, kept as the REST objects `/v1` serves.
import type { Membership, Person, Room } from '@webex-ts/client';
import { restId } from './ids.js';
import type { FakeCluster, FakePerson, FakeRoom, RestStore } from './types.js';

/** What the world needs from the fake: its clock, ids, cluster and conversation host. */
export interface WorldContext {
  cluster: FakeCluster;
  /** `<fake>/conversation/api/v1`. */
  conversationBase: string;
  now: () => number;
  uuid: () => string;
}

/** People and rooms of one fake, and the REST store they live in. */
export class World {
  readonly store: RestStore = {
    people: new Map(),
    rooms: new Map(),
    messages: new Map(),
    memberships: new Map(),
    attachmentActions: new Map(),
  };
  readonly me: FakePerson;
  readonly orgUuid: string;
  private readonly fakeRooms = new Map<string, FakeRoom>();

  constructor(
    readonly context: WorldContext,
    me: { displayName?: string; email?: string; uuid?: string; type?: 'PERSON' | 'BOT' } = {},
  ) {
    this.orgUuid = context.uuid();
    this.me = this.addPerson({
      displayName: me.displayName ?? 'Fake Bot',
      email: me.email ?? 'fake-bot@webex.bot',
      uuid: me.uuid,
      type: me.type ?? 'BOT',
    });
  }

  /** ISO time now. */
  iso(): string {
    return new Date(this.context.now()).toISOString();
  }

  /** REST id in the fake's cluster (rooms, messages, memberships, attachment actions). */
  clusterId(type: string, uuid: string): string {
    return restId(type, uuid, this.context.cluster.idRegion);
  }

  addPerson(options: {
    displayName?: string;
    email?: string;
    uuid?: string | undefined;
    type?: 'PERSON' | 'BOT';
  }): FakePerson {
    const uuid = options.uuid ?? this.context.uuid();
    const displayName = options.displayName ?? `Person ${this.store.people.size}`;
    const email = options.email ?? `${displayName.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@example.com`;
    // People and organizations always live in `us`, whatever the conversation cluster.
    const person: FakePerson = {
      uuid,
      id: restId('PEOPLE', uuid, 'us'),
      email,
      displayName,
      orgUuid: this.orgUuid,
      orgId: restId('ORGANIZATION', this.orgUuid, 'us'),
      type: options.type ?? 'PERSON',
    };
    const rest: Person = {
      id: person.id,
      emails: [email],
      displayName,
      orgId: person.orgId,
      type: person.type === 'BOT' ? 'bot' : 'person',
      created: this.iso(),
    };
    this.store.people.set(person.id, rest);
    return person;
  }

  /** Adds a room with the bot and `members` in it (no activity: the bot was already there). */
  addRoom(type: 'direct' | 'group', title: string, members: FakePerson[], creator: FakePerson): FakeRoom {
    const uuid = this.context.uuid();
    const room: FakeRoom = {
      uuid,
      id: this.clusterId('ROOM', uuid),
      type,
      title,
      conversationUrl: `${this.context.conversationBase}/conversations/${uuid}`,
    };
    const created = this.iso();
    const rest: Room = {
      id: room.id,
      title,
      type,
      isLocked: false,
      lastActivity: created,
      creatorId: creator.id,
      created,
      ownerId: this.me.orgId,
    };
    this.store.rooms.set(room.id, rest);
    this.fakeRooms.set(room.id, room);
    for (const person of uniquePeople([this.me, ...members])) this.addMembership(room, person);
    return room;
  }

  /** The `FakeRoom` of a REST room id. */
  roomOf(roomId: string): FakeRoom {
    const room = this.fakeRooms.get(roomId);
    if (!room) throw new Error(`realtime fake: no room ${roomId} in this fake; make rooms with fake.addRoom`);
    return room;
  }

  /** The `FakePerson` of a REST person id (people made by this world only). */
  personOf(personId: string): FakePerson {
    const rest = this.store.people.get(personId);
    if (!rest) throw new Error(`realtime fake: no person ${personId} in this fake; make people with fake.addPerson`);
    const uuid = this.uuidOf(personId);
    return {
      uuid,
      id: personId,
      email: rest.emails[0] ?? '',
      displayName: rest.displayName ?? '',
      orgUuid: this.orgUuid,
      orgId: rest.orgId ?? this.me.orgId,
      type: rest.type === 'bot' ? 'BOT' : 'PERSON',
    };
  }

  /** The UUID inside a REST id this world made. */
  uuidOf(id: string): string {
    const uri = Buffer.from(id, 'base64url').toString('utf8');
    return uri.slice(uri.lastIndexOf('/') + 1);
  }

  membershipId(room: FakeRoom, person: FakePerson): string {
    return this.clusterId('MEMBERSHIP', `${person.uuid}:${room.uuid}`);
  }

  addMembership(room: FakeRoom, person: FakePerson): Membership {
    const membership: Membership = {
      id: this.membershipId(room, person),
      roomId: room.id,
      personId: person.id,
      personEmail: person.email,
      personDisplayName: person.displayName,
      personOrgId: person.orgId,
      isModerator: false,
      isMonitor: false,
      roomType: room.type,
      created: this.iso(),
    };
    this.store.memberships.set(membership.id, membership);
    return membership;
  }
}

function uniquePeople(people: FakePerson[]): FakePerson[] {
  const seen = new Set<string>();
  return people.filter((person) => !seen.has(person.id) && seen.add(person.id));
}
