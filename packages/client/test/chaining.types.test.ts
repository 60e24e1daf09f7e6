// Answers chain into requests with no `!` and no cast under the compiler options of a new
// project (`tsc --init`: strict, exactOptionalPropertyTypes). Type-checked on its own with
// `pnpm exec tsc -p packages/client/test/tsconfig.strict.json`; run against the Prism mock by vitest.
// Each @ts-expect-error fails the type check the day its line compiles; those lines never run.
import { afterEach, describe, expect, expectTypeOf, inject, it } from 'vitest';
import { recordingFetch } from '../../../test-utils/recording-fetch.js';
// The built package, as a project that installed it sees it (`pnpm test` builds first): its declarations, not src.
import { Webex } from '@webex-ts/client';

// The same declaration as test-utils/prism-setup.ts, which the strict check does not include.
declare module 'vitest' {
  export interface ProvidedContext {
    mockUrl: string;
  }
}

const { fetch, violations } = recordingFetch();
const webex = new Webex({ accessToken: 'test-token', baseUrl: inject('mockUrl'), maxRetries: 0, fetch });
afterEach(() => expect(violations).toEqual([]));

const name = 'Project Alpha';
const title = 'Project Alpha - Dev Room';
const personEmail = 'ana.lopez@example.com';

describe('answers chain into the next request', () => {
  it('team → room → memberships → message → edit → tab → webhook', async () => {
    const team = await webex.teams.create({ name });
    const room = await webex.rooms.create({ title, teamId: team.id });
    const teamMembership = await webex.teamMemberships.create({ teamId: team.id, personEmail });
    const membership = await webex.memberships.create({ roomId: room.id, personEmail });
    const message = await webex.messages.create({ roomId: room.id, markdown: `Welcome to **${room.title}**` });
    const fetched = await webex.messages.get(message.id);
    const edited = await webex.messages.edit(fetched.id, { roomId: fetched.roomId, text: 'Welcome, everyone' });
    const tab = await webex.roomTabs.create({
      roomId: room.id,
      contentUrl: 'https://example.com/board',
      displayName: 'Board',
    });
    const webhook = await webex.webhooks.create({
      name: 'New messages',
      targetUrl: 'https://example.com/hook',
      resource: 'messages',
      event: 'created',
      filter: `roomId=${room.id}`,
    });

    expectTypeOf(team.id).toEqualTypeOf<string>();
    expectTypeOf(team.name).toEqualTypeOf<string>();
    expectTypeOf(room.title).toEqualTypeOf<string>();
    expectTypeOf(room.type).toEqualTypeOf<'direct' | 'group'>();
    expectTypeOf(room.created).toEqualTypeOf<string>();
    expectTypeOf(teamMembership.teamId).toEqualTypeOf<string>();
    expectTypeOf(teamMembership.personId).toEqualTypeOf<string>();
    expectTypeOf(membership.roomId).toEqualTypeOf<string>();
    expectTypeOf(membership.personId).toEqualTypeOf<string>();
    expectTypeOf(message.roomId).toEqualTypeOf<string>();
    expectTypeOf(edited).toEqualTypeOf(message);
    expectTypeOf(tab.displayName).toEqualTypeOf<string>();
    expectTypeOf(webhook.targetUrl).toEqualTypeOf<string>();
    // What Webex may leave out stays optional.
    expectTypeOf(room.teamId).toEqualTypeOf<string | undefined>();
    expectTypeOf(message.text).toEqualTypeOf<string | undefined>();

    for (const value of [
      team.id,
      room.id,
      room.title,
      teamMembership.teamId,
      membership.roomId,
      message.id,
      edited.id,
      tab.id,
      webhook.id,
    ]) {
      expect(value).toEqual(expect.any(String));
    }
    expect(room.type).toMatch(/^(direct|group)$/);
    expect(Date.parse(message.created)).not.toBeNaN();
  });

  it('person → license assignment; group → its members', async () => {
    const me = await webex.people.me();
    const [license] = await webex.licenses.list().toArray({ limit: 1 });
    expect(license).toBeDefined();
    if (!license) return;
    const assigned = await webex.licenses.assignToUsers({
      personId: me.id,
      licenses: [{ id: license.id, operation: 'add' }],
    });
    const group = await webex.groups.create({
      schemas: ['urn:scim:schemas:core:1.0'],
      displayName: 'Project Alpha admins',
    });
    const members = await webex.groups.listMembers(group.id).toArray({ limit: 5 });

    expectTypeOf(me.emails).toEqualTypeOf<string[]>();
    expectTypeOf(group.displayName).toEqualTypeOf<string>();
    expect(me.id).toEqual(expect.any(String));
    expect(me.emails.length).toBeGreaterThan(0);
    expect(assigned).toBeTypeOf('object');
    for (const member of members) expect(member.id).toEqual(expect.any(String));
  });

  it('meeting → invitee → its recordings', async () => {
    const meeting = await webex.meetings.create({
      title: 'Sprint review',
      start: '2026-12-01T10:00:00Z',
      end: '2026-12-01T11:00:00Z',
    });
    const invitee = await webex.meetingInvitees.create({ meetingId: meeting.id, email: personEmail });
    const [recording] = await webex.recordings.list({ meetingId: meeting.id }).toArray({ limit: 1 });
    expect(recording).toBeDefined();
    if (!recording) return;
    const details = await webex.recordings.get(recording.id);

    expectTypeOf(meeting.start).toEqualTypeOf<string>();
    expectTypeOf(invitee.meetingId).toEqualTypeOf<string>();
    expectTypeOf(recording.topic).toEqualTypeOf<string | undefined>();
    expect(invitee.id).toEqual(expect.any(String));
    expect(details.id).toEqual(expect.any(String));
  });
});

describe('mistakes in a request do not compile', () => {
  it('a misspelled field, a missing required field, a wrong enum value', () => {
    const typeOnly = async () => {
      const roomId = 'R';
      const teamId = 'T';
      const meetingId = 'M';

      // rooms
      // @ts-expect-error `titel` is not a field
      await webex.rooms.create({ titel: title });
      // @ts-expect-error `title` is required
      await webex.rooms.create({ teamId });
      // @ts-expect-error `channel` is not a room type
      webex.rooms.list({ type: 'channel' });

      // messages
      // @ts-expect-error `rooomId` is not a field
      await webex.messages.create({ rooomId: roomId, text: 'hi' });
      // @ts-expect-error an edit needs the message's `roomId`
      await webex.messages.edit('M', { text: 'hi' });
      const notACard = { contentType: 'application/json' as const, content: {} };
      // @ts-expect-error cards are `application/vnd.microsoft.card.adaptive`
      await webex.messages.create({ roomId, text: 'hi', attachments: [notACard] });

      // memberships
      // @ts-expect-error `personEmial` is not a field
      await webex.memberships.create({ roomId, personEmial: personEmail });
      // @ts-expect-error `roomId` is required
      await webex.memberships.create({ personEmail });
      const membership = await webex.memberships.get('MS');
      // @ts-expect-error `channel` is not a room type (memberships take no enum; their answers carry one)
      void (membership.roomType === 'channel');

      // teams
      // @ts-expect-error `nmae` is not a field
      await webex.teams.create({ nmae: name });
      // @ts-expect-error `name` is required
      await webex.teams.create({ description: 'no name' });
      // @ts-expect-error a name is a string (teams have no enum)
      await webex.teams.create({ name: 42 });

      // team memberships
      // @ts-expect-error `personEmial` is not a field
      await webex.teamMemberships.create({ teamId, personEmial: personEmail });
      // @ts-expect-error `teamId` is required
      await webex.teamMemberships.create({ personEmail });
      // @ts-expect-error `isModerator` is a boolean (team memberships have no enum)
      await webex.teamMemberships.update('TM', { isModerator: 'yes' });

      // webhooks
      const hook = 'https://example.com/hook';
      // @ts-expect-error `targetURL` is not a field
      await webex.webhooks.create({ name, targetURL: hook, resource: 'messages', event: 'created' });
      // @ts-expect-error `event` is required
      await webex.webhooks.create({ name, targetUrl: hook, resource: 'messages' });
      // @ts-expect-error `message` is not a webhook resource (`messages` is)
      await webex.webhooks.create({ name, targetUrl: hook, resource: 'message', event: 'created' });

      // people
      // @ts-expect-error `emial` is not a field
      await webex.people.create({ emails: [personEmail], emial: personEmail });
      // @ts-expect-error `emails` is required
      await webex.people.create({ displayName: 'Ana Lopez' });
      // @ts-expect-error `home` is not a phone number type here
      await webex.people.create({ emails: [personEmail], phoneNumbers: [{ type: 'home', value: '+1 555 0100' }] });

      // room tabs
      // @ts-expect-error `contentURL` is not a field
      await webex.roomTabs.create({ roomId, contentURL: 'https://example.com', displayName: 'Board' });
      // @ts-expect-error `displayName` is required
      await webex.roomTabs.create({ roomId, contentUrl: 'https://example.com' });
      const tab = await webex.roomTabs.get('TAB');
      // @ts-expect-error `channel` is not a room type (tabs take no enum; their answers carry one)
      void (tab.roomType === 'channel');

      // groups
      // @ts-expect-error `displayname` is not a field
      await webex.groups.create({ schemas: [], displayname: 'Admins' });
      // @ts-expect-error `displayName` is required
      await webex.groups.create({ schemas: [] });
      // @ts-expect-error `delete` is not a patch operation (`remove` is)
      await webex.groups.update('G', { schemas: [], Operations: [{ op: 'delete', path: 'members' }] });

      // licenses
      // @ts-expect-error `emial` is not a field
      await webex.licenses.assignToUsers({ emial: personEmail });
      // @ts-expect-error a license assignment needs the license `id`
      await webex.licenses.assignToUsers({ email: personEmail, licenses: [{ operation: 'add' }] });
      // @ts-expect-error `assign` is not a license operation
      await webex.licenses.assignToUsers({ email: personEmail, licenses: [{ id: 'L', operation: 'assign' }] });

      // recordings
      // @ts-expect-error `meetingID` is not a query parameter
      webex.recordings.list({ meetingID: meetingId });
      // @ts-expect-error a soft delete needs the `recordingIds`
      await webex.recordings.softDelete({ siteUrl: 'example.webex.com' });
      // @ts-expect-error `MP3` is not a recording format
      webex.recordings.list({ format: 'MP3' });

      // meetings
      // @ts-expect-error `titel` is not a field
      await webex.meetings.create({ titel: 'Review', start: '2026-12-01T10:00:00Z', end: '2026-12-01T11:00:00Z' });
      // @ts-expect-error `end` is required
      await webex.meetings.create({ title: 'Review', start: '2026-12-01T10:00:00Z' });
      await webex.meetings.create({
        title: 'Review',
        start: '2026-12-01T10:00:00Z',
        end: '2026-12-01T11:00:00Z',
        // @ts-expect-error `party` is not a scheduled type
        scheduledType: 'party',
      });

      // meeting invitees
      // @ts-expect-error `emial` is not a field
      await webex.meetingInvitees.create({ meetingId, emial: personEmail });
      // @ts-expect-error `email` is required
      await webex.meetingInvitees.create({ meetingId });
      // @ts-expect-error `coHost` is a boolean (invitees have no enum)
      await webex.meetingInvitees.create({ meetingId, email: personEmail, coHost: 'yes' });
    };
    expectTypeOf(typeOnly).toBeFunction();
  });
});
