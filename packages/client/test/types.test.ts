// Compile-time guarantees, checked by `pnpm lint` (tsc) and run as ordinary tests.
import { describe, expectTypeOf, it } from 'vitest';
import { createHttp } from '../src/http.js';
import type { Message, Paginated, Room, RoomType } from '../src/index.js';
import { createCore, Webex } from '../src/index.js';

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
      // @ts-expect-error not a query parameter of rooms.list
      void webex.rooms.list({ maxx: 10 });
      // @ts-expect-error a path parameter is an id (a string), not a number
      void webex.rooms.get(42);
      // @ts-expect-error the body of messages.edit is an object with the new text
      void webex.messages.edit('M', 'new text');
      // @ts-expect-error a required path parameter left out
      void webex.memberships.update({ isModerator: true });
    };
    expectTypeOf(typeOnly).toBeFunction();
  });

  it("keeps the spec's `paths` to @webex-ts/client/http, which still rejects paths the spec lacks", () => {
    expectTypeOf<Webex>().not.toHaveProperty('http');
    const typeOnly = () => {
      // @ts-expect-error not a path of the spec
      void createHttp(webex).GET('/romos');
      // @ts-expect-error roomId is a path parameter of this path
      void createHttp(webex).GET('/rooms/{roomId}', { params: { path: { room: 'R' } } });
      void createHttp(createCore({ accessToken: 't' })).GET('/rooms/{roomId}', { params: { path: { roomId: 'R' } } });
    };
    expectTypeOf(typeOnly).toBeFunction();
  });
});
