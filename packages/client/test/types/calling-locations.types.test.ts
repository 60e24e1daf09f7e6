// Hand-written type tests for the create and update methods of Webex Calling's location resources (calling details
// and location-wide settings, outgoing permissions, receptionist directories, schedules, voicemail groups, voice
// portals, extension checks), and for what their listings iterate. Each `@ts-expect-error` line makes exactly one
// mistake, so `tsc -p packages/client` fails if that mistake ever compiles. Calling enums accept values beyond the
// known ones, so the mistakes are missing fields and wrong types, never a wrong enum value. Each such call fits on one
// line, so formatting cannot move the error away from its directive. The calls sit behind `if (false as boolean)`:
// nothing is sent; at run time each test only checks that the façade wires the methods.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  CallingAvailableNumber,
  CallingDialPatternCollectionResponse,
  CallingLocationCallerIdNumber,
  CallingLocationEnableRequest,
  CallingLocationSummary,
  CallingReceptionistDirectoryCollectionResponse,
  CallingRouteChoice,
  CallingScheduleEventRequest,
  CallingScheduleSummary,
  CallingScheduleType,
  CallingVoicemailGroupCreateRequest,
  CallingVoicemailGroupSummary,
} from '../../src/index.js';
import { Webex } from '../../src/index.js';

const webex = new Webex({ accessToken: 'type-tests', baseUrl: 'http://127.0.0.1:9' });
const locationId = 'Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzk5NWY1MjcxLWFlZDMtNDI5NC1iOGM3LWQ3ZDU2ODdlZWVhZQ';
const memberId = 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS84ODcxMzZiZi00MzQ1LTQ0NzUtOGVmNC04NWNhMzkzYzBmNzg';
const scheduleId = 'Y2lzY29zcGFyazovL3VzL1NDSEVEVUxFL1QyWm1hV05sSUdodmRYSno';

describe('calling locations: create/update types', () => {
  it('calling.locations.enable, update and the announcement language', () => {
    const locations = webex.calling.locations;
    const location: CallingLocationEnableRequest = {
      id: locationId,
      name: 'San Jose Campus',
      timeZone: 'America/Los_Angeles',
      preferredLanguage: 'en_us',
      announcementLanguage: 'en_us',
      address: { address1: '170 W Tasman Dr', city: 'San Jose', state: 'CA', postalCode: '95134', country: 'US' },
    };
    const { timeZone: _timeZone, ...noTimeZone } = location;
    if (false as boolean) {
      void locations.enable(location, { orgId: 'org' });
      void locations.update(locationId, { routingPrefix: '8100', connection: { type: 'TRUNK', id: 'trunk' } });
      void locations.changeAnnouncementLanguage(locationId, { announcementLanguageCode: 'fr_fr', agentEnabled: true });
      // @ts-expect-error missing: enabling a location restates its `timeZone`
      void locations.enable(noTimeZone);
      // @ts-expect-error type: `enforceOutsideDialDigit` is a boolean
      void locations.update(locationId, { enforceOutsideDialDigit: 'yes' });
      // @ts-expect-error missing: the new `announcementLanguageCode` is the point of the call
      void locations.changeAnnouncementLanguage(locationId, { agentEnabled: true, serviceEnabled: true });
      // @ts-expect-error path: the location's id comes first
      void locations.update({ routingPrefix: '8100' });
    }
    expect(locations.enable).toBeTypeOf('function');
    expect(locations.update).toBeTypeOf('function');
  });

  it('calling.locations location-wide settings', () => {
    const locations = webex.calling.locations;
    const callback = { selected: 'LOCATION_MEMBER_NUMBER', locationMemberId: memberId } as const;
    if (false as boolean) {
      void locations.updateCallCaptions(locationId, {
        useOrgSettingsEnabled: false,
        locationClosedCaptionsEnabled: true,
      });
      void locations.updateEmergencyCallbackNumber(locationId, {
        selected: 'LOCATION_MEMBER_NUMBER',
        locationMemberId: memberId,
      });
      void locations.updateIntercept(locationId, {
        enabled: true,
        incoming: { type: 'INTERCEPT_ALL', announcements: { greeting: 'DEFAULT', newNumber: { enabled: false } } },
        outgoing: { type: 'ALLOW_LOCAL_ONLY' },
      });
      void locations.updateInternalDialing(locationId, {
        unknownExtensionRouteIdentity: { id: 'trunk', type: 'TRUNK' },
      });
      void locations.updateMusicOnHold(locationId, { greeting: 'CUSTOM', playlistId: 'playlist' });
      void locations.updatePrivateNetworkConnect(locationId, { networkConnectionType: 'PRIVATE_NETWORK' });
      void locations.updateVoicemail(locationId, { voicemailTranscriptionEnabled: true });
      void locations.generatePassword(locationId, { generate: ['sip'] });
      void locations.validateExtensions(locationId, { extensions: ['1001', '1002'] });
      // Open enums: a music source Webex adds later still compiles.
      void locations.updateMusicOnHold(locationId, { greeting: 'STREAM' });
      // @ts-expect-error missing: the member whose number is used (`locationMemberId`)
      void locations.updateEmergencyCallbackNumber(locationId, { selected: 'LOCATION_NUMBER' });
      // @ts-expect-error type: `elinExpiryTimeMinutes` counts minutes, a number
      void locations.updateEmergencyCallbackNumber(locationId, { ...callback, elinExpiryTimeMinutes: '60' });
      // @ts-expect-error missing: an intercept update always says whether it is `enabled`
      void locations.updateIntercept(locationId, { outgoing: { type: 'INTERCEPT_ALL' } });
      // @ts-expect-error missing: music on hold always names its source (`greeting`)
      void locations.updateMusicOnHold(locationId, { callHoldEnabled: true });
      // @ts-expect-error type: a location's voicemail transcription is switched with a boolean
      void locations.updateVoicemail(locationId, { voicemailTranscriptionEnabled: 'on' });
      // @ts-expect-error missing: a location check needs the `extensions` to check
      void locations.validateExtensions(locationId, {});
    }
    expect(locations.updateIntercept).toBeTypeOf('function');
    expect(locations.updateMusicOnHold).toBeTypeOf('function');
  });

  it('calling.extensions.validate', () => {
    const extensions = webex.calling.extensions;
    if (false as boolean) {
      void extensions.validate({ extensions: ['2001'] });
      // @ts-expect-error type: extensions are text, so leading zeros survive
      void extensions.validate({ extensions: [2001] });
    }
    expect(extensions.validate).toBeTypeOf('function');
  });

  it('calling.locationOutgoingPermissions: permissions, access codes, transfer numbers and digit patterns', () => {
    const permissions = webex.calling.locationOutgoingPermissions;
    const pattern = { name: 'Block 900', pattern: '1900XXXXXXX', action: 'BLOCK', transferEnabled: false } as const;
    const { transferEnabled: _transferEnabled, ...noTransferEnabled } = pattern;
    if (false as boolean) {
      void permissions.update(locationId, { callingPermissions: [{ callType: 'INTERNATIONAL', action: 'AUTH_CODE' }] });
      void permissions.createAccessCodes(locationId, { accessCodes: [{ code: '4711', description: 'Sales' }] });
      void permissions.deleteAccessCodes(locationId, { deleteCodes: ['4711'] });
      void permissions.updateAutoTransferNumbers(locationId, { autoTransferNumber1: '+14085550150' });
      void permissions.createDigitPattern(locationId, pattern);
      void permissions.updateDigitPattern(locationId, 'pattern', { action: 'ALLOW' });
      void permissions.updateDigitPatternSettings(locationId, { useCustomDigitPatterns: true });
      // @ts-expect-error missing: a digit pattern says whether matching calls may be transferred
      void permissions.createDigitPattern(locationId, noTransferEnabled);
      // @ts-expect-error missing: deleting access codes names them in `deleteCodes`
      void permissions.deleteAccessCodes(locationId, {});
      // @ts-expect-error type: `accessCodes` is a list of codes, not one code
      void permissions.createAccessCodes(locationId, { accessCodes: { code: '4711' } });
      // @ts-expect-error type: `transferEnabled` of a call type is a boolean
      void permissions.update(locationId, { callingPermissions: [{ callType: 'NATIONAL', transferEnabled: 1 }] });
    }
    expect(permissions.createDigitPattern).toBeTypeOf('function');
    expect(permissions.updateAutoTransferNumbers).toBeTypeOf('function');
  });

  it('calling.receptionistDirectories.create and update', () => {
    const directories = webex.calling.receptionistDirectories;
    if (false as boolean) {
      void directories.create(locationId, { name: 'Front desk', contacts: [{ personId: memberId }] });
      void directories.update(locationId, 'directory', { name: 'Front desk', contacts: [memberId] });
      // @ts-expect-error missing: a new directory lists its `contacts`
      void directories.create(locationId, { name: 'Front desk' });
      // @ts-expect-error type: an update lists the contacts' ids, not contact objects
      void directories.update(locationId, 'directory', { name: 'Front desk', contacts: [{ personId: memberId }] });
    }
    expect(directories.create).toBeTypeOf('function');
    expect(directories.update).toBeTypeOf('function');
  });

  it('calling.schedules.create, update and their events', () => {
    const schedules = webex.calling.schedules;
    const event: CallingScheduleEventRequest = {
      name: 'Christmas Day',
      startDate: '2026-12-25',
      endDate: '2026-12-25',
      allDayEnabled: true,
      recurrence: { recurForEver: true, recurYearlyByDate: { dayOfMonth: 25, month: 'DECEMBER' } },
    };
    const { endDate: _endDate, ...noEndDate } = event;
    const yearlyByText = { recurYearlyByDate: { dayOfMonth: '25', month: 'DECEMBER' } } as const;
    if (false as boolean) {
      void schedules.create(locationId, { type: 'holidays', name: 'Public holidays', events: [event] });
      void schedules.update(locationId, 'holidays', scheduleId, {
        name: 'Holidays',
        events: [{ name: 'Xmas', newName: 'Christmas' }],
      });
      void schedules.createEvent(locationId, 'holidays', scheduleId, event);
      void schedules.updateEvent(locationId, 'holidays', scheduleId, 'event', {
        ...event,
        startTime: '09:00',
        endTime: '12:00',
      });
      // @ts-expect-error missing: a schedule is either business hours or holidays (`type`)
      void schedules.create(locationId, { name: 'Public holidays' });
      // @ts-expect-error missing: an event has an `endDate`
      void schedules.createEvent(locationId, 'holidays', scheduleId, noEndDate);
      // @ts-expect-error type: `dayOfMonth` is a number
      void schedules.createEvent(locationId, 'holidays', scheduleId, { ...event, recurrence: yearlyByText });
      // @ts-expect-error missing: an update always sends the schedule's `name`
      void schedules.update(locationId, 'businessHours', scheduleId, { events: [] });
      // @ts-expect-error path: the schedule's type comes between the location and the schedule
      void schedules.get(locationId, scheduleId);
    }
    expect(schedules.create).toBeTypeOf('function');
    expect(schedules.updateEvent).toBeTypeOf('function');
  });

  it('calling.voicemailGroups.create and update', () => {
    const groups = webex.calling.voicemailGroups;
    const group: CallingVoicemailGroupCreateRequest = {
      name: 'Sales voicemail',
      extension: 1800,
      passcode: 740384,
      languageCode: 'en_us',
      messageStorage: { storageType: 'INTERNAL' },
      notifications: { enabled: false },
      faxMessage: { enabled: false },
      transferToNumber: { enabled: false },
      emailCopyOfMessage: { enabled: false },
    };
    const { passcode: _passcode, ...noPasscode } = group;
    if (false as boolean) {
      void groups.create(locationId, { ...group, directLineCallerIdName: { selection: 'DISPLAY_NAME' } });
      void groups.update(locationId, 'group', { enabled: false, greeting: 'DEFAULT' });
      // @ts-expect-error missing: a new voicemail group needs its `passcode`
      void groups.create(locationId, noPasscode);
      // @ts-expect-error type: the facts type `extension` as a number (wxc_sdk sends text; see the spec)
      void groups.create(locationId, { ...group, extension: '1800' });
      // @ts-expect-error type: `enabled` is a boolean
      void groups.update(locationId, 'group', { enabled: 'false' });
    }
    expect(groups.create).toBeTypeOf('function');
    expect(groups.update).toBeTypeOf('function');
  });

  it('calling.voicePortals.update', () => {
    const portals = webex.calling.voicePortals;
    if (false as boolean) {
      void portals.update(locationId, {
        extension: '1999',
        passcode: { newPasscode: '740384', confirmPasscode: '740384' },
      });
      // @ts-expect-error type: a voice portal's `extension` is text
      void portals.update(locationId, { extension: 1999 });
    }
    expect(portals.update).toBeTypeOf('function');
  });

  it('schedule types are open: known values offered, any text accepted, nothing else', () => {
    expectTypeOf<'businessHours'>().toExtend<CallingScheduleType>();
    expectTypeOf<'holidays'>().toExtend<CallingScheduleType>();
    expectTypeOf<'lunchBreaks'>().toExtend<CallingScheduleType>();
    expectTypeOf<number>().not.toExtend<CallingScheduleType>();
  });

  it('listings iterate the items of their answer field', () => {
    const locations = webex.calling.locations;
    expectTypeOf(locations.list().first()).resolves.toEqualTypeOf<CallingLocationSummary | undefined>();
    // One item type for the listings of a location's numbers (specs/components/calling-settings).
    expectTypeOf(locations.listAvailableNumbers(locationId).first()).resolves.toEqualTypeOf<
      CallingAvailableNumber | undefined
    >();
    expectTypeOf(locations.listCallInterceptAvailableNumbers(locationId).first()).resolves.toEqualTypeOf<
      CallingAvailableNumber | undefined
    >();
    expectTypeOf(locations.listChargeNumberAvailableNumbers(locationId).first()).resolves.toEqualTypeOf<
      CallingAvailableNumber | undefined
    >();
    expectTypeOf(locations.listEmergencyCallbackAvailableNumbers(locationId).first()).resolves.toEqualTypeOf<
      CallingAvailableNumber | undefined
    >();
    expectTypeOf(locations.listExternalCallerIdAvailableNumbers(locationId).first()).resolves.toEqualTypeOf<
      CallingLocationCallerIdNumber | undefined
    >();
    expectTypeOf(locations.listWebexGoAvailableNumbers(locationId).first()).resolves.toEqualTypeOf<
      CallingAvailableNumber | undefined
    >();
    expectTypeOf(webex.calling.routeChoices.list().first()).resolves.toEqualTypeOf<CallingRouteChoice | undefined>();
    expectTypeOf(webex.calling.dialPatterns.list('plan').first()).resolves.toEqualTypeOf<string | undefined>();
    expectTypeOf(webex.calling.schedules.list(locationId).first()).resolves.toEqualTypeOf<
      CallingScheduleSummary | undefined
    >();
    expectTypeOf(webex.calling.voicemailGroups.list().first()).resolves.toEqualTypeOf<
      CallingVoicemailGroupSummary | undefined
    >();
    expectTypeOf(webex.calling.voicemailGroups.listAvailableNumbers(locationId).first()).resolves.toEqualTypeOf<
      CallingAvailableNumber | undefined
    >();
    expectTypeOf(webex.calling.voicePortals.listAvailableNumbers(locationId).first()).resolves.toEqualTypeOf<
      CallingAvailableNumber | undefined
    >();
    // Listings Webex answers whole are returned whole.
    expectTypeOf(
      webex.calling.receptionistDirectories.list(locationId),
    ).resolves.toEqualTypeOf<CallingReceptionistDirectoryCollectionResponse>();
    expectTypeOf<CallingDialPatternCollectionResponse['dialPatterns']>().toEqualTypeOf<string[] | undefined>();
  });
});
