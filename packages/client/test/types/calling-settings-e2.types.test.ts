// Hand-written type tests for the executive, hoteling, preferred answer endpoint, mode management, Teams, feature
// access, services and secondary-number settings of people, workspaces and the caller ("me"), and for the caller's
// secondary lines. Each `@ts-expect-error` line makes exactly one mistake, so `tsc -p packages/client` fails if that
// mistake ever compiles; each fits on one line, so formatting cannot move the error away from its directive. The
// calls sit behind `if (false as boolean)`: nothing is sent; at run time each test only checks that the façade wires
// the methods.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  CallingAvailableNumber,
  CallingExecutiveAlert,
  CallingExecutiveAvailableAssistant,
  CallingExecutiveAvailableAssistantList,
  CallingExecutiveCallFilteringCriteria,
  CallingExecutiveCallFilteringCriteriaId,
  CallingModeManagementFeatureList,
  CallingMyHotelingHost,
  CallingPersonModeManagementAvailableFeature,
  CallingPreferredAnswerEndpoint,
  CallingPreferredAnswerEndpointList,
  CallingServices,
  CallingVoicemail,
  Paginated,
} from '../../src/index.js';
import { Webex } from '../../src/index.js';

const webex = new Webex({ accessToken: 'type-tests', baseUrl: 'http://127.0.0.1:9' });
const personId = 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9hYzM3YzBlZi0xMDJmLTQzOTgtOWVjOS0zN2M1MGZiMWRmYjY';
const assistantId = 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9kNzNhMmU5Ni1jOWFkLTRhNGUtOGFiOS0zNzE2MWZiMTMxNTk';
const workspaceId = 'Y2lzY29zcGFyazovL3VzL1BMQUNFL2JkMjJhNjkxLTUwMGMtNDZjNS1iYzM1LTRlMTU5ODBkY2IwYg';
const criteriaId =
  'Y2lzY29zcGFyazovL3VzL0NBTExfRklMVEVSSU5HX0NSSVRFUklBL2NhNDIyMmYyLTc1ZGYtNDQwYy1hZDRhLWQ4ZTExMDIzM2M5YQ';
const featureId = 'Y2lzY29zcGFyazovL3VzL0FVVE9fQVRURU5EQU5UL2ZkYjkwMmFjLWVkMzQtNDY3YS04OTllLTEwNWIyY2E5NWM4Mw';
const modeId = 'Y2lzY29zcGFyazovL3VzL09QRVJBVElOR19NT0RFLzA2ZjVlMTU1LTI2MmEtNDVhZS04YjNhLTYzMDY0MDEyNGE5Ng';
const lineOwnerId = 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9jMGQxNjE1NS05ZGM4LTQ0NmItOWUwMy0zNDlkMGJlYTg5MTc';

const rollOverToVoicemail: CallingExecutiveAlert = {
  alertingMode: 'SEQUENTIAL',
  nextAssistantNumberOfRings: 3,
  rolloverEnabled: true,
  rolloverAction: 'VOICE_MESSAGING',
};

describe('calling executive: one shape per part for people and me', () => {
  it('alerts, assistants, screening and filtering update with their own shapes', async () => {
    const { people, me } = webex.calling;
    expectTypeOf(people.executive.getAlert).returns.toEqualTypeOf<Promise<CallingExecutiveAlert>>();
    expectTypeOf(me.executive.getAlert).returns.toEqualTypeOf<Promise<CallingExecutiveAlert>>();
    if (false as boolean) {
      void people.executive.updateAlert(personId, rollOverToVoicemail, { orgId: 'org' });
      void me.executive.updateAlert(await me.executive.getAlert());
      void people.executive.updateAssignedAssistants(personId, { assistantIds: [assistantId] });
      void me.executive.updateAssignedAssistants({ assistantIds: [assistantId], allowOptInOutEnabled: true });
      void people.executive.updateAssistantSettings(personId, { executives: [{ personId, optInEnabled: true }] });
      void me.executive.updateScreening({ enabled: true, alertType: 'RING_SPLASH' });
      void people.executive.updateCallFiltering(personId, { criteriaActivation: [{ id: criteriaId }] });
      // @ts-expect-error type: rolloverWaitTimeInSecs counts seconds, a number
      void people.executive.updateAlert(personId, { rolloverWaitTimeInSecs: '30' });
      // @ts-expect-error field: only the caller's own update takes allowOptInOutEnabled
      void people.executive.updateAssignedAssistants(personId, { allowOptInOutEnabled: true });
      // @ts-expect-error type: assistantIds is a list of ids, not one id
      void me.executive.updateAssignedAssistants({ assistantIds: assistantId });
      // @ts-expect-error type: an executive's opt-in is a boolean
      void me.executive.updateAssistantSettings({ executives: [{ personId, optInEnabled: 'yes' }] });
      // @ts-expect-error type: `enabled` is a boolean
      void people.executive.updateScreening(personId, { enabled: 1 });
      // @ts-expect-error type: criteriaActivation is a list
      void me.executive.updateCallFiltering({ criteriaActivation: { id: criteriaId } });
      // @ts-expect-error missing: a person's update needs a body
      void people.executive.updateScreening(personId);
    }
    expect(people.executive.updateAlert).toBeTypeOf('function');
    expect(me.executive.updateCallFiltering).toBeTypeOf('function');
  });

  it("a person's new criteria needs a name, callers and a filter flag; the caller's needs none", () => {
    const { people, me } = webex.calling;
    expectTypeOf(people.executive.createCallFilteringCriteria).returns.toEqualTypeOf<
      Promise<CallingExecutiveCallFilteringCriteriaId>
    >();
    expectTypeOf(people.executive.getCallFilteringCriteria).returns.toEqualTypeOf<
      Promise<CallingExecutiveCallFilteringCriteria>
    >();
    // A person's criteria update answers nothing; the caller's answers the criteria's id.
    expectTypeOf(people.executive.updateCallFilteringCriteria).returns.toEqualTypeOf<Promise<void>>();
    expectTypeOf(me.executive.updateCallFilteringCriteria).returns.toEqualTypeOf<
      Promise<CallingExecutiveCallFilteringCriteriaId>
    >();
    if (false as boolean) {
      void people.executive.createCallFilteringCriteria(personId, {
        filterName: 'Board members',
        callsFrom: 'SELECT_PHONE_NUMBERS',
        filterEnabled: false,
        phoneNumbers: ['+14155550160'],
        callsToNumbers: [{ type: 'PRIMARY', phoneNumber: '+14085550150' }],
      });
      void me.executive.createCallFilteringCriteria({ filterName: 'After hours' });
      void people.executive.updateCallFilteringCriteria(personId, criteriaId, { scheduleType: 'holidays' });
      void me.executive.deleteCallFilteringCriteria(criteriaId);
      // @ts-expect-error missing: a person's criteria needs filterName
      void people.executive.createCallFilteringCriteria(personId, { callsFrom: 'FORWARDED', filterEnabled: true });
      // @ts-expect-error missing: a person's criteria needs filterEnabled
      void people.executive.createCallFilteringCriteria(personId, { filterName: 'x', callsFrom: 'ANY_PHONE_NUMBER' });
      // @ts-expect-error type: phoneNumbers is a list of numbers
      void me.executive.createCallFilteringCriteria({ phoneNumbers: '+14155550160' });
      // @ts-expect-error path: the criteria's id comes after the person's
      void people.executive.deleteCallFilteringCriteria(criteriaId);
    }
    expect(people.executive.createCallFilteringCriteria).toBeTypeOf('function');
  });

  it("a person's available assistants page by Link; the caller's come whole", () => {
    const { people, me } = webex.calling;
    expectTypeOf(people.executive.listAvailableAssistants).returns.toEqualTypeOf<
      Paginated<CallingExecutiveAvailableAssistant>
    >();
    expectTypeOf(me.executive.listAvailableAssistants).returns.toEqualTypeOf<
      Promise<CallingExecutiveAvailableAssistantList>
    >();
    if (false as boolean) {
      void people.executive.listAvailableAssistants(personId, { name: 'Priya', max: 20 });
      // @ts-expect-error type: `max` is a number of people (R4)
      void people.executive.listAvailableAssistants(personId, { max: '20' });
    }
    expect(people.executive.listAvailableAssistants).toBeTypeOf('function');
  });

  it("a person's executive assistant type", () => {
    const executiveAssistant = webex.calling.people.executiveAssistant;
    if (false as boolean) {
      void executiveAssistant.update(personId, { type: 'EXECUTIVE_ASSISTANT' });
      // A type newer than the known ones still compiles (open enum).
      void executiveAssistant.update(personId, { type: 'CHIEF_OF_STAFF' });
      // @ts-expect-error type: the role is a string
      void executiveAssistant.update(personId, { type: 1 });
    }
    expect(executiveAssistant.update).toBeTypeOf('function');
  });
});

describe('calling hoteling: a host for people, a guest for me', () => {
  it('each update requires enabled', () => {
    const { people, me } = webex.calling;
    expectTypeOf(me.hoteling.listAvailableHosts).returns.toEqualTypeOf<Paginated<CallingMyHotelingHost>>();
    if (false as boolean) {
      void people.hoteling.update(personId, { enabled: true });
      void me.hoteling.updateGuest({ enabled: true, hostId: personId, associationLimitHours: 8 });
      void me.hoteling.listAvailableHosts({ phoneNumber: '555', max: 10 });
      // @ts-expect-error missing: a person's hoteling update needs enabled
      void people.hoteling.update(personId, {});
      // @ts-expect-error missing: the caller's guest update needs enabled
      void me.hoteling.updateGuest({ hostId: personId });
      // @ts-expect-error type: associationLimitHours counts hours, a number
      void me.hoteling.updateGuest({ enabled: true, associationLimitHours: '8' });
    }
    expect(me.hoteling.updateGuest).toBeTypeOf('function');
  });
});

describe('calling preferred answer endpoint: one endpoint shape, two ways to choose', () => {
  it('a person chooses by preferredAnswerEndpointId, the caller and their lines by id', () => {
    const { people, me } = webex.calling;
    expectTypeOf(me.preferredAnswerEndpoint.get).returns.toEqualTypeOf<Promise<CallingPreferredAnswerEndpoint>>();
    expectTypeOf(me.preferredAnswerEndpoint.listAvailable).returns.toEqualTypeOf<
      Promise<CallingPreferredAnswerEndpointList>
    >();
    expectTypeOf(me.secondaryLines.listAvailablePreferredAnswerEndpoints).returns.toEqualTypeOf<
      Promise<CallingPreferredAnswerEndpointList>
    >();
    if (false as boolean) {
      void people.preferredAnswerEndpoint.update(personId, { preferredAnswerEndpointId: 'endpoint' });
      void me.preferredAnswerEndpoint.update({ id: 'endpoint' });
      void me.secondaryLines.updatePreferredAnswerEndpoint(lineOwnerId, { id: 'endpoint' });
      // @ts-expect-error missing: a person's update needs preferredAnswerEndpointId
      void people.preferredAnswerEndpoint.update(personId, {});
      // @ts-expect-error field: the caller chooses by `id`, not by a person's field
      void me.preferredAnswerEndpoint.update({ preferredAnswerEndpointId: 'endpoint' });
      // @ts-expect-error missing: a secondary line is named by its owner's id
      void me.secondaryLines.updatePreferredAnswerEndpoint({ id: 'endpoint' });
    }
    expect(people.preferredAnswerEndpoint.update).toBeTypeOf('function');
  });
});

describe('calling mode management', () => {
  it('an administrator assigns features; the caller switches their modes', () => {
    const { people, me } = webex.calling;
    expectTypeOf(people.modeManagement.listAvailableFeatures).returns.toEqualTypeOf<
      Paginated<CallingPersonModeManagementAvailableFeature>
    >();
    expectTypeOf(people.modeManagement.listFeatures).returns.toEqualTypeOf<Promise<CallingModeManagementFeatureList>>();
    expectTypeOf(me.modeManagement.listFeatures).returns.toEqualTypeOf<Promise<CallingModeManagementFeatureList>>();
    if (false as boolean) {
      void people.modeManagement.assignFeatures(personId, { featureIds: [featureId] });
      void me.modeManagement.switchModeForFeatures({ featureIds: [featureId], operatingModeName: 'Night' });
      void me.modeManagement.listCommonModes({ featureIds: featureId });
      void me.modeManagement.switchMode(featureId, { operatingModeId: modeId, isManualSwitchbackEnabled: true });
      void me.modeManagement.extendMode(featureId, { operatingModeId: modeId, extensionTime: 60 });
      void me.modeManagement.getMode(featureId, modeId);
      // @ts-expect-error missing: assigning needs featureIds
      void people.modeManagement.assignFeatures(personId, {});
      // @ts-expect-error missing: switching several needs the mode's name
      void me.modeManagement.switchModeForFeatures({ featureIds: [featureId] });
      // @ts-expect-error missing: switching one needs the mode's id
      void me.modeManagement.switchMode(featureId, { isManualSwitchbackEnabled: true });
      // @ts-expect-error type: extensionTime counts minutes, a number
      void me.modeManagement.extendMode(featureId, { operatingModeId: modeId, extensionTime: '60' });
      // @ts-expect-error missing: common modes need the features' ids
      void me.modeManagement.listCommonModes({});
    }
    expect(me.modeManagement.switchMode).toBeTypeOf('function');
  });
});

describe('calling Teams settings and feature access of a person', () => {
  it('update with their own shapes', () => {
    const { msTeams, featureAccess } = webex.calling.people;
    if (false as boolean) {
      void msTeams.update(personId, { settingName: 'HIDE_WEBEX_APP', value: true }, { orgId: 'org' });
      void featureAccess.update(personId, { callForwarding: 'NO_ACCESS', voicemail: 'FULL_ACCESS' });
      void featureAccess.reset(personId);
      // @ts-expect-error missing: a Teams setting needs its value
      void msTeams.update(personId, { settingName: 'HIDE_WEBEX_APP' });
      // @ts-expect-error type: the value is a boolean
      void msTeams.update(personId, { settingName: 'HIDE_WEBEX_APP', value: 'true' });
      // @ts-expect-error type: an access level is a string
      void featureAccess.update(personId, { callForwarding: false });
    }
    expect(featureAccess.reset).toBeTypeOf('function');
  });
});

describe('calling services and secondary numbers', () => {
  it('services list the same shape for people, me and secondary lines, open to new names', () => {
    const { people, me } = webex.calling;
    expectTypeOf(people.services.list).returns.toEqualTypeOf<Promise<CallingServices>>();
    expectTypeOf(me.services.list).returns.toEqualTypeOf<Promise<CallingServices>>();
    expectTypeOf(me.secondaryLines.listServices).returns.toEqualTypeOf<Promise<CallingServices>>();
    type Service = Exclude<NonNullable<CallingServices['services']>[number], undefined>;
    expectTypeOf<'Do Not Disturb'>().toExtend<Service>();
    expectTypeOf<'A Service Newer Than The List'>().toExtend<Service>();
    expectTypeOf<number>().not.toExtend<Service>();
  });

  it('secondary numbers page like every available-numbers listing', () => {
    const { people, workspaces } = webex.calling;
    expectTypeOf(people.secondaryNumbers.listAvailable).returns.toEqualTypeOf<Paginated<CallingAvailableNumber>>();
    expectTypeOf(workspaces.secondaryNumbers.listAvailable).returns.toEqualTypeOf<Paginated<CallingAvailableNumber>>();
    if (false as boolean) {
      void workspaces.secondaryNumbers.listAvailable(workspaceId, { phoneNumber: '+14085550180', max: 50, start: 50 });
      // @ts-expect-error type: `start` is an offset, a number (R4)
      void people.secondaryNumbers.listAvailable(personId, { start: '50' });
    }
    expect(people.secondaryNumbers.listAvailable).toBeTypeOf('function');
  });
});

describe('calling my secondary lines: the shared setting shapes, by line owner', () => {
  it('reads and updates each sub-setting of a line', async () => {
    const lines = webex.calling.me.secondaryLines;
    expectTypeOf(lines.getVoicemail).returns.toEqualTypeOf<Promise<CallingVoicemail>>();
    if (false as boolean) {
      void lines.updateCallForwarding(lineOwnerId, await lines.getCallForwarding(lineOwnerId));
      void lines.updateVoicemail(lineOwnerId, {
        notifications: { enabled: false },
        transferToNumber: { enabled: false },
      });
      void lines.updateQueues(lineOwnerId, { agentACDState: 'AVAILABLE', queues: [{ id: 'q', available: true }] });
      void lines.updateSelectedCallerId(lineOwnerId, { selected: { type: 'DEFAULT_CLID' } });
      void lines.updateCallerId(lineOwnerId, { callingLineIdDeliveryBlockingEnabled: true });
      // @ts-expect-error missing: a voicemail update always sends transferToNumber
      void lines.updateVoicemail(lineOwnerId, { notifications: { enabled: false } });
      // @ts-expect-error missing: the selected caller id is required
      void lines.updateSelectedCallerId(lineOwnerId, {});
      // @ts-expect-error type: a queue's availability is a boolean
      void lines.updateQueues(lineOwnerId, { queues: [{ id: 'q', available: 'yes' }] });
      // @ts-expect-error type: the blocking switch is a boolean
      void lines.updateCallerId(lineOwnerId, { callingLineIdDeliveryBlockingEnabled: 'on' });
      // @ts-expect-error missing: every sub-setting is of one line, named by its owner's id
      void lines.getCallPark();
    }
    expect(lines.updateVoicemail).toBeTypeOf('function');
    expect(lines.listFeatureAccessCodes).toBeTypeOf('function');
  });
});
