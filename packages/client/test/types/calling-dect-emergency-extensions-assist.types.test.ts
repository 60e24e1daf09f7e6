// Hand-written type tests for the create and update methods of Webex Calling's DECT networks, emergency services
// (call notification, RedSky), virtual extensions, Customer Assist and location features, and for what their listings
// give. Each `@ts-expect-error` line makes exactly one mistake, so `tsc -p packages/client` fails if that mistake ever
// compiles. Calling enums accept values beyond the known ones, so the mistakes are missing fields and wrong types,
// never a wrong enum value. Each such call fits on one line, so formatting cannot move the error away from its
// directive. The calls sit behind `if (false as boolean)`: nothing is sent; at run time each test only checks that
// the façade wires the methods.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  CallingCustomerAssistAgentList,
  CallingCustomerAssistRecordMode,
  CallingCustomerAssistWrapUpReasonList,
  CallingDectNetworkAvailableMember,
  CallingDectNetworkCreateRequest,
  CallingDectNetworkHandsetList,
  CallingDectNetworkList,
  CallingEmergencyComplianceOverview,
  CallingEmergencyRedSkyLoginRequest,
  CallingAvailableNumber,
  CallingVirtualExtension,
  CallingVirtualExtensionCreateRequest,
  CallingVirtualExtensionRange,
} from '../../src/index.js';
import { Webex } from '../../src/index.js';

const webex = new Webex({ accessToken: 'type-tests', baseUrl: 'http://127.0.0.1:9' });
const locationId = 'Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzk1NjU2OTgyLTYwNTYtNGUyYS05ZGFkLTE1NTIxMDBjNTUyOQ';
const networkId = 'Y2lzY29zcGFyazovL3VzL0RFQ1RfREVWX05FVFdPUksvNDMxZTE4NmEtYTkwNi00ZmI5LTk4M2EtYWFmMmVhYjJhYTM5';
const handsetId = 'Y2lzY29zcGFyazovL3VzL0RFQ1RfREVWX0hBTkRTRVQvNjNlOGNmMWItOTI3ZS00OTEwLWEzNTgtMjRjNWQ5NDc4NTI1';
const personId = 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9kNmQwNDNmYS04YzFkLTQyMDgtYTQ0Mi0zNmU4OWI2ZjAxOTY';
const queueId = 'Y2lzY29zcGFyazovL3VzL0NBTExfUVVFVUUvZTU4NzQ1N2YtNGQ5ZC00NGVkLTg0NGEtNTJlYzA0MzcyZTA3';
const reasonId = 'Y2lzY29zcGFyazovL3VzL1dSQVBVUF9SRUFTT04vMzhhNjc4NWUtOTBkNS00MDE3LWE2ZjUtOTEwZjU0OGFlYzE5';

describe('calling DECT networks, emergency services, virtual extensions, Customer Assist: create/update types', () => {
  it('calling.dectNetworks.create, update and the base station and handset methods', () => {
    const networks = webex.calling.dectNetworks;
    const network: CallingDectNetworkCreateRequest = {
      name: 'Warehouse North',
      model: 'DMS Cisco DBS210',
      defaultAccessCodeEnabled: true,
      defaultAccessCode: '5831',
    };
    const { defaultAccessCode: _code, ...noCode } = network;
    const { model: _model, ...update } = network;
    const handset = { line1MemberId: personId, customDisplayName: 'Maria - Dock' };
    if (false as boolean) {
      void networks.create(locationId, { ...network, displayName: 'Warehouse' }, { orgId: 'org' });
      // Open enums: a base-station model Webex adds later still compiles.
      void networks.create(locationId, { ...network, model: 'Cisco DECT 410 Base' });
      void networks.update(locationId, networkId, update);
      void networks.createBaseStations(locationId, networkId, { baseStationMacs: ['0C1167A3F2B0'] });
      void networks.addHandset(locationId, networkId, { ...handset, line2MemberId: personId });
      void networks.addHandsets(locationId, networkId, { items: [{ line1MemberId: personId }] });
      void networks.updateHandset(locationId, networkId, handsetId, handset);
      void networks.deleteHandsets(locationId, networkId, { handsetIds: [], deleteAll: true });
      void networks.updateServiceabilityPassword(locationId, networkId, { enabled: false });
      // @ts-expect-error missing: a network needs its `defaultAccessCode`, even when it is empty
      void networks.create(locationId, noCode);
      // @ts-expect-error missing: the model is chosen at creation and cannot be left out
      void networks.create(locationId, update);
      // @ts-expect-error type: `defaultAccessCodeEnabled` is a boolean
      void networks.update(locationId, networkId, { ...update, defaultAccessCodeEnabled: 'true' });
      // @ts-expect-error type: `model` is text, not a number
      void networks.create(locationId, { ...network, model: 210 });
      // @ts-expect-error missing: a handset always names the member on its first line
      void networks.addHandset(locationId, networkId, { customDisplayName: 'Maria - Dock' });
      // @ts-expect-error missing: an update sends the handset's `customDisplayName` again
      void networks.updateHandset(locationId, networkId, handsetId, { line1MemberId: personId });
      // @ts-expect-error type: `baseStationMacs` is a list of MAC addresses, not one
      void networks.createBaseStations(locationId, networkId, { baseStationMacs: '0C1167A3F2B0' });
      // @ts-expect-error missing: deleting handsets names them (`handsetIds`), even with `deleteAll`
      void networks.deleteHandsets(locationId, networkId, { deleteAll: true });
      // @ts-expect-error missing: the serviceability password setting is the one switch `enabled`
      void networks.updateServiceabilityPassword(locationId, networkId, {});
      // @ts-expect-error path: a network lives in a location, whose id comes first
      void networks.update(networkId, update);
    }
    expect(networks.create).toBeTypeOf('function');
    expect(networks.addHandsets).toBeTypeOf('function');
  });

  it('calling.emergencyServices call notification and RedSky', () => {
    const emergency = webex.calling.emergencyServices;
    const login: CallingEmergencyRedSkyLoginRequest = { email: 'admin@example.com', password: 'not-a-real-one' };
    const { password: _password, ...noPassword } = login;
    const address = { addressLine1: '4800 Dahlia St', city: 'Denver', stateOrProvince: 'CO', country: 'US' };
    if (false as boolean) {
      void emergency.updateCallNotification({ emergencyCallNotificationEnabled: true, emailAddress: 'a@example.com' });
      void emergency.updateLocationCallNotification(locationId, { emergencyCallNotificationEnabled: false });
      void emergency.createLocationRedSkyBuilding(locationId, { alertingEmail: 'a@example.com', address });
      void emergency.updateLocationRedSkyBuilding(locationId, { address });
      void emergency.updateLocationComplianceStatus(locationId, { complianceStatus: 'ALERTS' });
      void emergency.updateComplianceStatus({ complianceStatus: 'ROUTING_ENABLED' });
      void emergency.createRedSkyAccount({ email: 'admin@example.com', orgPrefix: 'wxc-whs' });
      void emergency.logInToRedSky({ ...login, redSkyOrgId: 'redsky-org' });
      void emergency.updateRedSkyServiceSettings({ enabled: true, companyId: 'company', secret: 'secret' });
      void emergency.getComplianceStatusWithLocations({ start: 0, max: 50, order: 'name' });
      // @ts-expect-error missing: RedSky alerts someone, so a building needs its `alertingEmail`
      void emergency.createLocationRedSkyBuilding(locationId, { address });
      // @ts-expect-error missing: a login needs the administrator's `password`
      void emergency.logInToRedSky(noPassword);
      // @ts-expect-error missing: a new RedSky account needs its administrator's `email`
      void emergency.createRedSkyAccount({ orgPrefix: 'wxc' });
      // @ts-expect-error missing: the service settings always say whether RedSky is `enabled`
      void emergency.updateRedSkyServiceSettings({ companyId: 'company' });
      // @ts-expect-error missing: a compliance update names the step to move to
      void emergency.updateComplianceStatus({});
      // @ts-expect-error type: `emergencyCallNotificationEnabled` is a boolean
      void emergency.updateCallNotification({ emergencyCallNotificationEnabled: 'yes' });
      // @ts-expect-error type: `complianceStatus` is text, not a step number
      void emergency.updateLocationComplianceStatus(locationId, { complianceStatus: 2 });
      // @ts-expect-error R4: `max` counts locations, so it is a number, not a string
      void emergency.getComplianceStatusWithLocations({ max: '50' });
    }
    expect(emergency.logInToRedSky).toBeTypeOf('function');
    expect(emergency.updateComplianceStatus).toBeTypeOf('function');
  });

  it('calling.virtualExtensions create, update, ranges and settings', () => {
    const extensions = webex.calling.virtualExtensions;
    const extension: CallingVirtualExtensionCreateRequest = {
      displayName: 'Tom Berger (plant)',
      phoneNumber: '+13035557301',
      extension: '7301',
    };
    const { phoneNumber: _phoneNumber, ...noNumber } = extension;
    if (false as boolean) {
      void extensions.create({ ...extension, firstName: 'Tom', lastName: 'Berger', locationId });
      void extensions.update('id', { phoneNumber: '+13035557302' });
      void extensions.createRange({ name: 'Plant PBX', prefix: '+13035557', patterns: ['2XXX'] });
      void extensions.updateRange('range', { patterns: ['30XX'], action: 'ADD' });
      void extensions.validateRange({ prefix: '+13035557', patterns: ['2XXX'], rangeId: 'range' });
      void extensions.validateNumbers({ phoneNumbers: ['+13035557301'] });
      void extensions.updateSettings({ mode: 'STANDARD' });
      // @ts-expect-error missing: a virtual extension rings an external `phoneNumber`
      void extensions.create(noNumber);
      // @ts-expect-error missing: a range needs its `prefix`
      void extensions.createRange({ name: 'Plant PBX' });
      // @ts-expect-error type: `patterns` is a list of patterns, not one
      void extensions.createRange({ name: 'Plant PBX', prefix: '+13035557', patterns: '2XXX' });
      // @ts-expect-error type: `extension` is written as text ('7301'), not a number
      void extensions.update('id', { extension: 7301 });
      // @ts-expect-error missing: the settings update always sends the `mode`
      void extensions.updateSettings({});
      // @ts-expect-error missing: the numbers to check (`phoneNumbers`) are required
      void extensions.validateNumbers({});
    }
    expect(extensions.create).toBeTypeOf('function');
    expect(extensions.createRange).toBeTypeOf('function');
  });

  it('calling.customerAssist wrap-up reasons, queue settings and screen pop', () => {
    const assist = webex.calling.customerAssist;
    const record: CallingCustomerAssistRecordMode = 'Always with Pause/Resume';
    const unnamed = { fileName: 'recording-stopped.wav', mediaFileType: 'WAV' } as const;
    const unnamedFile = { announcements: { stop: { type: 'CUSTOM', audioAnnouncementFile: unnamed } } } as const;
    if (false as boolean) {
      void assist.createWrapUpReason({ name: 'Order placed', queues: [queueId], assignAllQueuesEnabled: false });
      void assist.updateWrapUpReason(reasonId, { queuesToAssign: [queueId], unassignAllQueuesEnabled: false });
      void assist.validateWrapUpReasonName({ name: 'Order placed' });
      void assist.updateQueueWrapUpSettings(locationId, queueId, { wrapupReasons: [reasonId], wrapupTimer: 60 });
      void assist.updateQueueScreenPop(locationId, queueId, { enabled: true, queryParams: { source: 'webex' } });
      void assist.updateQueueCallRecording(locationId, queueId, { enabled: true, record });
      void assist.updateQueueCallRecording(locationId, queueId, {
        announcements: { start: { type: 'CUSTOM', audioAnnouncementFile: { id: 'file', mediaFileType: 'WAV' } } },
      });
      // @ts-expect-error missing: a wrap-up reason needs its `name`
      void assist.createWrapUpReason({ description: 'The caller ordered' });
      // @ts-expect-error type: `wrapupTimer` counts seconds, a number
      void assist.updateQueueWrapUpSettings(locationId, queueId, { wrapupTimer: '60' });
      // @ts-expect-error type: `queuesToAssign` is a list of queue ids, not one
      void assist.updateWrapUpReason(reasonId, { queuesToAssign: queueId });
      // @ts-expect-error type: screen pop query parameters are text values
      void assist.updateQueueScreenPop(locationId, queueId, { queryParams: { queue: 7 } });
      // @ts-expect-error type: a recording's `repeat.interval` is a number of seconds
      void assist.updateQueueCallRecording(locationId, queueId, { repeat: { interval: '15', enabled: true } });
      // @ts-expect-error missing: an announcement file is named by its `id`
      void assist.updateQueueCallRecording(locationId, queueId, unnamedFile);
    }
    expect(assist.createWrapUpReason).toBeTypeOf('function');
    expect(assist.updateQueueCallRecording).toBeTypeOf('function');
  });

  it('calling.locationFeatures hot desking and single number reach numbers', () => {
    const features = webex.calling.locationFeatures;
    if (false as boolean) {
      void features.updateVoicePortalHotDesking(locationId, { voicePortalHotDeskSignInEnabled: true });
      void features.listSingleNumberReachAvailableNumbers(locationId, {
        phoneNumber: '+13035550100,+13035550177',
        max: 50,
      });
      // @ts-expect-error type: `voicePortalHotDeskSignInEnabled` is a boolean
      void features.updateVoicePortalHotDesking(locationId, { voicePortalHotDeskSignInEnabled: 'on' });
      // @ts-expect-error R4: `start` counts numbers, so it is a number, not a string
      void features.listSingleNumberReachAvailableNumbers(locationId, { start: '0' });
    }
    expect(features.updateVoicePortalHotDesking).toBeTypeOf('function');
  });

  it('listings: Link-paged ones iterate their items, whole ones answer their envelope', () => {
    expectTypeOf(webex.calling.dectNetworks.listAvailableMembers().first()).resolves.toEqualTypeOf<
      CallingDectNetworkAvailableMember | undefined
    >();
    expectTypeOf(webex.calling.virtualExtensions.list().first()).resolves.toEqualTypeOf<
      CallingVirtualExtension | undefined
    >();
    expectTypeOf(webex.calling.virtualExtensions.listRanges().first()).resolves.toEqualTypeOf<
      CallingVirtualExtensionRange | undefined
    >();
    expectTypeOf(
      webex.calling.locationFeatures.listSingleNumberReachAvailableNumbers(locationId).first(),
    ).resolves.toEqualTypeOf<CallingAvailableNumber | undefined>();
    expectTypeOf(webex.calling.dectNetworks.list()).resolves.toEqualTypeOf<CallingDectNetworkList>();
    expectTypeOf(
      webex.calling.dectNetworks.listHandsets(locationId, networkId),
    ).resolves.toEqualTypeOf<CallingDectNetworkHandsetList>();
    expectTypeOf(
      webex.calling.customerAssist.listWrapUpReasons(),
    ).resolves.toEqualTypeOf<CallingCustomerAssistWrapUpReasonList>();
    expectTypeOf(
      webex.calling.customerAssist.listAvailableAgents(locationId),
    ).resolves.toEqualTypeOf<CallingCustomerAssistAgentList>();
    expectTypeOf(
      webex.calling.emergencyServices.getComplianceStatusWithLocations(),
    ).resolves.toEqualTypeOf<CallingEmergencyComplianceOverview>();
  });
});
