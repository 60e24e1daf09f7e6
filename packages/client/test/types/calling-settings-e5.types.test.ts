// Hand-written type tests for the Calling settings of slice e5 that people, workspaces, virtual lines and the caller
// ("me") change: voicemail (and its greetings and passcode), call recording, music on hold, the emergency callback
// number, the agent caller id, the call bridge tone, call captions, numbers, and the settings only one kind of line
// has. Where kinds share a setting they share its type, and a kind's own fields or required flags are its own type
// over the shared one. Each `@ts-expect-error` line makes exactly one mistake, so `tsc -p packages/client` fails if
// that mistake ever compiles; each fits on one line, so formatting cannot move the error away from its directive.
// Calling enums are open (any string compiles), so the mistakes are of type, of presence and of kind of line. The
// calls sit behind `if (false as boolean)`: nothing is sent; at run time each test only checks that the façade wires
// the methods.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  CallingAgentCallerId,
  CallingAgentCallerIdOption,
  CallingAvailableNumber,
  CallingCallBridge,
  CallingCallCaptions,
  CallingEmergencyCallbackNumber,
  CallingLineCallRecording,
  CallingLineDectNetwork,
  CallingLineNumbers,
  CallingMusicOnHold,
  CallingMyCallRecording,
  CallingMyQueues,
  CallingPersonCallRecording,
  CallingVirtualLineDevices,
  CallingVirtualLineVoicemail,
  CallingVoicemail,
  CallingVoicemailUpdate,
  Paginated,
} from '../../src/index.js';
import { Webex } from '../../src/index.js';

const webex = new Webex({ accessToken: 'type-tests', baseUrl: 'http://127.0.0.1:9' });
const { people, workspaces, virtualLines, me } = webex.calling;
const personId = 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9kMGI0YTI3NC01NTFiLTQ3NDItODdkYS0wOTQyZTk1ZWQzNGE';
const workspaceId = 'Y2lzY29zcGFyazovL3VzL1BMQUNFLzM5YTRiYTI5LWE3NzctNDMwZi05NTc0LTA4NzQwMDkzMDZkZA';
const virtualLineId = 'Y2lzY29zcGFyazovL3VzL1ZJUlRVQUxfTElORS9kZmJlNjBkYS00MTM2LTQyZDMtYThmYi1mOTcwM2FhYzJmODc';
const queueId = 'Y2lzY29zcGFyazovL3VzL0NBTExfUVVFVUUvZmU3NjM0ZmQtN2ZmNy00ZDk5LTk2NjMtOWY3OTA1M2IzNTZh';
const greeting = new Blob([new Uint8Array(44)], { type: 'audio/wav' });

const voicemail: CallingVoicemailUpdate = {
  enabled: true,
  sendBusyCalls: { enabled: true, greeting: 'CUSTOM' },
  sendUnansweredCalls: { enabled: true, greeting: 'DEFAULT', numberOfRings: 3 },
  notifications: { enabled: true, destination: 'ana.moreno@example.com' },
  transferToNumber: { enabled: false },
};
const { transferToNumber: _transfer, ...noTransfer } = voicemail;

describe('calling voicemail: one shape for people, workspaces, virtual lines and me', () => {
  it('every get answers CallingVoicemail; a virtual line adds the language of its prompts', () => {
    expectTypeOf(people.voicemail.get).returns.toEqualTypeOf<Promise<CallingVoicemail>>();
    expectTypeOf(workspaces.voicemail.get).returns.toEqualTypeOf<Promise<CallingVoicemail>>();
    expectTypeOf(me.voicemail.get).returns.toEqualTypeOf<Promise<CallingVoicemail>>();
    expectTypeOf(virtualLines.voicemail.get).returns.toEqualTypeOf<Promise<CallingVirtualLineVoicemail>>();
    expectTypeOf<CallingVirtualLineVoicemail>().toExtend<CallingVoicemail>();
    expectTypeOf<CallingVirtualLineVoicemail['announcementLanguageCode']>().toEqualTypeOf<string | undefined>();
  });

  it('update sends notifications and transferToNumber; a virtual line its language too', () => {
    if (false as boolean) {
      void people.voicemail.update(personId, voicemail, { orgId: 'org' });
      void workspaces.voicemail.update(workspaceId, voicemail);
      void me.voicemail.update(voicemail);
      void virtualLines.voicemail.update(virtualLineId, { ...voicemail, announcementLanguageCode: 'en_us' });
      // @ts-expect-error missing: every line's update sends `transferToNumber`
      void people.voicemail.update(personId, noTransfer);
      // @ts-expect-error missing: a virtual line's update sends `announcementLanguageCode`
      void virtualLines.voicemail.update(virtualLineId, voicemail);
      // @ts-expect-error type: numberOfRings counts rings, a number
      void workspaces.voicemail.update(workspaceId, { ...voicemail, sendUnansweredCalls: { numberOfRings: '3' } });
      // @ts-expect-error path: "me" is the token's owner, no person id
      void me.voicemail.update(personId, voicemail);
    }
    expect(people.voicemail.update).toBeTypeOf('function');
    expect(virtualLines.voicemail.update).toBeTypeOf('function');
  });

  it('greetings are uploaded as a file; the passcode is set and reset', () => {
    if (false as boolean) {
      void people.voicemail.uploadBusyGreeting(personId, { file: greeting });
      void workspaces.voicemail.uploadNoAnswerGreeting(workspaceId, { file: greeting }, { orgId: 'org' });
      void virtualLines.voicemail.uploadBusyGreeting(virtualLineId, { file: greeting });
      void me.voicemail.uploadNoAnswerGreeting({ file: greeting });
      void people.voicemail.updatePasscode(personId, { passcode: '739146' });
      void workspaces.voicemail.updatePasscode(workspaceId, { passcode: '739146' });
      void virtualLines.voicemail.resetPin(virtualLineId);
      void workspaces.voicemail.resetPin(workspaceId, { orgId: 'org' });
      // @ts-expect-error type: a greeting is a file (Blob), not its name
      void people.voicemail.uploadBusyGreeting(personId, { file: 'greeting.wav' });
      // @ts-expect-error missing: an upload sends the file
      void me.voicemail.uploadBusyGreeting({});
      // @ts-expect-error type: a passcode is text, kept with its leading zeros
      void virtualLines.voicemail.updatePasscode(virtualLineId, { passcode: 739146 });
      // @ts-expect-error missing: a passcode update sends the passcode
      void people.voicemail.updatePasscode(personId, {});
    }
    expect(people.voicemail.uploadBusyGreeting).toBeTypeOf('function');
    expect(me.voicemail.uploadNoAnswerGreeting).toBeTypeOf('function');
    expect(workspaces.voicemail.resetPin).toBeTypeOf('function');
  });
});

describe('calling call recording and music on hold', () => {
  it('people, workspaces and virtual lines share CallingLineCallRecording; people add one field', () => {
    expectTypeOf(workspaces.callRecording.get).returns.toEqualTypeOf<Promise<CallingLineCallRecording>>();
    expectTypeOf(virtualLines.callRecording.get).returns.toEqualTypeOf<Promise<CallingLineCallRecording>>();
    expectTypeOf(people.callRecording.get).returns.toEqualTypeOf<Promise<CallingPersonCallRecording>>();
    expectTypeOf(me.callRecording.get).returns.toEqualTypeOf<Promise<CallingMyCallRecording>>();
    if (false as boolean) {
      void people.callRecording.update(personId, { enabled: true, startStopAnnouncementEnabled: true });
      void workspaces.callRecording.update(workspaceId, { record: 'Always', repeat: { interval: 15, enabled: true } });
      void virtualLines.callRecording.update(virtualLineId, { notification: { type: 'Beep', enabled: true } });
      // @ts-expect-error kind: only people announce start and stop on every call (`startStopAnnouncementEnabled`)
      void virtualLines.callRecording.update(virtualLineId, { startStopAnnouncementEnabled: true });
      // @ts-expect-error type: the repeat interval is seconds, a number
      void people.callRecording.update(personId, { repeat: { interval: '15' } });
      // @ts-expect-error type: `enabled` is a boolean
      void workspaces.callRecording.update(workspaceId, { enabled: 'true' });
    }
    expect(people.callRecording.update).toBeTypeOf('function');
  });

  it('music on hold is one shape for three kinds of line', () => {
    expectTypeOf(people.musicOnHold.get).returns.toEqualTypeOf<Promise<CallingMusicOnHold>>();
    expectTypeOf(virtualLines.musicOnHold.get).returns.toEqualTypeOf<Promise<CallingMusicOnHold>>();
    const music: CallingMusicOnHold = {
      mohEnabled: true,
      greeting: 'CUSTOM',
      audioAnnouncementFile: { id: 'announcement', fileName: 'hold.wav', mediaFileType: 'WAV', level: 'LOCATION' },
    };
    if (false as boolean) {
      void people.musicOnHold.update(personId, music);
      void workspaces.musicOnHold.update(workspaceId, music);
      void virtualLines.musicOnHold.update(virtualLineId, { mohEnabled: false });
      // @ts-expect-error type: `mohEnabled` is a boolean
      void workspaces.musicOnHold.update(workspaceId, { mohEnabled: 1 });
      // @ts-expect-error type: the file is an object of the announcement repository, not its id
      void people.musicOnHold.update(personId, { audioAnnouncementFile: 'announcement' });
    }
    expect(workspaces.musicOnHold.update).toBeTypeOf('function');
  });
});

describe('calling emergency callback number', () => {
  it('one answer for three kinds; each update takes its own flags', () => {
    expectTypeOf(people.emergencyCallbackNumber.get).returns.toEqualTypeOf<Promise<CallingEmergencyCallbackNumber>>();
    expectTypeOf(workspaces.emergencyCallbackNumber.get).returns.toEqualTypeOf<
      Promise<CallingEmergencyCallbackNumber>
    >();
    if (false as boolean) {
      void people.emergencyCallbackNumber.update(personId, { selected: 'DIRECT_LINE', elinForWebexAppEnabled: true });
      void people.emergencyCallbackNumber.update(personId, {});
      void workspaces.emergencyCallbackNumber.update(workspaceId, { selected: 'LOCATION_ECBN', elinEnabled: true });
      void virtualLines.emergencyCallbackNumber.update(virtualLineId, {
        selected: 'LOCATION_MEMBER_NUMBER',
        locationMemberId: personId,
      });
      void people.emergencyCallbackNumber.getDependencies(personId);
      // @ts-expect-error missing: a virtual line's update always sends `selected`
      void virtualLines.emergencyCallbackNumber.update(virtualLineId, { locationMemberId: personId });
      // @ts-expect-error kind: only people send the ELIN flag for the Webex app
      void workspaces.emergencyCallbackNumber.update(workspaceId, { elinForWebexAppEnabled: true });
      // @ts-expect-error kind: virtual lines send no ELIN flag
      void virtualLines.emergencyCallbackNumber.update(virtualLineId, { selected: 'DIRECT_LINE', elinEnabled: true });
      // @ts-expect-error type: `selected` is a string, never a boolean
      void people.emergencyCallbackNumber.update(personId, { selected: true });
    }
    expect(virtualLines.emergencyCallbackNumber.update).toBeTypeOf('function');
  });

  it('the numbers a setting may use are iterated, paged by max and start', () => {
    expectTypeOf(people.emergencyCallbackNumber.listAvailableNumbers).returns.toEqualTypeOf<
      Paginated<CallingAvailableNumber>
    >();
    expectTypeOf(workspaces.faxMessage.listAvailableNumbers).returns.toEqualTypeOf<Paginated<CallingAvailableNumber>>();
    expectTypeOf(virtualLines.faxMessage.listAvailableNumbers).returns.toEqualTypeOf<
      Paginated<CallingAvailableNumber>
    >();
    if (false as boolean) {
      void virtualLines.emergencyCallbackNumber.listAvailableNumbers(virtualLineId, { ownerName: 'Ana', max: 20 });
      void people.faxMessage.listAvailableNumbers(personId, { phoneNumber: '+14085550160', start: 20 });
      // @ts-expect-error R4: `max` counts numbers, a number
      void workspaces.emergencyCallbackNumber.listAvailableNumbers(workspaceId, { max: '20' });
      // @ts-expect-error unknown: the fax numbers are not filtered by owner
      void people.faxMessage.listAvailableNumbers(personId, { ownerName: 'Ana' });
    }
    expect(people.faxMessage.listAvailableNumbers).toBeTypeOf('function');
  });
});

describe('calling agent caller id, call bridge and call captions', () => {
  it('the agent caller id is read as an object and set by id', () => {
    expectTypeOf(people.agentCallerId.get).returns.toEqualTypeOf<Promise<CallingAgentCallerId>>();
    expectTypeOf<
      Awaited<ReturnType<typeof virtualLines.agentCallerId.listAvailableCallerIds>>['availableCallerIds']
    >().toEqualTypeOf<CallingAgentCallerIdOption[] | undefined>();
    expectTypeOf<CallingAgentCallerIdOption['id']>().toEqualTypeOf<string>();
    if (false as boolean) {
      void people.agentCallerId.update(personId, { selectedCallerId: queueId });
      void virtualLines.agentCallerId.update(virtualLineId, { selectedCallerId: queueId });
      // @ts-expect-error missing: the update names the queue whose caller id to show
      void people.agentCallerId.update(personId, {});
      // @ts-expect-error type: the update sends the queue's id, not the object `get` answers
      void virtualLines.agentCallerId.update(virtualLineId, { selectedCallerId: { id: queueId } });
    }
    expect(people.agentCallerId.update).toBeTypeOf('function');
  });

  it('a workspace always sends the call bridge flag; a virtual line may leave it out', () => {
    expectTypeOf(workspaces.callBridge.get).returns.toEqualTypeOf<Promise<CallingCallBridge>>();
    if (false as boolean) {
      void workspaces.callBridge.update(workspaceId, { warningToneEnabled: true });
      void virtualLines.callBridge.update(virtualLineId, {});
      // @ts-expect-error missing: a workspace's update sends `warningToneEnabled`
      void workspaces.callBridge.update(workspaceId, {});
      // @ts-expect-error type: `warningToneEnabled` is a boolean
      void virtualLines.callBridge.update(virtualLineId, { warningToneEnabled: 'on' });
    }
    expect(workspaces.callBridge.update).toBeTypeOf('function');
  });

  it('call captions are one shape for people and me; only people update them', () => {
    expectTypeOf(people.callCaptions.get).returns.toEqualTypeOf<Promise<CallingCallCaptions>>();
    expectTypeOf(me.callCaptions.get).returns.toEqualTypeOf<Promise<CallingCallCaptions>>();
    expectTypeOf(me.callCaptions).not.toHaveProperty('update');
    if (false as boolean) {
      void people.callCaptions.update(personId, { userClosedCaptionsEnabled: true, useLocationSettingsEnabled: false });
      // @ts-expect-error type: `userTranscriptsEnabled` is a boolean
      void people.callCaptions.update(personId, { userTranscriptsEnabled: 'yes' });
    }
    expect(people.callCaptions.update).toBeTypeOf('function');
  });
});

describe('calling numbers, DECT networks and devices of a line', () => {
  it('people and workspaces read one shape and change numbers with their own ring flag', () => {
    expectTypeOf(people.numbers.get).returns.toEqualTypeOf<Promise<CallingLineNumbers>>();
    expectTypeOf(workspaces.numbers.get).returns.toEqualTypeOf<Promise<CallingLineNumbers>>();
    const add = [{ action: 'ADD', directNumber: '+14085550191', ringPattern: 'LONG_LONG' }] as const;
    if (false as boolean) {
      void people.numbers.get(personId, { preferE164Format: true });
      void people.numbers.update(personId, { enableDistinctiveRingPattern: true, phoneNumbers: [...add] });
      void workspaces.numbers.update(workspaceId, { distinctiveRingEnabled: true, phoneNumbers: [...add] });
      // @ts-expect-error missing: an update sends the numbers to change
      void people.numbers.update(personId, { enableDistinctiveRingPattern: true });
      // @ts-expect-error kind: a workspace names its ring flag `distinctiveRingEnabled`
      void workspaces.numbers.update(workspaceId, { enableDistinctiveRingPattern: true, phoneNumbers: [...add] });
      // @ts-expect-error type: `primary` is a boolean
      void people.numbers.update(personId, { phoneNumbers: [{ directNumber: '+14085550191', primary: 'yes' }] });
    }
    expect(workspaces.numbers.update).toBeTypeOf('function');
  });

  it('DECT networks and a virtual line devices are answered whole', () => {
    type Networks = Awaited<ReturnType<typeof people.dectNetworks.list>>['dectNetworks'];
    expectTypeOf<Networks>().toEqualTypeOf<CallingLineDectNetwork[] | undefined>();
    expectTypeOf(workspaces.dectNetworks.list).returns.toEqualTypeOf<
      ReturnType<typeof virtualLines.dectNetworks.list>
    >();
    expectTypeOf(virtualLines.devices.list).returns.toEqualTypeOf<Promise<CallingVirtualLineDevices>>();
    expectTypeOf<CallingLineDectNetwork['id']>().toEqualTypeOf<string>();
    expect(people.dectNetworks.list).toBeTypeOf('function');
  });
});

describe('calling settings only one kind of line has', () => {
  it('people: calling behavior and the receptionist client', () => {
    if (false as boolean) {
      void people.callingBehavior.update(personId, { behaviorType: 'NATIVE_WEBEX_TEAMS_CALLING' });
      void people.reception.update(personId, { receptionEnabled: true, monitoredMembers: [workspaceId] });
      // @ts-expect-error type: the profile is named by its id, a string
      void people.callingBehavior.update(personId, { profileId: 7 });
      // @ts-expect-error missing: the update says whether the client is on (`receptionEnabled`)
      void people.reception.update(personId, { monitoredMembers: [workspaceId] });
      // @ts-expect-error type: monitored members are sent as ids, not as the objects `get` answers
      void people.reception.update(personId, { receptionEnabled: true, monitoredMembers: [{ id: workspaceId }] });
    }
    expect(people.reception.update).toBeTypeOf('function');
  });

  it('workspaces: an access code is deleted by the code', () => {
    if (false as boolean) {
      void workspaces.accessCodes.delete(workspaceId, '4512', { orgId: 'org' });
      // @ts-expect-error missing: the code to delete
      void workspaces.accessCodes.delete(workspaceId);
    }
    expect(workspaces.accessCodes.delete).toBeTypeOf('function');
  });

  it('virtual lines: directory search and the number', () => {
    if (false as boolean) {
      void virtualLines.directorySearch.update(virtualLineId, { enabled: false });
      // @ts-expect-error missing: the update says whether the line is in the directory
      void virtualLines.directorySearch.update(virtualLineId, {});
    }
    expectTypeOf<
      NonNullable<Awaited<ReturnType<typeof virtualLines.number.get>>['phoneNumber']>['directNumber']
    >().toEqualTypeOf<string | undefined>();
    expect(virtualLines.directorySearch.update).toBeTypeOf('function');
  });

  it('me: personal assistant, queues and the Webex Go override', () => {
    expectTypeOf(me.queues.get).returns.toEqualTypeOf<Promise<CallingMyQueues>>();
    if (false as boolean) {
      void me.personalAssistant.update({ enabled: true, presence: 'VACATION', untilDateTime: '2026-11-27T17:00:00Z' });
      void me.queues.update({ agentACDState: 'AVAILABLE', queues: [{ id: queueId, available: false }] });
      void me.webexGoOverride.update({ enabled: true });
      // @ts-expect-error type: the rings before an alert are counted, a number
      void me.personalAssistant.update({ alerting: 'ALERT_ME_FIRST', alertMeFirstNumberOfRings: 'two' });
      // @ts-expect-error type: a queue's availability is a boolean
      void me.queues.update({ queues: [{ id: queueId, available: 'no' }] });
      // @ts-expect-error type: `enabled` is a boolean
      void me.webexGoOverride.update({ enabled: 'true' });
      // @ts-expect-error path: "me" is the token's owner, no person id
      void me.personalAssistant.update(personId, { enabled: false });
    }
    expect(me.queues.update).toBeTypeOf('function');
    expect(me.personalAssistant.update).toBeTypeOf('function');
  });
});
