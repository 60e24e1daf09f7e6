// Hand-written type tests for the meeting resources' create and update methods.
// Each `@ts-expect-error` line makes exactly one mistake, so `tsc -p packages/client` fails if that mistake ever
// compiles. Each such call fits on one line, so formatting cannot move the error away from its directive. The calls
// sit behind `if (false as boolean)`: nothing is sent; at run time each test only checks that the façade wires the
// methods. Bodies whose fields are all optional have no "missing field" case.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { TrackingCodeRequest } from '../../src/index.js';
import { Webex } from '../../src/index.js';

const webex = new Webex({ accessToken: 'type-tests', baseUrl: 'http://127.0.0.1:9' });
const start = '2026-12-10T09:00:00Z';
const end = '2026-12-10T10:00:00Z';

describe('meetings create/update types', () => {
  it('meetingInvitees.create and update', () => {
    const email = 'ada@example.com';
    if (false as boolean) {
      void webex.meetingInvitees.create({ meetingId: 'M', email, displayName: 'Ada', coHost: true, sendEmail: false });
      void webex.meetingInvitees.update('I', { email, panelist: true });
      // @ts-expect-error misspelled: `cohost` is not a field of CreateMeetingInviteeRequest (it is `coHost`)
      void webex.meetingInvitees.create({ meetingId: 'M', email, cohost: true });
      // @ts-expect-error missing: `meetingId` is required
      void webex.meetingInvitees.create({ email });
      // @ts-expect-error misspelled: `sendEmails` is not a field of UpdateMeetingInviteeRequest
      void webex.meetingInvitees.update('I', { email, sendEmails: true });
      // @ts-expect-error missing: `email` is required
      void webex.meetingInvitees.update('I', { displayName: 'Ada' });
    }
    expect(webex.meetingInvitees.create).toBeTypeOf('function');
    expect(webex.meetingInvitees.update).toBeTypeOf('function');
  });

  it("an operation's header parameters are named in options.headers", () => {
    if (false as boolean) {
      void webex.meetings.list(undefined, { headers: { timezone: 'Europe/Paris', password: 'secret' } });
      void webex.meetings.getForAdmin('M', undefined, { headers: { timezone: 'UTC', 'X-Other': 'kept' } });
      // @ts-expect-error wrong type: a header parameter is a string (`timezone: 'Europe/Paris'`)
      void webex.meetings.list(undefined, { headers: { timezone: 2 } });
      // @ts-expect-error wrong type: `password` is a string
      void webex.meetings.list(undefined, { headers: { password: true } });
    }
    // The names an editor offers: the header parameters, beside any other header (the index signature).
    type Headers = NonNullable<NonNullable<Parameters<typeof webex.meetings.list>[1]>['headers']>;
    type Named<T> = keyof { [K in keyof T as string extends K ? never : K]: T[K] };
    expectTypeOf<Named<Headers>>().toEqualTypeOf<'password' | 'timezone'>();
    type RoomHeaders = NonNullable<NonNullable<Parameters<typeof webex.rooms.list>[1]>['headers']>;
    expectTypeOf<Named<RoomHeaders>>().toEqualTypeOf<never>();
    expect(webex.meetings.list).toBeTypeOf('function');
  });

  it('meetingParticipants.update (no required field, no enum)', () => {
    if (false as boolean) {
      void webex.meetingParticipants.update('P', { muted: true });
      void webex.meetingParticipants.update('P', { admit: true });
      // @ts-expect-error misspelled: `mute` is not a field of MeetingParticipantUpdateRequest (it is `muted`)
      void webex.meetingParticipants.update('P', { mute: true });
      // @ts-expect-error misspelled: `expell` is not a field of MeetingParticipantUpdateRequest
      void webex.meetingParticipants.update('P', { admit: false, expell: true });
    }
    expect(webex.meetingParticipants.update).toBeTypeOf('function');
  });

  it('meetings.create and update', () => {
    const title = 'Sprint review';
    if (false as boolean) {
      void webex.meetings.create({
        title,
        start,
        end,
        timezone: 'Europe/London',
        scheduledType: 'webinar',
        unlockedMeetingJoinSecurity: 'allowJoinWithLobby',
        invitees: [{ email: 'ada@example.com', coHost: true }],
        enabledBreakoutSessions: false,
      });
      void webex.meetings.update('M', { title, start, end, unlockedMeetingJoinSecurity: 'blockFromJoin' });
      // @ts-expect-error misspelled: `enableAutoRecordMeeting` is not a field (it is `enabledAutoRecordMeeting`)
      void webex.meetings.create({ title, start, end, enableAutoRecordMeeting: true });
      // @ts-expect-error missing: `end` is required
      void webex.meetings.create({ title, start });
      // @ts-expect-error enum: `scheduledType` is meeting, webinar or personalRoomMeeting
      void webex.meetings.create({ title, start, end, scheduledType: 'webcast' });
      // @ts-expect-error enum: `unlockedMeetingJoinSecurity` is allowJoin, allowJoinWithLobby or blockFromJoin
      void webex.meetings.create({ title, start, end, unlockedMeetingJoinSecurity: 'lobby' });
      // @ts-expect-error missing: an invitee's `email` is required
      void webex.meetings.create({ title, start, end, invitees: [{ displayName: 'Ada' }] });
      // @ts-expect-error misspelled: `startTime` is not a field of UpdateMeetingRequest (it is `start`)
      void webex.meetings.update('M', { title, startTime: start });
      // @ts-expect-error enum: `unlockedMeetingJoinSecurity` is allowJoin, allowJoinWithLobby or blockFromJoin
      void webex.meetings.update('M', { unlockedMeetingJoinSecurity: 'deny' });
    }
    expect(webex.meetings.create).toBeTypeOf('function');
    expect(webex.meetings.update).toBeTypeOf('function');
  });

  it('trackingCodes.create and update', () => {
    const code: Omit<TrackingCodeRequest, 'inputMode' | 'hostProfileCode' | 'scheduleStartCodes'> = {
      name: 'Department',
      siteUrl: 'acme.webex.com',
      options: [{ value: 'Engineering', defaultValue: true }],
    };
    const scheduleStartCodes: TrackingCodeRequest['scheduleStartCodes'] = [{ service: 'All', type: 'optional' }];
    const full = { ...code, scheduleStartCodes };
    const modes = { inputMode: 'text', hostProfileCode: 'optional' } as const;
    if (false as boolean) {
      void webex.trackingCodes.create({ ...full, inputMode: 'select', hostProfileCode: 'optional' });
      void webex.trackingCodes.update('T', { ...full, inputMode: 'text', hostProfileCode: 'adminSet' });
      // @ts-expect-error misspelled: `inputmode` is not a field of TrackingCodeRequest (it is `inputMode`)
      void webex.trackingCodes.create({ ...full, inputmode: 'select', hostProfileCode: 'optional' });
      // @ts-expect-error missing: `hostProfileCode` is required
      void webex.trackingCodes.create({ ...full, inputMode: 'select' });
      // @ts-expect-error enum: `inputMode` is text, select, editableSelect or hostProfileSelect
      void webex.trackingCodes.create({ ...full, inputMode: 'dropdown', hostProfileCode: 'optional' });
      // @ts-expect-error enum: `hostProfileCode` is optional, required, adminSet or notUsed
      void webex.trackingCodes.update('T', { ...full, inputMode: 'text', hostProfileCode: 'mandatory' });
      // @ts-expect-error enum: a start code's `service` is All, MeetingCenter, EventCenter, TrainingCenter …
      void webex.trackingCodes.create({ ...code, ...modes, scheduleStartCodes: [{ service: 'Web', type: 'notUsed' }] });
      // @ts-expect-error misspelled: `scheduleStartCode` is not a field (it is `scheduleStartCodes`)
      void webex.trackingCodes.update('T', { ...code, ...modes, scheduleStartCode: [] });
      // @ts-expect-error missing: `scheduleStartCodes` is required
      void webex.trackingCodes.update('T', { ...code, ...modes });
    }
    expect(webex.trackingCodes.create).toBeTypeOf('function');
    expect(webex.trackingCodes.update).toBeTypeOf('function');
  });
});
