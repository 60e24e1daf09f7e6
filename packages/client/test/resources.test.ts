// Every operation of the messaging core, called through the client against the Prism mock.
// Prism rejects requests that do not match the spec; a rejection throws and fails the test.
import { afterEach, describe, expect, it } from 'vitest';
import { createHttp } from '../src/http.js';
import { mockClient } from './mock.js';

const { webex, violations } = mockClient();
afterEach(() => expect(violations).toEqual([]));

const roomId = 'Y2lzY29zcGFyazovL3VzL1JPT00vYmJjZWIxYWQtNDNmMS0zYjU4LTkxNDctZjE0YmIwYzRkMTU0';
const personId = 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9mNWIzNjE4Ny1jOGRkLTQ3MjctOGIyZi1mOWM0NDdmMjkwNDY';
const teamId = 'Y2lzY29zcGFyazovL3VzL1RFQU0vNTU4ZjA5MjQtYzQxOS0xMWVmLWE3NzEtODU3YzVhMDFmNTEz';
const anId = 'Y2lzY29zcGFyazovL3VzL01FU1NBR0UvOTJkYjNiZTAtNDNiZC0xMWU2LThhZTktZGQ1YjNkZmM1NjVk';

describe('rooms', () => {
  it('list', async () => {
    const rooms = await webex.rooms.list({ type: 'group', sortBy: 'lastactivity', max: 10 }).toArray();
    expect(rooms.length).toBeGreaterThan(0);
    expect(rooms[0]).toHaveProperty('title');
  });
  it('create', async () =>
    expect((await webex.rooms.create({ title: 'Project Alpha - Dev Room', teamId })).id).toBeTruthy());
  it('get', async () => expect((await webex.rooms.get(roomId)).type).toMatch(/direct|group/));
  it('update', async () =>
    expect((await webex.rooms.update(roomId, { title: 'Renamed', isLocked: true })).id).toBeTruthy());
  it('delete', async () => expect(await webex.rooms.delete(roomId)).toBeUndefined());
  it('getMeetingInfo', async () => expect((await webex.rooms.getMeetingInfo(roomId)).meetingLink).toMatch(/^https:/));
});

describe('messages', () => {
  it('list', async () => {
    const messages = await webex.messages.list({ roomId, max: 5, mentionedPeople: ['me'] }).toArray();
    expect(messages[0]).toHaveProperty('id');
  });
  it('listDirect', async () =>
    expect(await webex.messages.listDirect({ personEmail: 'ana@example.com' }).toArray()).not.toHaveLength(0));
  it('create with markdown', async () =>
    expect((await webex.messages.create({ roomId, markdown: '**Build 42** passed' })).id).toBeTruthy());
  it('create a direct message', async () =>
    expect((await webex.messages.create({ toPersonEmail: 'ana@example.com', text: 'hi' })).id).toBeTruthy());
  it('create with a card', async () => {
    const message = await webex.messages.create({
      roomId,
      text: 'Your client cannot show cards',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: { type: 'AdaptiveCard', version: '1.3', body: [] },
        },
      ],
    });
    expect(message.id).toBeTruthy();
  });
  it('get', async () => expect((await webex.messages.get(anId)).id).toBeTruthy());
  it('edit', async () => expect((await webex.messages.edit(anId, { roomId, text: 'fixed typo' })).id).toBeTruthy());
  it('delete', async () => expect(await webex.messages.delete(anId)).toBeUndefined());
});

describe('memberships', () => {
  it('list', async () => expect(await webex.memberships.list({ roomId }).toArray()).not.toHaveLength(0));
  it('create', async () =>
    expect((await webex.memberships.create({ roomId, personEmail: 'ana@example.com' })).roomId).toBeTruthy());
  it('get', async () => expect((await webex.memberships.get(anId)).id).toBeTruthy());
  it('update', async () =>
    expect((await webex.memberships.update(anId, { isModerator: true, isRoomHidden: false })).id).toBeTruthy());
  it('delete', async () => expect(await webex.memberships.delete(anId)).toBeUndefined());
});

describe('people', () => {
  it('list', async () => expect(await webex.people.list({ email: 'ana@example.com' }).toArray()).not.toHaveLength(0));
  it('create', async () =>
    expect((await webex.people.create({ emails: ['ana@example.com'], displayName: 'Ana' })).id).toBeTruthy());
  it('get', async () => expect((await webex.people.get(personId)).emails).toBeDefined());
  it('update', async () => expect(await webex.people.update(personId, { displayName: 'Ana Lopez' })).toBeDefined());
  it('delete', async () => expect(await webex.people.delete(personId)).toBeUndefined());
  it('me', async () => expect((await webex.people.me()).id).toBeTruthy());
});

describe('teams', () => {
  it('list', async () => expect(await webex.teams.list({ max: 2 }).toArray()).not.toHaveLength(0));
  it('create', async () => expect((await webex.teams.create({ name: 'Project Alpha' })).id).toBeTruthy());
  it('get', async () => expect((await webex.teams.get(teamId)).name).toBeTruthy());
  it('update', async () => expect((await webex.teams.update(teamId, { name: 'Project Alpha 2' })).id).toBeTruthy());
  it('delete', async () => expect(await webex.teams.delete(teamId)).toBeUndefined());
});

describe('teamMemberships', () => {
  it('list', async () => expect(await webex.teamMemberships.list({ teamId }).toArray()).not.toHaveLength(0));
  it('create', async () =>
    expect((await webex.teamMemberships.create({ teamId, personEmail: 'ana@example.com' })).teamId).toBeTruthy());
  it('get', async () => expect((await webex.teamMemberships.get(anId)).id).toBeTruthy());
  it('update', async () => expect((await webex.teamMemberships.update(anId, { isModerator: true })).id).toBeTruthy());
  it('delete', async () => expect(await webex.teamMemberships.delete(anId)).toBeUndefined());
});

describe('createHttp(webex)', () => {
  it('calls any path of the spec, typed, with auth', async () => {
    const { data, error } = await createHttp(webex).GET('/rooms/{roomId}', { params: { path: { roomId } } });
    expect(error).toBeUndefined();
    expect(data?.id).toBe(roomId);
  });
});
