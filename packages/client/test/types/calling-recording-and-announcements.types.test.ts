// Hand-written type tests for the create and update methods of Webex Calling's call recording settings, converged
// recordings, announcement repository, announcement playlists and operating modes, and for what their listings
// iterate. Each `@ts-expect-error` line makes exactly one mistake, so `tsc -p packages/client` fails if that mistake
// ever compiles. Calling enums accept values beyond the known ones, so the mistakes are missing fields and wrong
// types, never a wrong enum value. Each such call fits on one line, so formatting cannot move the error away from its
// directive. The calls sit behind `if (false as boolean)`: nothing is sent; at run time each test only checks that the
// façade wires the methods.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  CallingAnnouncementList,
  CallingAnnouncementPlaylistList,
  CallingAnnouncementSummary,
  CallingCallRecordingRegionList,
  CallingCallRecordingVendorUser,
  CallingConvergedRecording,
  CallingOperatingModeAvailableList,
  CallingAvailableNumber,
  CallingOperatingModeSummary,
} from '../../src/index.js';
import { Webex } from '../../src/index.js';

const webex = new Webex({ accessToken: 'type-tests', baseUrl: 'http://127.0.0.1:9' });
const locationId = 'Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzJiMmMxZDUwLTdhMWUtNGQxZi05ZTNjLTVmMGY4ZjFiMmEzMQ';
const fileId = 'Y2lzY29zcGFyazovL3VzL0FOTk9VTkNFTUVOVC85ZjJhNmMzMS0wZDRlLTRhN2ItOGMxNS0zZTJmMWIwYTdkNjg';

describe('calling recording, announcements and operating modes: create/update types', () => {
  it('calling.callRecording: settings, announcements, compliance announcement, vendors and terms of service', () => {
    const recording = webex.calling.callRecording;
    const custom = { type: 'CUSTOM', audioAnnouncementFileId: fileId } as const;
    if (false as boolean) {
      void recording.update({ enabled: true }, { orgId: 'org' });
      void recording.updateAnnouncements({ start: custom, stop: { type: 'DEFAULT' } });
      void recording.updateLocationAnnouncements(locationId, { useOrgLevelAnnouncementEnabled: false, pause: custom });
      void recording.updateComplianceAnnouncement({ inboundPSTNCallsEnabled: true, delayInSeconds: 10 });
      void recording.updateLocationComplianceAnnouncement(locationId, { customComplianceAnnouncement: custom });
      void recording.setVendor({ vendorId: 'v', storageRegion: 'US', failureBehavior: 'END_CALL_WITH_ANNOUNCEMENT' });
      void recording.setLocationVendor(locationId, { orgDefaultEnabled: true });
      void recording.updateTermsOfService('v', { termsOfServiceEnabled: true });
      // @ts-expect-error missing: turning recording on or off needs `enabled`
      void recording.update({});
      // @ts-expect-error type: `enabled` is a boolean, not the text 'true'
      void recording.update({ enabled: 'true' });
      // @ts-expect-error missing: setting the organization's vendor needs its `vendorId`
      void recording.setVendor({ storageRegion: 'US' });
      // @ts-expect-error type: `delayInSeconds` counts seconds, a number
      void recording.updateComplianceAnnouncement({ delayInSeconds: '10' });
      // @ts-expect-error misspelled: a choice names its file by `audioAnnouncementFileId`, not `audioAnnouncementFile`
      void recording.updateAnnouncements({ start: { type: 'CUSTOM', audioAnnouncementFile: fileId } });
      // @ts-expect-error missing: accepting terms of service needs `termsOfServiceEnabled`
      void recording.updateTermsOfService('v', {});
      // @ts-expect-error path: a location's announcements need the location's id first
      void recording.updateLocationAnnouncements({ useOrgLevelAnnouncementEnabled: true });
    }
    expect(recording.update).toBeTypeOf('function');
    expect(recording.setLocationVendor).toBeTypeOf('function');
  });

  it('calling.convergedRecordings: reassign and the recycle bin', () => {
    const recordings = webex.calling.convergedRecordings;
    if (false as boolean) {
      void recordings.reassign({ reassignOwnerEmail: 'ana@example.com', ownerEmail: 'leo@example.com' });
      void recordings.softDelete({ recordingIds: ['r1', 'r2'] });
      void recordings.restore({ restoreAll: true, ownerEmail: 'leo@example.com' });
      void recordings.purge({ purgeAll: true });
      void recordings.get('r1', { timezone: 'America/Denver' });
      // @ts-expect-error missing: reassigning needs the new owner (`reassignOwnerEmail`)
      void recordings.reassign({ recordingIds: ['r1'] });
      // @ts-expect-error type: `recordingIds` is a list of ids, not one id
      void recordings.softDelete({ recordingIds: 'r1' });
      // @ts-expect-error type: `showAllTypes` is a boolean
      void recordings.getMetadata('r1', { showAllTypes: 'yes' });
    }
    expect(recordings.reassign).toBeTypeOf('function');
    expect(recordings.softDelete).toBeTypeOf('function');
  });

  it('calling.announcements: the repository and text-to-speech', () => {
    const announcements = webex.calling.announcements;
    const announcement = {
      name: 'Main menu greeting',
      fileUri: 'https://files.example.webex.com/announcements/main-menu.wav',
      fileName: 'main-menu.wav',
      isTextToSpeech: false,
    };
    const { fileUri: _fileUri, ...noFileUri } = announcement;
    if (false as boolean) {
      void announcements.create(announcement);
      void announcements.update(fileId, { ...announcement, name: 'Greeting' });
      void announcements.createForLocation(locationId, announcement, { orgId: 'org' });
      void announcements.updateForLocation(locationId, fileId, announcement);
      void announcements.generateTextToSpeech({ voice: 'en-US-Female-1', text: 'Hello', languageCode: 'en-US' });
      // @ts-expect-error missing: an announcement needs the `fileUri` of its audio
      void announcements.create(noFileUri);
      // @ts-expect-error type: `isTextToSpeech` is a boolean
      void announcements.update(fileId, { ...announcement, isTextToSpeech: 'no' });
      // @ts-expect-error missing: generating speech needs its `languageCode`
      void announcements.generateTextToSpeech({ voice: 'en-US-Female-1', text: 'Hello' });
      // @ts-expect-error path: a location's announcement needs the location's id and the announcement's id
      void announcements.updateForLocation(fileId, announcement);
      // @ts-expect-error R4: `max` counts, so it is a number, not a string
      void announcements.list({ max: '50' });
    }
    expect(announcements.create).toBeTypeOf('function');
    expect(announcements.generateTextToSpeech).toBeTypeOf('function');
  });

  it('calling.announcementPlaylists: create, update and locations', () => {
    const playlists = webex.calling.announcementPlaylists;
    if (false as boolean) {
      void playlists.create({ name: 'Hold music', announcementIds: [fileId] });
      void playlists.update('p', { announcementIds: [fileId] });
      void playlists.updateLocations('p', { locationIds: [locationId] });
      void playlists.getUsage('p', { playlistUsageType: 'feature' });
      // @ts-expect-error missing: a new playlist needs its `announcementIds`
      void playlists.create({ name: 'Hold music' });
      // @ts-expect-error type: `announcementIds` is a list of ids
      void playlists.update('p', { announcementIds: fileId });
      // @ts-expect-error missing: assigning locations needs `locationIds`
      void playlists.updateLocations('p', {});
    }
    expect(playlists.create).toBeTypeOf('function');
    expect(playlists.updateLocations).toBeTypeOf('function');
  });

  it('calling.operatingModes: modes and their holidays', () => {
    const modes = webex.calling.operatingModes;
    const mode = {
      name: 'Office hours',
      type: 'SAME_HOURS_DAILY',
      level: 'LOCATION',
      locationId,
      sameHoursDaily: { mondayToFriday: { enabled: true, startTime: '08:00', endTime: '17:30' } },
      callForwarding: { enabled: false },
    } as const;
    const { callForwarding: _callForwarding, ...noForwarding } = mode;
    const holiday = {
      name: 'Thanksgiving',
      allDayEnabled: true,
      startDate: '2026-11-26T00:00:00.000Z',
      endDate: '2026-11-26T00:00:00.000Z',
    };
    const { startDate: _startDate, ...noStartDate } = holiday;
    if (false as boolean) {
      void modes.create(mode);
      void modes.update('m', { name: 'Opening hours', callForwarding: { enabled: true, destination: '+13035550100' } });
      void modes.createHoliday('m', {
        ...holiday,
        recurrence: { recurYearlyByDay: { day: 'THURSDAY', week: 'FOURTH', month: 'NOVEMBER' } },
      });
      void modes.updateHoliday('m', 'h', { allDayEnabled: false, startTime: '12:00', endTime: '17:00' });
      void modes.list({ limitToLocationId: locationId, limitToOrgLevelEnabled: true });
      // @ts-expect-error missing: a new mode says what happens to calls (`callForwarding`)
      void modes.create(noForwarding);
      // @ts-expect-error missing: a holiday needs its `startDate`
      void modes.createHoliday('m', noStartDate);
      // @ts-expect-error type: `dayOfMonth` is a number
      void modes.updateHoliday('m', 'h', { recurrence: { recurYearlyByDate: { dayOfMonth: '26', month: 'JULY' } } });
      // @ts-expect-error missing: the listing is always limited to a location (`limitToLocationId`)
      void modes.list({ name: 'Office' });
      // @ts-expect-error type: `allDayEnabled` of a day schedule is a boolean
      void modes.update('m', { sameHoursDaily: { saturdayToSunday: { allDayEnabled: 1 } } });
    }
    expect(modes.create).toBeTypeOf('function');
    expect(modes.createHoliday).toBeTypeOf('function');
  });

  it('listings iterate their items, or answer whole where the listing does not page', () => {
    expectTypeOf(webex.calling.announcements.list().first()).resolves.toEqualTypeOf<
      CallingAnnouncementSummary | undefined
    >();
    expectTypeOf(webex.calling.operatingModes.list({ limitToLocationId: locationId }).first()).resolves.toEqualTypeOf<
      CallingOperatingModeSummary | undefined
    >();
    expectTypeOf(
      webex.calling.operatingModes.listCallForwardAvailableNumbers(locationId).first(),
    ).resolves.toEqualTypeOf<CallingAvailableNumber | undefined>();
    expectTypeOf(webex.calling.convergedRecordings.list().first()).resolves.toEqualTypeOf<
      CallingConvergedRecording | undefined
    >();
    expectTypeOf(webex.calling.convergedRecordings.listForAdmin().first()).resolves.toEqualTypeOf<
      CallingConvergedRecording | undefined
    >();
    expectTypeOf(webex.calling.callRecording.listVendorUsers().first()).resolves.toEqualTypeOf<
      CallingCallRecordingVendorUser | undefined
    >();
    expectTypeOf(webex.calling.callRecording.listLocationVendorUsers(locationId).first()).resolves.toEqualTypeOf<
      CallingCallRecordingVendorUser | undefined
    >();
    expectTypeOf(webex.calling.announcementPlaylists.list()).resolves.toEqualTypeOf<CallingAnnouncementPlaylistList>();
    expectTypeOf(
      webex.calling.operatingModes.listAvailable(locationId),
    ).resolves.toEqualTypeOf<CallingOperatingModeAvailableList>();
    expectTypeOf(webex.calling.callRecording.listRegions()).resolves.toEqualTypeOf<CallingCallRecordingRegionList>();
    expectTypeOf<CallingAnnouncementList['announcements']>().toEqualTypeOf<CallingAnnouncementSummary[] | undefined>();
  });
});
