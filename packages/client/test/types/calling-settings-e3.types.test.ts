// Hand-written type tests for the criteria-based Calling settings people, workspaces and the caller ("me") share:
// selective accept, forward and reject, simultaneous ring and sequential ring. Each setting is one shape for every kind
// of line, its criteria built on `CallingCallCriteria`; where Cisco's document gives one kind a field or required flag
// of its own, only that kind's type has it. Each `@ts-expect-error` line makes exactly one mistake, so
// `tsc -p packages/client` fails if that mistake ever compiles; each fits on one line, so formatting cannot move the
// error away from its directive. The calls sit behind `if (false as boolean)`: nothing is sent; at run time each test
// only checks that the façade wires the methods.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  CallingCallCriteria,
  CallingCallCriteriaId,
  CallingMySelectiveForward,
  CallingMySimultaneousRing,
  CallingPersonSelectiveForward,
  CallingPersonSelectiveForwardCriteria,
  CallingPersonSimultaneousRing,
  CallingSelectiveAccept,
  CallingSelectiveAcceptCriteria,
  CallingSelectiveForwardCallsFrom,
  CallingSelectiveReject,
  CallingSelectiveRejectCriteria,
  CallingSequentialRing,
  CallingSequentialRingCriteria,
  CallingSimultaneousRingCriteria,
  CallingWorkspaceSelectiveForward,
  CallingWorkspaceSelectiveForwardCriteria,
  CallingWorkspaceSimultaneousRing,
} from '../../src/index.js';
// The objects of known values are the models package's: the client re-exports its types only.
import { CallingCallCriteriaScheduleLevel, CallingSelectiveRejectCallsFrom } from '@webex-ts/models';
import { Webex } from '../../src/index.js';

const webex = new Webex({ accessToken: 'type-tests', baseUrl: 'http://127.0.0.1:9' });
const personId = 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS80MmQ3ZGMxZi0xYWMyLTQ0NGUtYmY3MC1kNmYyMGQyNzJiOTI';
const workspaceId = 'Y2lzY29zcGFyazovL3VzL1BMQUNFLzI4ZmVhZjk2LTlhYjQtNDk0NC1hNDQ1LWQ4YmY3ZmQyOTU5Nw';
const criteriaId = 'Y2lzY29zcGFyazovL3VzL0NSSVRFUklBLzViNWUzZjJjLThhNDEtNGQ2ZS05YzFhLTJmN2QwYjZlNGExMQ';

// A criteria with every field the create of workspaces and "me" requires but its flag: its schedule and its callers.
// Not `as const`: the enums are open, so plain strings are what a caller's data usually is, and they type-check.
const officeHours = {
  scheduleName: 'Office hours',
  scheduleType: 'businessHours',
  scheduleLevel: 'PEOPLE',
  callsFrom: 'SELECT_PHONE_NUMBERS',
  phoneNumbers: ['+14085550142'],
};
const { scheduleName: _name, ...noSchedule } = officeHours;

describe('calling selective accept and reject: one shape for people, workspaces and me', () => {
  it('every get answers the shared setting, every getCriteria the shared criteria', () => {
    const { people, workspaces, me } = webex.calling;
    expectTypeOf(people.selectiveAccept.get).returns.toEqualTypeOf<Promise<CallingSelectiveAccept>>();
    expectTypeOf(workspaces.selectiveAccept.get).returns.toEqualTypeOf<Promise<CallingSelectiveAccept>>();
    expectTypeOf(me.selectiveAccept.get).returns.toEqualTypeOf<Promise<CallingSelectiveAccept>>();
    expectTypeOf(people.selectiveReject.get).returns.toEqualTypeOf<Promise<CallingSelectiveReject>>();
    expectTypeOf(workspaces.selectiveReject.getCriteria).returns.toEqualTypeOf<
      Promise<CallingSelectiveRejectCriteria>
    >();
    expectTypeOf(me.selectiveAccept.getCriteria).returns.toEqualTypeOf<Promise<CallingSelectiveAcceptCriteria>>();
    expectTypeOf(people.selectiveAccept.createCriteria).returns.toEqualTypeOf<Promise<CallingCallCriteriaId>>();
    expectTypeOf(me.selectiveReject.deleteCriteria).returns.toEqualTypeOf<Promise<void>>();
    // The listed criteria carry their id (R1); a criteria answered whole is the shared base and more.
    expectTypeOf<NonNullable<CallingSelectiveAccept['criteria']>[number]['id']>().toEqualTypeOf<string>();
    expectTypeOf<CallingSelectiveAcceptCriteria>().toExtend<CallingCallCriteria>();
    expectTypeOf<CallingSelectiveAcceptCriteria['id']>().toEqualTypeOf<string>();
  });

  it('update takes `enabled`, always; criteria are no part of it', () => {
    const { people, workspaces, me } = webex.calling;
    if (false as boolean) {
      void people.selectiveAccept.update(personId, { enabled: true }, { orgId: 'org' });
      void workspaces.selectiveReject.update(workspaceId, { enabled: false });
      void me.selectiveReject.update({ enabled: true }, { timeout: 5_000 });
      // @ts-expect-error missing: `enabled` is what update changes
      void people.selectiveReject.update(personId, {});
      // @ts-expect-error type: `enabled` is a boolean
      void workspaces.selectiveAccept.update(workspaceId, { enabled: 'yes' });
      // @ts-expect-error unknown: criteria change with their own methods, never through update
      void me.selectiveAccept.update({ enabled: true, criteria: [] });
    }
    expect(people.selectiveAccept.update).toBeTypeOf('function');
    expect(me.selectiveReject.update).toBeTypeOf('function');
  });

  it('createCriteria: workspaces and me require the schedule, people only the callers and the flag', () => {
    const { people, workspaces, me } = webex.calling;
    if (false as boolean) {
      void workspaces.selectiveAccept.createCriteria(workspaceId, { ...officeHours, acceptEnabled: true });
      void me.selectiveReject.createCriteria({ ...officeHours, anonymousCallersEnabled: true, rejectEnabled: true });
      void people.selectiveAccept.createCriteria(personId, { callsFrom: 'ANY_PHONE_NUMBER', acceptEnabled: false });
      void people.selectiveReject.createCriteria(personId, { ...noSchedule, rejectEnabled: true }, { orgId: 'org' });
      // @ts-expect-error missing: a workspace's criteria names its schedule
      void workspaces.selectiveReject.createCriteria(workspaceId, { ...noSchedule, rejectEnabled: true });
      // @ts-expect-error missing: my criteria says whether it accepts (`acceptEnabled`)
      void me.selectiveAccept.createCriteria(officeHours);
      // @ts-expect-error missing: a person's criteria names its callers (`callsFrom`)
      void people.selectiveReject.createCriteria(personId, { rejectEnabled: true });
      // @ts-expect-error type: the callers' numbers are a list
      void people.selectiveAccept.createCriteria(personId, { ...noSchedule, phoneNumbers: '+1', acceptEnabled: true });
    }
    expect(workspaces.selectiveAccept.createCriteria).toBeTypeOf('function');
  });

  it('updateCriteria: every field optional, but a person always sends callsFrom and the flag', async () => {
    const { people, workspaces, me } = webex.calling;
    if (false as boolean) {
      void workspaces.selectiveAccept.updateCriteria(workspaceId, criteriaId, { unavailableCallersEnabled: true });
      void me.selectiveReject.updateCriteria(criteriaId, {});
      void people.selectiveReject.updateCriteria(personId, criteriaId, { callsFrom: 'FORWARDED', rejectEnabled: true });
      // A criteria read whole goes back as it is.
      void me.selectiveAccept.updateCriteria(criteriaId, await me.selectiveAccept.getCriteria(criteriaId));
      // @ts-expect-error missing: a person's update sends `acceptEnabled` too
      void people.selectiveAccept.updateCriteria(personId, criteriaId, { callsFrom: 'ANY_PHONE_NUMBER' });
      // @ts-expect-error path: my criteria are reached by their id alone
      void me.selectiveAccept.updateCriteria(personId, criteriaId, {});
      // @ts-expect-error type: `anonymousCallersEnabled` is a boolean
      void workspaces.selectiveReject.updateCriteria(workspaceId, criteriaId, { anonymousCallersEnabled: 1 });
    }
    expect(people.selectiveAccept.updateCriteria).toBeTypeOf('function');
  });
});

describe('calling selective forward: the voicemail choice and the numbers as each kind of line names them', () => {
  it('get answers the shared setting with the kind of line voicemail flag', () => {
    const { people, workspaces, me } = webex.calling;
    expectTypeOf(people.selectiveForward.get).returns.toEqualTypeOf<Promise<CallingPersonSelectiveForward>>();
    expectTypeOf(workspaces.selectiveForward.get).returns.toEqualTypeOf<Promise<CallingWorkspaceSelectiveForward>>();
    expectTypeOf(me.selectiveForward.get).returns.toEqualTypeOf<Promise<CallingMySelectiveForward>>();
    expectTypeOf<CallingPersonSelectiveForward['sendToVoicemailEnabled']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<CallingMySelectiveForward['destinationVoicemailEnabled']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf(people.selectiveForward.getCriteria).returns.toEqualTypeOf<
      Promise<CallingPersonSelectiveForwardCriteria>
    >();
    expectTypeOf(workspaces.selectiveForward.getCriteria).returns.toEqualTypeOf<
      Promise<CallingWorkspaceSelectiveForwardCriteria>
    >();
    expectTypeOf<CallingWorkspaceSelectiveForwardCriteria['numbers']>().toEqualTypeOf<string[] | undefined>();
  });

  it('update: people and me require `enabled`, a workspace nothing', () => {
    const { people, workspaces, me } = webex.calling;
    if (false as boolean) {
      void people.selectiveForward.update(personId, { enabled: true, sendToVoicemailEnabled: false });
      void me.selectiveForward.update({ enabled: true, defaultPhoneNumberToForward: '+14085550150' });
      void workspaces.selectiveForward.update(workspaceId, { destinationVoicemailEnabled: true });
      // @ts-expect-error missing: a person's update sends `enabled`
      void people.selectiveForward.update(personId, { ringReminderEnabled: true });
      // @ts-expect-error unknown: a person's voicemail choice is `sendToVoicemailEnabled`
      void people.selectiveForward.update(personId, { enabled: true, destinationVoicemailEnabled: true });
      // @ts-expect-error unknown: a workspace's voicemail choice is `destinationVoicemailEnabled`
      void workspaces.selectiveForward.update(workspaceId, { sendToVoicemailEnabled: true });
      // @ts-expect-error type: the default destination is a number as text
      void me.selectiveForward.update({ enabled: true, defaultPhoneNumberToForward: 14085550150 });
    }
    expect(workspaces.selectiveForward.update).toBeTypeOf('function');
  });

  it('criteria: what each kind requires, and `numbers` for workspaces', () => {
    const { people, workspaces, me } = webex.calling;
    const forward = { forwardToPhoneNumber: '+14085550151', callsFrom: 'ANY_EXTERNAL' };
    if (false as boolean) {
      void people.selectiveForward.createCriteria(personId, { ...forward, sendToVoicemailEnabled: false });
      void workspaces.selectiveForward.createCriteria(workspaceId, { callsFrom: 'SELECT_PHONE_NUMBERS', numbers: [] });
      void me.selectiveForward.createCriteria({});
      void people.selectiveForward.updateCriteria(personId, criteriaId, { ...forward, sendToVoicemailEnabled: true });
      void workspaces.selectiveForward.updateCriteria(workspaceId, criteriaId, { callsFrom: 'ANY_INTERNAL' });
      // @ts-expect-error missing: a person's criteria says where the calls go
      void people.selectiveForward.createCriteria(personId, {
        callsFrom: 'ANY_PHONE_NUMBER',
        sendToVoicemailEnabled: true,
      });
      // @ts-expect-error missing: a workspace's criteria names its callers
      void workspaces.selectiveForward.updateCriteria(workspaceId, criteriaId, { forwardEnabled: true });
      // @ts-expect-error unknown: a workspace's criteria lists its callers in `numbers`
      void workspaces.selectiveForward.createCriteria(workspaceId, { callsFrom: 'ANY_PHONE_NUMBER', phoneNumbers: [] });
      // @ts-expect-error type: `forwardEnabled` is a boolean
      void me.selectiveForward.updateCriteria(criteriaId, { forwardEnabled: 'true' });
    }
    expect(me.selectiveForward.createCriteria).toBeTypeOf('function');
  });
});

describe('calling simultaneous ring: shared setting, numbers per kind of line', () => {
  it('get answers the shared setting with the numbers; getCriteria the shared criteria', () => {
    const { people, workspaces, me } = webex.calling;
    expectTypeOf(people.simultaneousRing.get).returns.toEqualTypeOf<Promise<CallingPersonSimultaneousRing>>();
    expectTypeOf(workspaces.simultaneousRing.get).returns.toEqualTypeOf<Promise<CallingWorkspaceSimultaneousRing>>();
    expectTypeOf(me.simultaneousRing.get).returns.toEqualTypeOf<Promise<CallingMySimultaneousRing>>();
    expectTypeOf(people.simultaneousRing.getCriteria).returns.toEqualTypeOf<Promise<CallingSimultaneousRingCriteria>>();
    type WorkspaceNumber = NonNullable<CallingWorkspaceSimultaneousRing['phoneNumbers']>[number];
    expectTypeOf<WorkspaceNumber['answerConfirmationRequiredEnabled']>().toEqualTypeOf<boolean | undefined>();
  });

  it('update: a workspace requires `criteriasEnabled`; what get answers goes back', async () => {
    const { people, workspaces, me } = webex.calling;
    const numbers = [{ phoneNumber: '+14085550170', answerConfirmationEnabled: true }];
    const ring = workspaces.simultaneousRing;
    if (false as boolean) {
      void people.simultaneousRing.update(personId, { enabled: true, phoneNumbers: numbers });
      void me.simultaneousRing.update({ doNotRingIfOnCallEnabled: true });
      void workspaces.simultaneousRing.update(workspaceId, { criteriasEnabled: false });
      void people.simultaneousRing.update(personId, await people.simultaneousRing.get(personId));
      // @ts-expect-error missing: a workspace's update sends `criteriasEnabled`
      void workspaces.simultaneousRing.update(workspaceId, { enabled: true });
      // @ts-expect-error unknown: a workspace's number says `answerConfirmationRequiredEnabled`
      void ring.update(workspaceId, { criteriasEnabled: true, phoneNumbers: [{ answerConfirmationEnabled: true }] });
      // @ts-expect-error type: the numbers are a list of objects
      void me.simultaneousRing.update({ phoneNumbers: ['+14085550170'] });
    }
    expect(workspaces.simultaneousRing.update).toBeTypeOf('function');
  });

  it('createCriteria: workspaces and me require the schedule, people the callers and `ringEnabled`', () => {
    const { people, workspaces, me } = webex.calling;
    if (false as boolean) {
      void workspaces.simultaneousRing.createCriteria(workspaceId, { ...officeHours, ringEnabled: true });
      void me.simultaneousRing.createCriteria({ ...officeHours, ringEnabled: false });
      void people.simultaneousRing.createCriteria(personId, { callsFrom: 'ANY_PHONE_NUMBER', ringEnabled: true });
      void people.simultaneousRing.updateCriteria(personId, criteriaId, { ringEnabled: false });
      // @ts-expect-error missing: my criteria names its schedule
      void me.simultaneousRing.createCriteria({ ...noSchedule, ringEnabled: true });
      // @ts-expect-error missing: a person's criteria says whether it rings (`ringEnabled`)
      void people.simultaneousRing.createCriteria(personId, { callsFrom: 'ANY_PHONE_NUMBER' });
    }
    expect(people.simultaneousRing.createCriteria).toBeTypeOf('function');
  });
});

describe('calling sequential ring: workspaces and me only', () => {
  it('get answers the shared setting; people have no sequential ring', () => {
    const { people, workspaces, me } = webex.calling;
    expectTypeOf(workspaces.sequentialRing.get).returns.toEqualTypeOf<Promise<CallingSequentialRing>>();
    expectTypeOf(me.sequentialRing.get).returns.toEqualTypeOf<Promise<CallingSequentialRing>>();
    expectTypeOf(me.sequentialRing.getCriteria).returns.toEqualTypeOf<Promise<CallingSequentialRingCriteria>>();
    expectTypeOf<CallingSequentialRing['baseLocationNumberOfRings']>().toEqualTypeOf<number | undefined>();
    // @ts-expect-error unknown: Cisco's document has no sequential ring for people
    expect(people.sequentialRing).toBeUndefined();
  });

  it('update: me requires `enabled`, a workspace nothing', () => {
    const { workspaces, me } = webex.calling;
    const sequence = [{ phoneNumber: '+14085550160', numberOfRings: 3, answerConfirmationRequiredEnabled: false }];
    if (false as boolean) {
      void me.sequentialRing.update({ enabled: true, ringBaseLocationFirstEnabled: true, phoneNumbers: sequence });
      void workspaces.sequentialRing.update(workspaceId, { baseLocationNumberOfRings: 2 });
      // @ts-expect-error missing: my update sends `enabled`
      void me.sequentialRing.update({ phoneNumbers: sequence });
      // @ts-expect-error type: the rings are counted, a number
      void workspaces.sequentialRing.update(workspaceId, { baseLocationNumberOfRings: '2' });
      // @ts-expect-error unknown: criteria change with their own methods, never through update
      void workspaces.sequentialRing.update(workspaceId, { criteria: [] });
    }
    expect(me.sequentialRing.update).toBeTypeOf('function');
  });

  it('createCriteria: me requires the schedule, a workspace the callers and `ringEnabled`', () => {
    const { workspaces, me } = webex.calling;
    if (false as boolean) {
      void me.sequentialRing.createCriteria({ ...officeHours, ringEnabled: true });
      void workspaces.sequentialRing.createCriteria(workspaceId, { callsFrom: 'ANY_PHONE_NUMBER', ringEnabled: true });
      void workspaces.sequentialRing.updateCriteria(workspaceId, criteriaId, {});
      // @ts-expect-error missing: my criteria says whether it rings (`ringEnabled`)
      void me.sequentialRing.createCriteria(officeHours);
      // @ts-expect-error missing: a workspace's criteria names its callers
      void workspaces.sequentialRing.createCriteria(workspaceId, { ringEnabled: true });
    }
    expect(workspaces.sequentialRing.createCriteria).toBeTypeOf('function');
  });
});

describe('calling criteria enums are open', () => {
  type Level = Exclude<CallingCallCriteria['scheduleLevel'], undefined>;

  it('offer the known values and take newer ones, never a number', () => {
    expectTypeOf<'GROUP'>().toExtend<Level>();
    expectTypeOf<'DEPARTMENT'>().toExtend<Level>();
    expectTypeOf<Level>().not.toEqualTypeOf<string>();
    expectTypeOf<number>().not.toExtend<CallingSelectiveForwardCallsFrom>();
    expectTypeOf<'ANY_INTERNAL'>().toExtend<CallingSelectiveForwardCallsFrom>();
    expect(Object.values(CallingCallCriteriaScheduleLevel)).toEqual(['PEOPLE', 'LOCATION', 'GROUP']);
    expect(Object.values(CallingSelectiveRejectCallsFrom)).toContain('FORWARDED');
    const newer: CallingCallCriteria = { scheduleType: 'weekends' };
    // @ts-expect-error type: a schedule's kind is a string, never a boolean
    const wrong: CallingCallCriteria = { scheduleType: true };
    expect([newer, wrong]).toHaveLength(2);
  });
});
