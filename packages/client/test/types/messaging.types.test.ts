// Hand-written type tests for the messaging resources' create and update methods.
// Each `@ts-expect-error` line makes exactly one mistake, so `tsc -p packages/client` fails if that mistake ever
// compiles (a field renamed, a required field made optional, an enum widened to string …). Each such call fits on
// one line, so formatting cannot move the error away from its directive. The calls sit behind
// `if (false as boolean)`: nothing is sent; at run time each test only checks that the façade wires the methods.
// `webex.messages` is covered in ../messages.types.test.ts.
import { describe, expect, it } from 'vitest';
import type { EcmFolderRequest } from '../../src/index.js';
import { Webex } from '../../src/index.js';

const webex = new Webex({ accessToken: 'type-tests', baseUrl: 'http://127.0.0.1:9' });
const HOOK_URL = 'https://example.com/hook';

describe('messaging create/update types', () => {
  it('attachmentActions.create', () => {
    if (false as boolean) {
      void webex.attachmentActions.create({ type: 'submit', messageId: 'M', inputs: { Name: 'Ada', Tel: '555' } });
      // @ts-expect-error misspelled: `messageID` is not a field of CreateAttachmentActionRequest
      void webex.attachmentActions.create({ type: 'submit', messageID: 'M', inputs: {} });
      // @ts-expect-error missing: `messageId` is required
      void webex.attachmentActions.create({ type: 'submit', inputs: {} });
      // @ts-expect-error enum: `type` is only 'submit'
      void webex.attachmentActions.create({ type: 'cancel', messageId: 'M', inputs: {} });
    }
    expect(webex.attachmentActions.create).toBeTypeOf('function');
  });

  it('ecmFolderLinking.create and update', () => {
    // Every field is required; the mistakes below add the last two by hand.
    const base: Omit<EcmFolderRequest, 'driveId' | 'itemId'> = {
      roomId: 'R',
      contentUrl: 'https://acme.sharepoint.com/specs',
      displayName: 'Specs',
      defaultFolder: 'true',
    };
    if (false as boolean) {
      void webex.ecmFolderLinking.create({ ...base, driveId: 'D', itemId: 'I' });
      void webex.ecmFolderLinking.update('F', { ...base, driveId: 'D', itemId: 'I' });
      // @ts-expect-error misspelled: `driveID` is not a field of EcmFolderRequest
      void webex.ecmFolderLinking.create({ ...base, driveID: 'D', itemId: 'I' });
      // @ts-expect-error missing: `itemId` is required
      void webex.ecmFolderLinking.create({ ...base, driveId: 'D' });
      // @ts-expect-error misspelled: `itemID` is not a field of EcmFolderRequest
      void webex.ecmFolderLinking.update('F', { ...base, driveId: 'D', itemID: 'I' });
      // @ts-expect-error missing: `driveId` is required
      void webex.ecmFolderLinking.update('F', { ...base, itemId: 'I' });
    }
    expect(webex.ecmFolderLinking.create).toBeTypeOf('function');
    expect(webex.ecmFolderLinking.update).toBeTypeOf('function');
  });

  it('memberships.create and update', () => {
    if (false as boolean) {
      void webex.memberships.create({ roomId: 'R', personEmail: 'ada@example.com', isModerator: true });
      void webex.memberships.update('M', { isModerator: false, isRoomHidden: true });
      // @ts-expect-error misspelled: `personMail` is not a field of CreateMembershipRequest
      void webex.memberships.create({ roomId: 'R', personMail: 'ada@example.com' });
      // @ts-expect-error missing: `roomId` is required
      void webex.memberships.create({ personId: 'P' });
      // @ts-expect-error misspelled: `isModarator` is not a field of UpdateMembershipRequest
      void webex.memberships.update('M', { isModarator: true, isRoomHidden: false });
      // @ts-expect-error missing: `isRoomHidden` is required
      void webex.memberships.update('M', { isModerator: true });
    }
    expect(webex.memberships.create).toBeTypeOf('function');
    expect(webex.memberships.update).toBeTypeOf('function');
  });

  it('people.create and update', () => {
    const emails = ['ada@example.com'];
    if (false as boolean) {
      void webex.people.create(
        { emails, displayName: 'Ada', phoneNumbers: [{ type: 'work', value: '+1 555 0100' }] },
        { callingData: true },
      );
      void webex.people.update('P', { displayName: 'Ada L.', phoneNumbers: [{ type: 'work' }] }, { minResponse: true });
      // @ts-expect-error misspelled: `email` is not a field of CreatePersonRequest (it is `emails`)
      void webex.people.create({ email: emails });
      // @ts-expect-error missing: `emails` is required
      void webex.people.create({ displayName: 'Ada' });
      // @ts-expect-error enum: a phone number's `type` is only 'work'
      void webex.people.create({ emails, phoneNumbers: [{ type: 'mobile', value: '+1 555 0100' }] });
      // @ts-expect-error misspelled: `nickname` is not a field of UpdatePersonRequest (it is `nickName`)
      void webex.people.update('P', { displayName: 'Ada', nickname: 'A' });
      // @ts-expect-error missing: `displayName` is required
      void webex.people.update('P', { firstName: 'Ada' });
      // @ts-expect-error enum: a phone number's `type` is only 'work'
      void webex.people.update('P', { displayName: 'Ada', phoneNumbers: [{ type: 'home', value: '+1 555 0100' }] });
    }
    expect(webex.people.create).toBeTypeOf('function');
    expect(webex.people.update).toBeTypeOf('function');
  });

  it('roomTabs.create and update', () => {
    const contentUrl = 'https://example.com/board';
    if (false as boolean) {
      void webex.roomTabs.create({ roomId: 'R', contentUrl, displayName: 'Board' });
      void webex.roomTabs.update('T', { roomId: 'R', contentUrl, displayName: 'Board v2' });
      // @ts-expect-error misspelled: `contentURL` is not a field of CreateRoomTabRequest
      void webex.roomTabs.create({ roomId: 'R', contentURL: contentUrl, displayName: 'Board' });
      // @ts-expect-error missing: `displayName` is required
      void webex.roomTabs.create({ roomId: 'R', contentUrl });
      // @ts-expect-error misspelled: `displayname` is not a field of UpdateRoomTabRequest
      void webex.roomTabs.update('T', { roomId: 'R', contentUrl, displayname: 'Board' });
      // @ts-expect-error missing: `roomId` is required
      void webex.roomTabs.update('T', { contentUrl, displayName: 'Board' });
    }
    expect(webex.roomTabs.create).toBeTypeOf('function');
    expect(webex.roomTabs.update).toBeTypeOf('function');
  });

  it('rooms.create and update', () => {
    if (false as boolean) {
      void webex.rooms.create({ title: 'Dev Room', teamId: 'T', isLocked: false });
      void webex.rooms.update('R', { title: 'Dev Room', isReadOnly: false });
      // @ts-expect-error misspelled: `titel` is not a field of CreateRoomRequest
      void webex.rooms.create({ titel: 'Dev Room' });
      // @ts-expect-error missing: `title` is required
      void webex.rooms.create({ teamId: 'T' });
      // @ts-expect-error misspelled: `isAnnouncementsOnly` is not a field of UpdateRoomRequest
      void webex.rooms.update('R', { title: 'Dev Room', isAnnouncementsOnly: true });
      // @ts-expect-error missing: `title` is required on update too
      void webex.rooms.update('R', { isLocked: true });
    }
    expect(webex.rooms.create).toBeTypeOf('function');
    expect(webex.rooms.update).toBeTypeOf('function');
  });

  it('teamMemberships.create and update', () => {
    if (false as boolean) {
      void webex.teamMemberships.create({ teamId: 'T', personEmail: 'ada@example.com' });
      void webex.teamMemberships.update('M', { isModerator: true });
      // @ts-expect-error misspelled: `teamID` is not a field of CreateTeamMembershipRequest
      void webex.teamMemberships.create({ teamID: 'T', personId: 'P' });
      // @ts-expect-error missing: `teamId` is required
      void webex.teamMemberships.create({ personId: 'P' });
      // @ts-expect-error misspelled: `moderator` is not a field of UpdateTeamMembershipRequest
      void webex.teamMemberships.update('M', { isModerator: true, moderator: true });
      // @ts-expect-error missing: `isModerator` is required
      void webex.teamMemberships.update('M', {});
    }
    expect(webex.teamMemberships.create).toBeTypeOf('function');
    expect(webex.teamMemberships.update).toBeTypeOf('function');
  });

  it('teams.create and update', () => {
    if (false as boolean) {
      void webex.teams.create({ name: 'Project Alpha', description: 'The alpha team' });
      void webex.teams.update('T', { name: 'Project Alpha' });
      // @ts-expect-error misspelled: `title` is not a field of CreateTeamRequest (teams have a `name`)
      void webex.teams.create({ title: 'Project Alpha' });
      // @ts-expect-error missing: `name` is required
      void webex.teams.create({ description: 'The alpha team' });
      // @ts-expect-error misspelled: `descripton` is not a field of UpdateTeamRequest
      void webex.teams.update('T', { name: 'Project Alpha', descripton: 'x' });
      // @ts-expect-error missing: `name` is required on update too
      void webex.teams.update('T', { description: 'x' });
    }
    expect(webex.teams.create).toBeTypeOf('function');
    expect(webex.teams.update).toBeTypeOf('function');
  });

  it('webhooks.create and update', () => {
    const hook = { name: 'New messages', targetUrl: HOOK_URL };
    if (false as boolean) {
      void webex.webhooks.create({ ...hook, resource: 'messages', event: 'created', secret: 's', filter: 'roomId=R' });
      void webex.webhooks.update('W', { ...hook, status: 'active' });
      // @ts-expect-error misspelled: `targetURL` is not a field of CreateWebhookRequest
      void webex.webhooks.create({ name: 'n', targetURL: HOOK_URL, resource: 'messages', event: 'created' });
      // @ts-expect-error missing: `event` is required
      void webex.webhooks.create({ ...hook, resource: 'messages' });
      // @ts-expect-error enum: `message` is not a webhook resource (it is `messages`)
      void webex.webhooks.create({ ...hook, resource: 'message', event: 'created' });
      // @ts-expect-error enum: `posted` is not a webhook event
      void webex.webhooks.create({ ...hook, resource: 'messages', event: 'posted' });
      // @ts-expect-error misspelled: `secrets` is not a field of UpdateWebhookRequest
      void webex.webhooks.update('W', { ...hook, secrets: 's' });
      // @ts-expect-error missing: `targetUrl` is required
      void webex.webhooks.update('W', { name: 'n' });
      // @ts-expect-error enum: an update can only reactivate (`status: 'active'`)
      void webex.webhooks.update('W', { ...hook, status: 'inactive' });
    }
    expect(webex.webhooks.create).toBeTypeOf('function');
    expect(webex.webhooks.update).toBeTypeOf('function');
  });
});
