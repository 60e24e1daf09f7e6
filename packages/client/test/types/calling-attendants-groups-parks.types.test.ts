// Hand-written type tests for the create and update methods of Webex Calling's auto attendants, hunt groups, paging
// groups, call parks, call park extensions and call pickups (with their forwarding rules and location settings), and
// for what their listings iterate. Each `@ts-expect-error` line makes exactly one mistake, so `tsc -p packages/client`
// fails if that mistake ever compiles. Calling enums accept values beyond the known ones, so the mistakes are missing
// fields and wrong types, never a wrong enum value. Each such call fits on one line, so formatting cannot move the
// error away from its directive. The calls sit behind `if (false as boolean)`: nothing is sent; at run time each test
// only checks that the façade wires the methods.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  CallingAutoAttendantAnnouncement,
  CallingAutoAttendantAnnouncements,
  CallingAutoAttendantAvailableNumber,
  CallingAutoAttendantKeyConfiguration,
  CallingAutoAttendantSummary,
  CallingAvailableNumber,
  CallingCallParkAgent,
  CallingCallParkExtensionSummary,
  CallingCallParkRecallHuntGroup,
  CallingCallParkSummary,
  CallingCallPickupAgent,
  CallingCallPickupSummary,
  CallingHuntGroupAvailableNumber,
  CallingHuntGroupSummary,
  CallingPagingGroupAvailableNumber,
  CallingPagingGroupSummary,
} from '../../src/index.js';
import { Webex } from '../../src/index.js';

const webex = new Webex({ accessToken: 'type-tests', baseUrl: 'http://127.0.0.1:9' });
const locationId = 'Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzI0MTVmOGEzLTk2YzgtNGI5OC1hOGJjLWM5ZGM2MjY4NmMxNQ';
const personId = 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS80NDJlMmFiMy01YjUwLTQ2OGQtOGZkZS0wMGNhODQyNjNlYTY';
const aaId = 'Y2lzY29zcGFyazovL3VzL0FVVE9fQVRURU5EQU5UL2FiNjNjNTRmLWM2YzAtNDc2ZS1iNmNhLWJlYTg3Y2M4NTE3Mw';
const hgId = 'Y2lzY29zcGFyazovL3VzL0hVTlRfR1JPVVAvMjZlNTA4MGQtOWY5Ni00ZmFjLThhMWMtMzdlNDFjNDM3Y2Fk';

describe('calling auto attendants, hunt groups, paging groups, call parks and pickups: create/update types', () => {
  it('calling.autoAttendants.create and update', () => {
    const attendants = webex.calling.autoAttendants;
    const menu = {
      greeting: 'DEFAULT',
      extensionEnabled: true,
      keyConfigurations: { key: '0', action: 'TRANSFER_TO_OPERATOR', value: '1000' },
      callTreatment: {
        retryAttemptForNoInput: 'ONE_TIME',
        noInputTimer: '10',
        actionToBePerformed: { action: 'EXIT' },
      },
    } as const;
    const attendant = {
      name: 'Main reception',
      extension: '1000',
      businessSchedule: 'Office hours',
      businessHoursMenu: menu,
      afterHoursMenu: menu,
    } as const;
    const { businessSchedule: _schedule, ...noSchedule } = attendant;
    const { afterHoursMenu: _afterHours, ...noAfterHours } = attendant;
    if (false as boolean) {
      void attendants.create(locationId, attendant, { orgId: 'org' });
      void attendants.create(locationId, { ...attendant, alternateNumbers: [{ phoneNumber: '+4721040010' }] });
      void attendants.update(locationId, aaId, { name: 'Reception', extensionDialing: 'GROUP' });
      void attendants.update(locationId, aaId, {
        directLineCallerIdName: { selection: 'CUSTOM_NAME', customName: 'R' },
      });
      // Open enums: a key action Webex adds later still compiles.
      void attendants.update(locationId, aaId, {
        businessHoursMenu: { keyConfigurations: { action: 'TRANSFER_TO_AI' } },
      });
      // @ts-expect-error missing: a new auto attendant needs its `businessSchedule`
      void attendants.create(locationId, noSchedule);
      // @ts-expect-error missing: both menus are needed, `afterHoursMenu` too
      void attendants.create(locationId, noAfterHours);
      // @ts-expect-error type: `extensionEnabled` of a menu is a boolean
      void attendants.update(locationId, aaId, { businessHoursMenu: { extensionEnabled: 'true' } });
      // @ts-expect-error type: `noInputTimer` is written as text ('10'), not a number
      void attendants.update(locationId, aaId, { afterHoursMenu: { callTreatment: { noInputTimer: 10 } } });
      // @ts-expect-error path: an auto attendant is created in a location, whose id comes first
      void attendants.create(attendant);
    }
    expect(attendants.create).toBeTypeOf('function');
    expect(attendants.update).toBeTypeOf('function');
  });

  it('call forwarding and selective rules of auto attendants and hunt groups', () => {
    const attendants = webex.calling.autoAttendants;
    const huntGroups = webex.calling.huntGroups;
    const from = { selection: 'CUSTOM', customNumbers: { privateNumberEnabled: true, numbers: ['+4722334455'] } };
    const to = { numbers: [{ phoneNumber: '+4721040000', type: 'PRIMARY' }] };
    const forward = { selection: 'FORWARD_TO_SPECIFIED_NUMBER', phoneNumber: '+4721040098' } as const;
    const aaRule = { name: 'Weekend', forwardTo: forward, callsFrom: from };
    const hgRule = { name: 'Lunch', callsFrom: from, callsTo: to };
    const { forwardTo: _forwardTo, ...aaNoForwardTo } = aaRule;
    const { callsTo: _callsTo, ...hgNoCallsTo } = hgRule;
    if (false as boolean) {
      void attendants.createCallForwardingRule(locationId, aaId, { ...aaRule, callsTo: to, enabled: true });
      void attendants.updateCallForwardingRule(locationId, aaId, 'rule', { name: 'Weekend', enabled: false });
      void attendants.updateCallForwarding(locationId, aaId, {
        callForwarding: {
          always: { enabled: true, sendToVoicemailEnabled: false },
          rules: [{ id: 'r', enabled: true }],
        },
      });
      void attendants.switchCallForwardingMode(locationId, aaId);
      void huntGroups.createCallForwardingRule(locationId, hgId, { ...hgRule, holidaySchedule: 'Holidays' });
      void huntGroups.updateCallForwardingRule(locationId, hgId, 'rule', { enabled: false });
      void huntGroups.updateCallForwarding(locationId, hgId, {});
      void huntGroups.updateCallForwarding(locationId, hgId, {
        callForwarding: { selective: { enabled: true, destinationVoicemailEnabled: true } },
      });
      // @ts-expect-error missing: an auto attendant's rule says where calls go (`forwardTo`)
      void attendants.createCallForwardingRule(locationId, aaId, aaNoForwardTo);
      // @ts-expect-error missing: changing an auto attendant's rule always sends its `name`
      void attendants.updateCallForwardingRule(locationId, aaId, 'rule', { enabled: false });
      // @ts-expect-error missing: changing an auto attendant's forwarding sends a `callForwarding` object
      void attendants.updateCallForwarding(locationId, aaId, {});
      // @ts-expect-error missing: a hunt group's rule says which of its numbers it matches (`callsTo`)
      void huntGroups.createCallForwardingRule(locationId, hgId, hgNoCallsTo);
      // @ts-expect-error type: the callers' `numbers` are a list of numbers as text
      void huntGroups.updateCallForwardingRule(locationId, hgId, 'r', { callsFrom: { customNumbers: { numbers: 1 } } });
      // @ts-expect-error type: a rule is switched on with a boolean `enabled`
      void huntGroups.updateCallForwarding(locationId, hgId, { callForwarding: { rules: [{ id: 'r', enabled: 1 }] } });
    }
    expect(attendants.createCallForwardingRule).toBeTypeOf('function');
    expect(huntGroups.updateCallForwarding).toBeTypeOf('function');
  });

  it('calling.huntGroups.create and update', () => {
    const huntGroups = webex.calling.huntGroups;
    const group = {
      name: 'Front desk',
      extension: '3100',
      enabled: true,
      callPolicies: { policy: 'WEIGHTED', noAnswer: { nextAgentEnabled: true, nextAgentRings: 5 } },
      agents: [{ id: personId, weight: '100' }],
    };
    const { enabled: _enabled, ...noEnabled } = group;
    const { agents: _agents, ...noAgents } = group;
    if (false as boolean) {
      void huntGroups.create(locationId, group);
      void huntGroups.create(locationId, { ...group, agents: [], huntGroupCallerIdForOutgoingCallsEnabled: true });
      void huntGroups.update(locationId, hgId, { enabled: false, alternateNumbers: [{ phoneNumber: '+4721040110' }] });
      void huntGroups.update(locationId, hgId, {
        callPolicies: { busyRedirect: { enabled: true, destination: '1000' } },
      });
      // @ts-expect-error missing: a new hunt group says whether it is `enabled`
      void huntGroups.create(locationId, noEnabled);
      // @ts-expect-error missing: a new hunt group lists its `agents`, even if none
      void huntGroups.create(locationId, noAgents);
      // @ts-expect-error type: an agent's `weight` is written as text ('100'), not a number
      void huntGroups.update(locationId, hgId, { agents: [{ id: personId, weight: 100 }] });
      // @ts-expect-error type: `nextAgentRings` counts rings, a number
      void huntGroups.update(locationId, hgId, { callPolicies: { noAnswer: { nextAgentRings: '5' } } });
      // @ts-expect-error read-only: `systemMaxNumberOfRings` is in answers only
      void huntGroups.update(locationId, hgId, { callPolicies: { noAnswer: { systemMaxNumberOfRings: 20 } } });
    }
    expect(huntGroups.create).toBeTypeOf('function');
    expect(huntGroups.update).toBeTypeOf('function');
  });

  it('calling.pagingGroups.create and update', () => {
    const paging = webex.calling.pagingGroups;
    const pagingId = 'Y2lzY29zcGFyazovL3VzL1BBR0lOR19HUk9VUC9kNzhjYTY2MC1lZjRkLTQzYTUtYmI1OS0yMDhlZGQ2MWU1YWM';
    if (false as boolean) {
      void paging.create(locationId, { name: 'Warehouse', extension: '4200', originators: [personId], targets: [] });
      void paging.update(locationId, pagingId, { enabled: false, originatorCallerIdEnabled: true });
      // @ts-expect-error missing: a new paging group needs a `name`
      void paging.create(locationId, { extension: '4200' });
      // @ts-expect-error type: originators are given by id, not as objects
      void paging.update(locationId, pagingId, { originators: [{ id: personId }] });
      // @ts-expect-error type: `enabled` is a boolean
      void paging.update(locationId, pagingId, { enabled: 'false' });
    }
    expect(paging.create).toBeTypeOf('function');
    expect(paging.update).toBeTypeOf('function');
  });

  it('calling.callParks, callParkExtensions and callPickups create and update', () => {
    const parks = webex.calling.callParks;
    const extensions = webex.calling.callParkExtensions;
    const pickups = webex.calling.callPickups;
    const recall = { option: 'ALERT_PARKING_USER_FIRST_THEN_HUNT_GROUP', huntGroupId: hgId } as const;
    if (false as boolean) {
      void parks.create(locationId, { name: 'Reception', recall, agents: [personId], parkOnAgentsEnabled: true });
      void parks.update(locationId, 'park', { callParkExtensions: ['ext'] });
      void parks.updateSettings(locationId, { callParkSettings: { recallTime: 45, huntWaitTime: 45 } });
      void extensions.create(locationId, { name: 'Park slot 1', extension: '7001' });
      void extensions.update(locationId, 'ext', { name: 'Park slot one' });
      void pickups.create(locationId, { name: 'Sales floor', notificationType: 'AUDIO_ONLY', agents: [personId] });
      void pickups.update(locationId, 'pickup', { notificationDelayTimerSeconds: 6 });
      // @ts-expect-error missing: a new call park says how parked calls are recalled (`recall`)
      void parks.create(locationId, { name: 'Reception' });
      // @ts-expect-error type: `recallTime` is seconds, a number
      void parks.updateSettings(locationId, { callParkSettings: { recallTime: '45' } });
      // @ts-expect-error read-only: the recall hunt group's name is in answers only
      void parks.update(locationId, 'park', { recall: { ...recall, huntGroupName: 'Front desk' } });
      // @ts-expect-error missing: a call park extension needs its `extension`
      void extensions.create(locationId, { name: 'Park slot 1' });
      // @ts-expect-error missing: a new call pickup needs a `name`
      void pickups.create(locationId, { agents: [personId] });
      // @ts-expect-error type: `notificationDelayTimerSeconds` is a number
      void pickups.update(locationId, 'pickup', { notificationDelayTimerSeconds: '6' });
    }
    expect(parks.create).toBeTypeOf('function');
    expect(extensions.create).toBeTypeOf('function');
    expect(pickups.update).toBeTypeOf('function');
  });

  it('answers: ids are required, the open key configuration, and ids returned by updates', () => {
    expectTypeOf<CallingAutoAttendantSummary['id']>().toEqualTypeOf<string>();
    expectTypeOf<CallingAutoAttendantKeyConfiguration['action']>().toMatchTypeOf<string | undefined>();
    expectTypeOf<'TRANSFER_TO_OPERATOR'>().toMatchTypeOf<NonNullable<CallingAutoAttendantKeyConfiguration['action']>>();
    expectTypeOf(webex.calling.callParks.update(locationId, 'park', {})).resolves.toHaveProperty('id');
    expectTypeOf(webex.calling.callPickups.update(locationId, 'pickup', {})).resolves.toHaveProperty('id');
    expectTypeOf(webex.calling.huntGroups.create).returns.resolves.toHaveProperty('id');
  });

  it('listings iterate the items of their own array field', () => {
    const calling = webex.calling;
    expectTypeOf(calling.autoAttendants.list().first()).resolves.toEqualTypeOf<
      CallingAutoAttendantSummary | undefined
    >();
    expectTypeOf(calling.autoAttendants.listPrimaryAvailableNumbers(locationId).first()).resolves.toEqualTypeOf<
      CallingAutoAttendantAvailableNumber | undefined
    >();
    expectTypeOf(calling.autoAttendants.listCallForwardAvailableNumbers(locationId).first()).resolves.toEqualTypeOf<
      CallingAvailableNumber | undefined
    >();
    expectTypeOf(
      calling.autoAttendants.listAnnouncements(locationId, aaId),
    ).resolves.toEqualTypeOf<CallingAutoAttendantAnnouncements>();
    expectTypeOf<
      NonNullable<CallingAutoAttendantAnnouncements['announcements']>[number]
    >().toEqualTypeOf<CallingAutoAttendantAnnouncement>();
    expectTypeOf(calling.huntGroups.list({ locationId }).first()).resolves.toEqualTypeOf<
      CallingHuntGroupSummary | undefined
    >();
    expectTypeOf(calling.huntGroups.listAlternateAvailableNumbers(locationId).first()).resolves.toEqualTypeOf<
      CallingHuntGroupAvailableNumber | undefined
    >();
    expectTypeOf(calling.huntGroups.listCallForwardAvailableNumbers(locationId).first()).resolves.toEqualTypeOf<
      CallingAvailableNumber | undefined
    >();
    expectTypeOf(calling.pagingGroups.list().first()).resolves.toEqualTypeOf<CallingPagingGroupSummary | undefined>();
    expectTypeOf(calling.pagingGroups.listPrimaryAvailableNumbers(locationId).first()).resolves.toEqualTypeOf<
      CallingPagingGroupAvailableNumber | undefined
    >();
    expectTypeOf(calling.callParks.list(locationId).first()).resolves.toEqualTypeOf<
      CallingCallParkSummary | undefined
    >();
    expectTypeOf(calling.callParks.listAvailableAgents(locationId).first()).resolves.toEqualTypeOf<
      CallingCallParkAgent | undefined
    >();
    expectTypeOf(calling.callParks.listAvailableRecallHuntGroups(locationId).first()).resolves.toEqualTypeOf<
      CallingCallParkRecallHuntGroup | undefined
    >();
    expectTypeOf(calling.callParkExtensions.list({ locationId }).first()).resolves.toEqualTypeOf<
      CallingCallParkExtensionSummary | undefined
    >();
    expectTypeOf(calling.callPickups.list(locationId).first()).resolves.toEqualTypeOf<
      CallingCallPickupSummary | undefined
    >();
    expectTypeOf(calling.callPickups.listAvailableAgents(locationId).first()).resolves.toEqualTypeOf<
      CallingCallPickupAgent | undefined
    >();
  });
});
