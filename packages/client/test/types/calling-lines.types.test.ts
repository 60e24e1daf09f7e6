// Hand-written type tests for the Calling lines themselves rather than one setting of a line: virtual lines, a
// person's language and time zone, schedules of people and of "me" (one shared shape, different required flags),
// shared-line appearance, hot desking, my endpoints, my voicemail PIN and my voice messages. Each `@ts-expect-error`
// line makes exactly one mistake, so `tsc -p packages/client` fails if that mistake ever compiles; each fits on one
// line, so formatting cannot move the error away from its directive. Calling enums are open, so a misspelt value
// compiles: the mistakes are missing fields and wrong types. The calls sit behind `if (false as boolean)`: nothing is
// sent; at run time each test only checks that the façade wires the methods.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  CallingAvailableNumber,
  CallingCountry,
  CallingMyEndpoint,
  CallingMyLocationNumber,
  CallingPersonHotDeskingAvailableMember,
  CallingPersonPrimaryAvailableNumber,
  CallingPersonSharedLineAvailableMember,
  CallingUserSchedule,
  CallingUserScheduleCreateRequest,
  CallingUserScheduleSummary,
  CallingVirtualLineCreateRequest,
  CallingVirtualLineSummary,
  CallingVoiceMessage,
  Paginated,
} from '../../src/index.js';
import { Webex } from '../../src/index.js';

const webex = new Webex({ accessToken: 'type-tests', baseUrl: 'http://127.0.0.1:9' });
const personId = 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS80MmQ3ZGMxZi0xYWMyLTQ0NGUtYmY3MC1kNmYyMGQyNzJiOTI';
const virtualLineId = 'Y2lzY29zcGFyazovL3VzL1ZJUlRVQUxfTElORS82YjgxMjk0Ny03MDhiLTQ3MzgtYjU1OS1hNmVkMjkzNDNkNDM';
const locationId = 'Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzk5NWY1MjcxLWFlZDMtNDI5NC1iOGM3LWQ3ZDU2ODdlZWVhZQ';
const scheduleId = 'Y2lzY29zcGFyazovL3VzL1NDSEVEVUxFL1YyOXlheUJvYjNWeWN3';
const eventId = 'Y2lzY29zcGFyazovL3VzL1NDSEVEVUxFX0VWRU5UL1YyVmxhMlJoZVhNPQ';

const frontDesk: CallingVirtualLineCreateRequest = {
  firstName: 'Front',
  lastName: 'Desk',
  locationId,
  extension: '1195',
};
const workHours: CallingUserScheduleCreateRequest = {
  name: 'Work hours',
  type: 'businessHours',
  events: [{ name: 'Weekdays', startDate: '2026-01-05', endDate: '2026-01-05', startTime: '08:30', endTime: '17:00' }],
};
const weekdays = {
  name: 'Weekdays',
  startDate: '2026-01-05',
  endDate: '2026-01-05',
  startTime: '08:30',
  endTime: '17:00',
};

describe('calling virtual lines: a namespace that is a resource too', () => {
  it('list, create and the setting sub-resources live on one object', () => {
    const virtualLines = webex.calling.virtualLines;
    expect(virtualLines.list).toBeTypeOf('function');
    expect(virtualLines.callForwarding.get).toBeTypeOf('function');
    expectTypeOf(virtualLines.list).returns.toEqualTypeOf<Paginated<CallingVirtualLineSummary>>();
    expectTypeOf(virtualLines.listAvailableNumbers).returns.toEqualTypeOf<Paginated<CallingAvailableNumber>>();
    expectTypeOf(webex.calling.workspaces.listAvailableNumbers).returns.toEqualTypeOf<
      Paginated<CallingAvailableNumber>
    >();
  });

  it('create needs names and a location; update takes any part', () => {
    const virtualLines = webex.calling.virtualLines;
    const { locationId: _left, ...nowhere } = frontDesk;
    if (false as boolean) {
      void virtualLines.create(frontDesk, { orgId: 'org' });
      void virtualLines.update(virtualLineId, { timeZone: 'America/Los_Angeles' });
      void virtualLines.list({ locationId, hasDeviceAssigned: true, max: 50, start: 50 });
      // @ts-expect-error missing: a virtual line is created at a location
      void virtualLines.create(nowhere);
      // @ts-expect-error type: an extension is a string, even of digits
      void virtualLines.update(virtualLineId, { extension: 1195 });
      // @ts-expect-error type: `hasDeviceAssigned` is a boolean filter
      void virtualLines.list({ hasDeviceAssigned: 'yes' });
      // @ts-expect-error type: `start` counts lines, a number (R4)
      void virtualLines.list({ start: '50' });
    }
    expect(virtualLines.create).toBeTypeOf('function');
    expect(virtualLines.update).toBeTypeOf('function');
  });
});

describe('calling people: language, time zone, primary numbers and default feature access', () => {
  it('update and updateDefaultFeatureAccess', () => {
    const people = webex.calling.people;
    expectTypeOf(people.listPrimaryAvailableNumbers).returns.toEqualTypeOf<
      Paginated<CallingPersonPrimaryAvailableNumber>
    >();
    if (false as boolean) {
      void people.update(personId, { announcementLanguage: 'fr_fr', timeZone: 'Europe/Paris' }, { orgId: 'org' });
      void people.updateDefaultFeatureAccess({ voicemail: 'NO_ACCESS' });
      void people.listPrimaryAvailableNumbers({ locationId, licenseType: 'Webex Calling Professional' });
      // @ts-expect-error type: a time zone is an IANA name, not an offset in hours
      void people.update(personId, { timeZone: -8 });
      // @ts-expect-error type: an access level is a string, not a boolean
      void people.updateDefaultFeatureAccess({ voicemail: false });
      // @ts-expect-error missing: a person's update needs a body
      void people.update(personId);
    }
    expect(people.update).toBeTypeOf('function');
    expect(people.updateDefaultFeatureAccess).toBeTypeOf('function');
  });
});

describe('calling schedules of people and of me: one shape, their own required flags', () => {
  it('both list, get and create the shared types', () => {
    const { people, me } = webex.calling;
    expectTypeOf(people.schedules.list).returns.toEqualTypeOf<Paginated<CallingUserScheduleSummary>>();
    expectTypeOf(me.schedules.get).returns.toEqualTypeOf<Promise<CallingUserSchedule>>();
    expectTypeOf(people.schedules.get).returns.toEqualTypeOf<Promise<CallingUserSchedule>>();
    expectTypeOf<Parameters<typeof me.schedules.create>[0]>().toEqualTypeOf<CallingUserScheduleCreateRequest>();
  });

  it("a person's schedule: create, update, createEvent and updateEvent", () => {
    const schedules = webex.calling.people.schedules;
    const { startTime: _left, ...untimed } = weekdays;
    const everyWeekInWords = { ...weekdays, recurrence: { recurWeekly: { recurInterval: 'one' } } };
    if (false as boolean) {
      void schedules.create(personId, workHours, { orgId: 'org' });
      void schedules.update(personId, 'businessHours', scheduleId, {
        name: 'Work hours',
        newName: 'Hours',
        type: 'businessHours',
      });
      void schedules.createEvent(personId, 'holidays', scheduleId, { ...weekdays, recurrence: { recurForEver: true } });
      void schedules.updateEvent(personId, 'businessHours', scheduleId, eventId, { ...weekdays, newName: 'Workdays' });
      void schedules.delete(personId, 'businessHours', scheduleId);
      // @ts-expect-error missing: a schedule is created with a type
      void schedules.create(personId, { name: 'Work hours' });
      // @ts-expect-error missing: a person's schedule update names what it is to be called (`newName`)
      void schedules.update(personId, 'businessHours', scheduleId, { name: 'Work hours', type: 'businessHours' });
      // @ts-expect-error missing: a person's event needs its start time
      void schedules.createEvent(personId, 'businessHours', scheduleId, untimed);
      // @ts-expect-error missing: a person's event update names what it is to be called (`newName`)
      void schedules.updateEvent(personId, 'businessHours', scheduleId, eventId, weekdays);
      // @ts-expect-error type: a recurrence's interval is a number of weeks
      void schedules.createEvent(personId, 'businessHours', scheduleId, everyWeekInWords);
      // @ts-expect-error type: the schedule type in the path is a string
      void schedules.delete(personId, 1, scheduleId);
    }
    expect(schedules.create).toBeTypeOf('function');
    expect(schedules.updateEvent).toBeTypeOf('function');
  });

  it('my schedule: create, update, createEvent and updateEvent', () => {
    const schedules = webex.calling.me.schedules;
    const wholeDays = { name: 'Away', startDate: '2026-08-03', endDate: '2026-08-14', allDayEnabled: true };
    const { allDayEnabled: _left, ...unflagged } = wholeDays;
    if (false as boolean) {
      void schedules.create(workHours);
      void schedules.update('businessHours', scheduleId, {
        name: 'Work hours',
        events: [{ name: 'Weekdays', newName: 'Workdays' }],
      });
      void schedules.createEvent('holidays', scheduleId, wholeDays);
      void schedules.updateEvent('holidays', scheduleId, eventId, { ...wholeDays, newName: 'Summer' });
      void schedules.getLocationSchedule('holidays', scheduleId);
      // @ts-expect-error missing: my schedule update needs its name
      void schedules.update('businessHours', scheduleId, { events: [] });
      // @ts-expect-error missing: my event says whether it lasts whole days
      void schedules.createEvent('holidays', scheduleId, unflagged);
      // @ts-expect-error type: an event's days are date strings
      void schedules.updateEvent('holidays', scheduleId, eventId, { ...wholeDays, startDate: new Date() });
      // @ts-expect-error path: "me" is the token's owner, no person id
      void schedules.create(personId, workHours);
    }
    expect(schedules.create).toBeTypeOf('function');
    expect(schedules.getLocationSchedule).toBeTypeOf('function');
  });
});

describe("calling shared-line appearance and hot desking of a person's lines", () => {
  it('applications: update, updateMembers, updateApplicationMembers', () => {
    const applications = webex.calling.people.applications;
    expectTypeOf(applications.listAvailableMembers).returns.toEqualTypeOf<
      Paginated<CallingPersonSharedLineAvailableMember>
    >();
    expectTypeOf(applications.listApplicationAvailableMembers).returns.toEqualTypeOf<
      Paginated<CallingPersonSharedLineAvailableMember>
    >();
    const line = { id: virtualLineId, port: 2, lineType: 'SHARED_CALL_APPEARANCE', lineWeight: 1 } as const;
    if (false as boolean) {
      void applications.update(personId, { mobileClientEnabled: true, ringDevicesForCallParkEnabled: false });
      void applications.updateMembers(personId, { members: [line] });
      void applications.updateApplicationMembers(personId, 'app', { members: [{ ...line, hotlineEnabled: false }] });
      void applications.countAvailableMembers(personId, { memberName: 'Front' });
      // @ts-expect-error type: enabling an app is a boolean
      void applications.update(personId, { desktopClientEnabled: 'on' });
      // @ts-expect-error type: a line's port is a number
      void applications.updateMembers(personId, { members: [{ ...line, port: '2' }] });
      // @ts-expect-error type: the members are a list, not one line
      void applications.updateApplicationMembers(personId, 'app', { members: line });
      // @ts-expect-error path: the per-app form needs the app's id
      void applications.getApplicationMembers(personId);
    }
    expect(applications.updateMembers).toBeTypeOf('function');
    expect(applications.updateApplicationMembers).toBeTypeOf('function');
  });

  it('hotDesking: updateVoicePortalSignIn and updateMembers', () => {
    const hotDesking = webex.calling.people.hotDesking;
    expectTypeOf(hotDesking.listAvailableMembers).returns.toEqualTypeOf<
      Paginated<CallingPersonHotDeskingAvailableMember>
    >();
    if (false as boolean) {
      void hotDesking.updateVoicePortalSignIn(personId, { voicePortalHotDeskSignInEnabled: true });
      void hotDesking.updateMembers(personId, {
        members: [{ id: virtualLineId, port: 2, memberType: 'VIRTUAL_PROFILE' }],
      });
      // @ts-expect-error type: the sign-in setting is a boolean
      void hotDesking.updateVoicePortalSignIn(personId, { voicePortalHotDeskSignInEnabled: 'true' });
      // @ts-expect-error missing: the hot desking members update sends the whole list
      void hotDesking.updateMembers(personId, {});
      // @ts-expect-error type: here `primaryOwner` is a boolean (shared lines write it as text)
      void hotDesking.updateMembers(personId, { members: [{ id: virtualLineId, primaryOwner: 'true' }] });
    }
    expect(hotDesking.updateMembers).toBeTypeOf('function');
  });
});

describe('calling me: details, endpoints, voicemail PIN and voice messages', () => {
  it('me answers and lists without a person id', () => {
    const me = webex.calling.me;
    expectTypeOf(me.listLocationNumbers).returns.toEqualTypeOf<Paginated<CallingMyLocationNumber>>();
    expectTypeOf(me.getCountry).returns.toEqualTypeOf<Promise<CallingCountry>>();
    expectTypeOf(webex.calling.countries.get).returns.toEqualTypeOf<Promise<CallingCountry>>();
    expectTypeOf(me.endpoints.get).returns.toEqualTypeOf<Promise<CallingMyEndpoint>>();
    expectTypeOf<Awaited<ReturnType<typeof webex.calling.voiceMessages.list>>['items']>().toEqualTypeOf<
      CallingVoiceMessage[] | undefined
    >();
    // R1: every message has its id and its time.
    expectTypeOf<CallingVoiceMessage['created']>().toEqualTypeOf<string>();
  });

  it('endpoints.update, updateVoicemailPin, markAsRead and markAsUnread', () => {
    const { me, voiceMessages } = webex.calling;
    if (false as boolean) {
      void me.endpoints.update('endpoint', { mobilitySettings: { alertingEnabled: false } });
      void me.updateVoicemailPin({ passcode: '740215' });
      void voiceMessages.markAsRead();
      void voiceMessages.markAsUnread({ messageId: 'message', lineOwnerId: virtualLineId });
      // @ts-expect-error missing: an endpoint's update sends its mobility settings
      void me.endpoints.update('endpoint', {});
      // @ts-expect-error missing: a new PIN is required
      void me.updateVoicemailPin({});
      // @ts-expect-error type: a PIN is a string of digits, which may start with 0
      void me.updateVoicemailPin({ passcode: 740215 });
      // @ts-expect-error type: a message id is a string
      void voiceMessages.markAsRead({ messageId: 7 });
      // @ts-expect-error path: deleting needs the message's id
      void voiceMessages.delete();
    }
    expect(me.updateVoicemailPin).toBeTypeOf('function');
    expect(voiceMessages.markAsRead).toBeTypeOf('function');
  });
});
