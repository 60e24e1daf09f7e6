// The people of one mock and their 1:1 rooms with the bot, found by email or id (in the fake's store too) and made on
// first use. Shared by the simulator (who writes to the bot) and the bot's own posts (whom it writes to), so both meet
// in the same rooms.
import type { Person } from '@webex-ts/client';
import { readRestId, restId } from '../realtime/ids.js';
import type { FakePerson, FakeRoom, RealtimeFake } from '../realtime/types.js';

/** The cast of one mock. */
export class Cast {
  readonly #fake: RealtimeFake;
  readonly #byEmail = new Map<string, FakePerson>();
  readonly #byId = new Map<string, FakePerson>();
  readonly #directs = new Map<string, FakeRoom>();

  constructor(fake: RealtimeFake) {
    this.#fake = fake;
    for (const person of [fake.user, fake.me]) this.#remember(person);
    this.#directs.set(fake.user.id, fake.direct);
  }

  /** The person of `email` (any case), made on first use with `displayName` or a name read from the address. */
  byEmail(email: string, displayName?: string): FakePerson {
    const wanted = email.toLowerCase();
    return (
      this.#byEmail.get(wanted) ??
      this.#fromStore((person) => person.emails.some((each) => each.toLowerCase() === wanted)) ??
      this.#remember(this.#fake.addPerson({ email, displayName: displayName || nameFromEmail(email) }))
    );
  }

  /** The person of a people id (any spelling), made on first use; undefined for what is not a people id. */
  byId(id: string): FakePerson | undefined {
    const parsed = readRestId(id);
    if (parsed?.type !== 'PEOPLE') return undefined;
    const canonical = restId('PEOPLE', parsed.uuid, 'us');
    return (
      this.#byId.get(canonical) ??
      this.#fromStore((person) => person.id === canonical) ??
      this.#remember(this.#fake.addPerson({ uuid: parsed.uuid }))
    );
  }

  /** The 1:1 room of `person` and the bot, made on first use (the bot's own is `fake.direct`). */
  directWith(person: FakePerson): FakeRoom {
    if (person.id === this.#fake.me.id) return this.#fake.direct;
    let room = this.#directs.get(person.id);
    if (!room) {
      room = this.#fake.addRoom({ type: 'direct', with: person });
      this.#directs.set(person.id, room);
    }
    return room;
  }

  /** Someone the fake holds but this cast has not met (made with `mock.realtime.addPerson`): remembered from now on. */
  #fromStore(matches: (person: Person) => boolean): FakePerson | undefined {
    const { me } = this.#fake;
    for (const person of this.#fake.rest.people.values()) {
      const uuid = readRestId(person.id)?.uuid;
      if (!uuid || !matches(person)) continue;
      const orgId = person.orgId ?? me.orgId;
      return this.#remember({
        uuid,
        id: person.id,
        email: person.emails[0] ?? '',
        displayName: person.displayName ?? '',
        orgUuid: readRestId(orgId)?.uuid ?? me.orgUuid,
        orgId,
        type: person.type === 'bot' ? 'BOT' : 'PERSON',
      });
    }
    return undefined;
  }

  #remember(person: FakePerson): FakePerson {
    this.#byEmail.set(person.email.toLowerCase(), person);
    this.#byId.set(person.id, person);
    return person;
  }
}

/** `ana.lopez@example.com` → `Ana Lopez`. */
function nameFromEmail(email: string): string {
  return email
    .slice(0, email.indexOf('@'))
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join(' ');
}
