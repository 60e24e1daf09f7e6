// Hand-written type tests for Webex Calling's call control (the user's calls, a member's calls, "my" calls and the
// conference) and for the organization-wide settings (service settings, caller reputation, guest calling, access
// codes, MS Teams client settings, click-to-call tokens): every method that sends a body, and what the listings
// give. Each `@ts-expect-error` line makes exactly one mistake, so `tsc -p packages/client` fails if that mistake
// ever compiles. Calling enums accept values beyond the known ones, so the mistakes are missing fields and wrong
// types, never a wrong enum value. Each such call fits on one line, so formatting cannot move the error away from
// its directive. The calls sit behind `if (false as boolean)`: nothing is sent; at run time each test only checks
// that the façade wires the methods.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  CallingAccessCode,
  CallingCall,
  CallingCallCollection,
  CallingCallHistory,
  CallingConference,
  CallingGuestCallingMember,
  CallingNewCall,
  Paginated,
} from '../../src/index.js';
import { CallingCallState } from '@webex-ts/models';
import { Webex } from '../../src/index.js';

const webex = new Webex({ accessToken: 'type-tests', baseUrl: 'http://127.0.0.1:9' });
const callId = 'Y2lzY29zcGFyazovL3VzL0NBTEwvY2FsbGhhbGYtNzM5NDExMDg6MA';
const otherCallId = 'Y2lzY29zcGFyazovL3VzL0NBTEwvY2FsbGhhbGYtNzM5NDEyMTQ6MA';
const memberId = 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS82YTFiMmMzZC00ZTVmLTRhNmItOGM3ZC05ZTBmMWEyYjNjNGQ';
const lineOwnerId = 'Y2lzY29zcGFyazovL3VzL1ZJUlRVQUxfTElORS8wYzRmN2EyZS05YjFkLTRlNmEtOGYzYy01ZDJiN2U5YTFjNjQ';

describe('calling call control: request types', () => {
  it('calling.calls actions', () => {
    const calls = webex.calling.calls;
    if (false as boolean) {
      void calls.dial({ destination: '+14085550147', endpointId: 'device', lineOwnerId });
      void calls.answer({ callId, endpointId: 'device' });
      void calls.hold({ callId });
      void calls.resume({ callId, lineOwnerId });
      void calls.transfer({ callId1: callId, callId2: otherCallId });
      void calls.transfer({ callId1: callId, destination: '2140' });
      void calls.park({ callId, isGroupPark: true });
      void calls.retrieve({ destination: '1201' });
      void calls.pickup({});
      void calls.pull();
      void calls.reject({ callId, action: 'busy' });
      void calls.reject({ callId, action: 'sendToVoicemail' });
      void calls.startRecording({ callId });
      void calls.transmitDtmf({ callId, dtmf: '1234#' });
      void calls.listHistory({ type: 'missed' });
      void calls.updateExternalVoicemailMwi({ action: 'SET' }, { id: memberId });
      // @ts-expect-error missing: `dial` needs a `destination`
      void calls.dial({ endpointId: 'device' });
      // @ts-expect-error missing: `hold` needs the `callId`
      void calls.hold({ lineOwnerId });
      // @ts-expect-error missing: a barge-in needs its `target`
      void calls.bargeIn({ endpointId: 'device' });
      // @ts-expect-error type: `isGroupPark` is a boolean, not a string
      void calls.park({ callId, isGroupPark: 'true' });
      // @ts-expect-error type: `toVoicemail` is a boolean
      void calls.divert({ callId, toVoicemail: 1 });
      // @ts-expect-error type: a `reject` action is a string, never a boolean
      void calls.reject({ callId, action: true });
      // @ts-expect-error missing: the MWI query needs the `id` of whose phones to light
      void calls.updateExternalVoicemailMwi({ action: 'CLEAR' }, {});
      // @ts-expect-error missing: the MWI body needs its `action`
      void calls.updateExternalVoicemailMwi({}, { id: memberId });
    }
    expect(calls.dial).toBeTypeOf('function');
    expect(calls.transmitDtmf).toBeTypeOf('function');
  });

  it('calling.callMembers and calling.me.calls', () => {
    const members = webex.calling.callMembers;
    const mine = webex.calling.me.calls;
    if (false as boolean) {
      void members.dial(memberId, { destination: '2140' }, { orgId: 'org' });
      void members.answer(memberId, { callId });
      void members.hangup(memberId, { callId });
      void mine.dial({ destination: '2140', lineOwnerId });
      void mine.hangup({ callId });
      // @ts-expect-error misspelled: a member's dial has no `lineOwnerId` (the member is in the path)
      void members.dial(memberId, { destination: '2140', lineOwnerId });
      // @ts-expect-error missing: the member's id comes first
      void members.hangup({ callId });
      // @ts-expect-error missing: `answer` needs the ringing `callId`
      void mine.answer({ endpointId: 'device' });
    }
    expect(members.dial).toBeTypeOf('function');
    expect(mine.dial).toBeTypeOf('function');
  });

  it('calling.conferences', () => {
    const conferences = webex.calling.conferences;
    if (false as boolean) {
      void conferences.start({ callIds: [callId, otherCallId] });
      void conferences.addParticipant({ callId, lineOwnerId });
      void conferences.mute();
      void conferences.mute({ callId });
      void conferences.deafenParticipant({ callId });
      void conferences.hold({ lineOwnerId });
      // @ts-expect-error missing: a conference starts from `callIds`
      void conferences.start({ lineOwnerId });
      // @ts-expect-error type: `callIds` is a list, not one id
      void conferences.start({ callIds: callId });
      // @ts-expect-error missing: deafening needs the participant's `callId`
      void conferences.deafenParticipant({});
    }
    expect(conferences.start).toBeTypeOf('function');
  });
});

describe('calling organization settings: request types', () => {
  it('calling.serviceSettings updates', () => {
    const settings = webex.calling.serviceSettings;
    if (false as boolean) {
      void settings.updateCallCaptions({ orgClosedCaptionsEnabled: true });
      void settings.updateMusicOnHold({ defaultOrgMoh: 'LEGACY' }, { orgId: 'org' });
      void settings.updateVoicemailRules({ defaultVoicemailPinEnabled: true, defaultVoicemailPin: '740193' });
      void settings.updateVoicemailRules({ expirePasscode: { enabled: true, numberOfDays: 180 } });
      void settings.updateVoicemailSettings({ messageExpiryEnabled: true, numberOfDaysForMessageExpiry: 30 });
      void settings.listAnnouncementLanguages({ ttsLanguage: true });
      // @ts-expect-error missing: voicemail settings always give `numberOfDaysForMessageExpiry`
      void settings.updateVoicemailSettings({ messageExpiryEnabled: false });
      // @ts-expect-error type: a number of days is a number, not a string
      void settings.updateVoicemailSettings({ messageExpiryEnabled: true, numberOfDaysForMessageExpiry: '30' });
      // @ts-expect-error misspelled: the PIN structure rules are read-only, not part of the update
      void settings.updateVoicemailRules({ defaultVoicemailPinRules: {} });
      // @ts-expect-error type: `orgTranscriptsEnabled` is a boolean
      void settings.updateCallCaptions({ orgTranscriptsEnabled: 'yes' });
    }
    expect(settings.updateVoicemailRules).toBeTypeOf('function');
  });

  it('calling.callerReputation, guestCalling, accessCodes, clientSettings and clickToCall', () => {
    const { callerReputation, guestCalling, accessCodes, clientSettings, clickToCall } = webex.calling;
    const guests = { enabled: true, privacyEnabled: false, destinationMembers: ['aa'] };
    const { destinationMembers: _members, ...noMembers } = guests;
    if (false as boolean) {
      void callerReputation.update({ id: 'callshield', clientId: 'c', clientSecret: 's', enabled: true });
      void callerReputation.unlock({ id: 'callshield' }, { organizationId: 'org' });
      void guestCalling.update(guests);
      void accessCodes.create({ accessCodes: [{ code: '4856', description: 'Marketing' }] });
      void accessCodes.delete({ deleteCodes: ['4856'] });
      void clientSettings.updateMsTeams({ settingName: 'PRESENCE_SYNC', value: true });
      void clickToCall.createCallToken({ calledNumber: '5100', guestName: 'Harvey' });
      // @ts-expect-error missing: unlocking names the provider's `id`
      void callerReputation.unlock({});
      // @ts-expect-error misspelled: the organization is `organizationId` here, not `orgId`
      void callerReputation.get({ orgId: 'org' });
      // @ts-expect-error type: thresholds are strings
      void callerReputation.update({ callBlockScoreThreshold: 85 });
      // @ts-expect-error missing: guest calling's update sends the whole `destinationMembers` list
      void guestCalling.update(noMembers);
      // @ts-expect-error missing: `create` takes `accessCodes`
      void accessCodes.create({});
      // @ts-expect-error type: codes to delete are a list
      void accessCodes.delete({ deleteCodes: '4856' });
      // @ts-expect-error missing: an MS Teams setting is sent with its `value`
      void clientSettings.updateMsTeams({ settingName: 'HIDE_WEBEX_APP' });
      // @ts-expect-error missing: a call token needs the `calledNumber`
      void clickToCall.createCallToken({ guestName: 'Harvey' });
    }
    expect(guestCalling.update).toBeTypeOf('function');
    expect(clickToCall.createCallToken).toBeTypeOf('function');
  });
});

describe('calling call control and organization settings: answers', () => {
  it('listings that answer whole give their envelope; paged ones iterate the items', () => {
    expectTypeOf(webex.calling.calls.list).returns.toEqualTypeOf<Promise<CallingCallCollection>>();
    expectTypeOf(webex.calling.me.calls.list).returns.toEqualTypeOf<Promise<CallingCallCollection>>();
    expectTypeOf(webex.calling.callMembers.list).returns.toEqualTypeOf<Promise<CallingCallCollection>>();
    expectTypeOf<NonNullable<CallingCallCollection['items']>[number]>().toEqualTypeOf<CallingCall>();
    expectTypeOf(webex.calling.calls.listHistory).returns.toEqualTypeOf<Promise<CallingCallHistory>>();
    expectTypeOf(webex.calling.accessCodes.list).returns.toEqualTypeOf<Paginated<CallingAccessCode>>();
    expectTypeOf(webex.calling.guestCalling.listMembers).returns.toEqualTypeOf<Paginated<CallingGuestCallingMember>>();
    expectTypeOf(webex.calling.guestCalling.listAvailableMembers).returns.toEqualTypeOf<
      Paginated<CallingGuestCallingMember>
    >();
    expectTypeOf(webex.calling.conferences.get).returns.toEqualTypeOf<Promise<CallingConference>>();
  });

  it('actions that set up a call answer its ids; a consulted transfer answers nothing', () => {
    expectTypeOf(webex.calling.calls.dial).returns.toEqualTypeOf<Promise<CallingNewCall>>();
    expectTypeOf(webex.calling.me.calls.dial).returns.toEqualTypeOf<Promise<CallingNewCall>>();
    expectTypeOf(webex.calling.calls.transfer).returns.toEqualTypeOf<Promise<CallingNewCall | undefined>>();
    expectTypeOf(webex.calling.calls.hold).returns.toEqualTypeOf<Promise<void>>();
  });

  it('a call has its id and creation time (R1); its state is an open enum', () => {
    type State = Exclude<CallingCall['state'], undefined>;
    expectTypeOf<CallingCall['id']>().toEqualTypeOf<string>();
    expectTypeOf<CallingCall['created']>().toEqualTypeOf<string>();
    expectTypeOf<'remoteHeld'>().toExtend<State>();
    expectTypeOf<'transferring'>().toExtend<State>();
    expectTypeOf<State>().not.toEqualTypeOf<string>();
    expectTypeOf<number>().not.toExtend<State>();
    expect(Object.values(CallingCallState)).toContain('remoteHeld');
    // @ts-expect-error missing: an answered call always has its `created` time
    const incomplete: CallingCall = { id: callId };
    expect(incomplete).toBeDefined();
  });
});
