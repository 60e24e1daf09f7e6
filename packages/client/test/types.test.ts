// Compile-time guarantees, checked by `pnpm lint` (tsc) and run as ordinary tests.
import { describe, expectTypeOf, it } from 'vitest';
import type { Message, Paginated, Room, RoomType } from '../src/index.js';
import { Webex } from '../src/index.js';

describe('types', () => {
  const webex = new Webex({ accessToken: 't', baseUrl: 'http://127.0.0.1:9' });

  it('methods take and return the generated models', () => {
    expectTypeOf(webex.rooms.get).returns.toEqualTypeOf<Promise<Room>>();
    expectTypeOf(webex.rooms.list).returns.toEqualTypeOf<Paginated<Room>>();
    expectTypeOf(webex.messages.create).parameter(0).toHaveProperty('roomId');
    expectTypeOf<Awaited<ReturnType<typeof webex.messages.create>>>().toEqualTypeOf<Message>();
    expectTypeOf<RoomType>().toEqualTypeOf<'direct' | 'group'>();
  });

  it('rejects misspelled fields and wrong enum values', () => {
    const typeOnly = () => {
      // @ts-expect-error `titel` is not a field of CreateRoomRequest
      void webex.rooms.create({ titel: 'x' });
      // @ts-expect-error `title` is required
      void webex.rooms.create({});
      // @ts-expect-error not a room type
      void webex.rooms.list({ type: 'channel' });
      // @ts-expect-error not a path of the spec
      void webex.http.GET('/romos');
    };
    expectTypeOf(typeOnly).toBeFunction();
  });
});
