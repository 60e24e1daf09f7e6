// Hand-written type tests for the create and update methods of Webex Calling's call queues (with their forwarding
// rules, DNIS numbers, policies and agents) and of call queue supervisors, and for what their listings iterate. Each
// `@ts-expect-error` line makes exactly one mistake, so `tsc -p packages/client` fails if that mistake ever compiles.
// Calling enums accept values beyond the known ones, so the mistakes are missing fields and wrong types, never a wrong
// enum value. Each such call fits on one line, so formatting cannot move the error away from its directive. The calls
// sit behind `if (false as boolean)`: nothing is sent; at run time each test only checks that the façade wires the
// methods.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  CallingCallQueueAgentSummary,
  CallingCallQueueAvailableAgent,
  CallingCallQueueAvailableNumber,
  CallingCallQueueAvailableSupervisor,
  CallingCallQueueCreateRequest,
  CallingCallQueueDnisAvailableNumber,
  CallingCallQueueForwardingRuleCreateRequest,
  CallingCallQueueForwardNumber,
  CallingCallQueueRingPattern,
  CallingCallQueueSummary,
  CallingCallQueueSupervisorAgent,
  CallingCallQueueSupervisorAvailableAgent,
  CallingCallQueueSupervisorSummary,
} from '../../src/index.js';
import { Webex } from '../../src/index.js';

const webex = new Webex({ accessToken: 'type-tests', baseUrl: 'http://127.0.0.1:9' });
const locationId = 'Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzRlNjAzOTQ5LTlkMTctNDA5MS1hNDQ3LTg2MTAwM2JmMTdmOA';
const queueId = 'Y2lzY29zcGFyazovL3VzL0NBTExfUVVFVUUvM2EzOTkxYjUtZGYxNy00ODRmLTgyZDctOTc2YWYzYmU0MGVh';
const personId = 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9iNDFkOGYxNC0zODY1LTRkNmQtOWNkNC02Y2Y5MTk0ZmVmZTI';

describe('calling call queues and supervisors: create/update types', () => {
  it('calling.callQueues.create and update', () => {
    const queues = webex.calling.callQueues;
    const queue: CallingCallQueueCreateRequest = {
      name: 'Support',
      extension: '5100',
      callPolicies: { policy: 'CIRCULAR', callBounce: { callBounceEnabled: true, callBounceMaxRings: 5 } },
      queueSettings: { queueSize: 25, overflow: { action: 'PERFORM_BUSY_TREATMENT' } },
      agents: [{ id: personId, weight: '50', skillLevel: 1 }],
    };
    const { agents: _agents, ...noAgents } = queue;
    const settings = { queueSize: 25, welcomeMessage: { enabled: true, greeting: 'DEFAULT' } } as const;
    if (false as boolean) {
      void queues.create(locationId, queue, { hasCxEssentials: true });
      void queues.create(locationId, { ...queue, directLineCallerIdName: { selection: 'DISPLAY_NAME' } });
      void queues.update(locationId, queueId, { queueSettings: settings, agents: [{ joinEnabled: true }] });
      // Open enums: a routing policy Webex adds later still compiles.
      void queues.update(locationId, queueId, { queueSettings: settings, callPolicies: { policy: 'ROUND_ROBIN_V2' } });
      // @ts-expect-error missing: a new queue needs its first `agents`
      void queues.create(locationId, noAgents);
      // @ts-expect-error missing: an update always sends `queueSettings`
      void queues.update(locationId, queueId, { name: 'Support' });
      // @ts-expect-error type: `queueSize` counts calls, a number
      void queues.update(locationId, queueId, { queueSettings: { queueSize: '25' } });
      // @ts-expect-error type: an agent's `weight` is written as text ('50'), not a number
      void queues.create(locationId, { ...queue, agents: [{ id: personId, weight: 50 }] });
      // @ts-expect-error path: a queue is created in a location, whose id comes first
      void queues.create(queue);
    }
    expect(queues.create).toBeTypeOf('function');
    expect(queues.update).toBeTypeOf('function');
  });

  it('calling.callQueues call forwarding and its selective rules', () => {
    const queues = webex.calling.callQueues;
    const rule: CallingCallQueueForwardingRuleCreateRequest = {
      name: 'After hours',
      callsFrom: { selection: 'CUSTOM', customNumbers: { privateNumberEnabled: true, numbers: ['+14085550300'] } },
      callsTo: { numbers: [{ phoneNumber: '+14085550100', type: 'PRIMARY' }] },
    };
    const { callsTo: _callsTo, ...noCallsTo } = rule;
    if (false as boolean) {
      void queues.createCallForwardingRule(locationId, queueId, { ...rule, businessSchedule: 'Office hours' });
      void queues.updateCallForwardingRule(locationId, queueId, 'rule', { enabled: false });
      void queues.updateCallForwarding(locationId, queueId, {
        callForwarding: { always: { enabled: false }, rules: [{ id: 'rule', enabled: true }] },
      });
      void queues.switchCallForwardingMode(locationId, queueId);
      // @ts-expect-error missing: a rule says which of the queue's numbers it matches (`callsTo`)
      void queues.createCallForwardingRule(locationId, queueId, noCallsTo);
      // @ts-expect-error type: `callsFrom.customNumbers.numbers` is a list of numbers as text, not a number
      void queues.updateCallForwardingRule(locationId, queueId, 'r', { callsFrom: { customNumbers: { numbers: 1 } } });
      // @ts-expect-error type: a rule is switched on with a boolean `enabled`
      void queues.updateCallForwarding(locationId, queueId, { callForwarding: { rules: [{ enabled: 'yes' }] } });
    }
    expect(queues.createCallForwardingRule).toBeTypeOf('function');
    expect(queues.updateCallForwarding).toBeTypeOf('function');
  });

  it('calling.callQueues DNIS numbers, their settings and announcements', () => {
    const queues = webex.calling.callQueues;
    if (false as boolean) {
      void queues.createDnis(locationId, queueId, {
        name: 'Spanish',
        phoneNumber: '+14085550190',
        ringPattern: 'LONG_LONG',
      });
      void queues.updateDnis(locationId, queueId, 'dnis', { customDnisAnnouncementSettingsEnabled: true });
      void queues.bulkDeleteDnis(locationId, queueId, { items: ['dnis-1', 'dnis-2'] });
      void queues.updateDnisSettings(locationId, queueId, { distinctiveRingingEnabled: true });
      void queues.updateDnisAnnouncements(locationId, queueId, 'dnis', {
        welcomeMessage: {
          enabled: true,
          greeting: 'CUSTOM',
          audioAnnouncementFiles: [{ id: 'f', mediaFileType: 'WAV' }],
        },
        mohMessage: { normalSource: { enabled: true, audioPlaylistId: 'p' } },
      });
      // @ts-expect-error missing: a DNIS needs the `ringPattern` agents hear
      void queues.createDnis(locationId, queueId, { name: 'Spanish line', extension: '5190' });
      // @ts-expect-error missing: bulk deletion names the DNIS ids in `items`
      void queues.bulkDeleteDnis(locationId, queueId, {});
      // @ts-expect-error type: `comfortMessage.timeBetweenMessages` is seconds, a number
      void queues.updateDnisAnnouncements(locationId, queueId, 'd', { comfortMessage: { timeBetweenMessages: '3' } });
    }
    expect(queues.createDnis).toBeTypeOf('function');
    expect(queues.updateDnisAnnouncements).toBeTypeOf('function');
  });

  it('calling.callQueues policies: forced forward, holiday, night and stranded calls', () => {
    const queues = webex.calling.callQueues;
    const night = {
      nightServiceEnabled: true,
      playAnnouncementBeforeEnabled: false,
      announcementMode: 'NORMAL',
      audioMessageSelection: 'DEFAULT',
      forceNightServiceEnabled: false,
      manualAudioMessageSelection: 'DEFAULT',
    } as const;
    const { forceNightServiceEnabled: _force, ...noForce } = night;
    const forcedForward = {
      forcedForwardEnabled: true,
      transferPhoneNumber: '+14085550199',
      playAnnouncementBeforeEnabled: false,
      audioMessageSelection: 'DEFAULT',
    } as const;
    const { forcedForwardEnabled: _enabled, ...noForcedForwardEnabled } = forcedForward;
    const stranded = { action: 'BUSY', audioMessageSelection: 'CUSTOM' } as const;
    const holiday = {
      holidayServiceEnabled: true,
      action: 'TRANSFER',
      holidayScheduleLevel: 'LOCATION',
      playAnnouncementBeforeEnabled: true,
      audioMessageSelection: 'DEFAULT',
    } as const;
    if (false as boolean) {
      void queues.updateForcedForward(locationId, queueId, forcedForward);
      void queues.updateHolidayService(locationId, queueId, { ...holiday, holidayScheduleName: 'Public holidays' });
      void queues.updateNightService(locationId, queueId, {
        ...night,
        action: 'BUSY',
        businessHoursName: 'Office hours',
      });
      void queues.updateStrandedCalls(locationId, queueId, stranded);
      // @ts-expect-error missing: forced forward needs `forcedForwardEnabled`
      void queues.updateForcedForward(locationId, queueId, noForcedForwardEnabled);
      // @ts-expect-error missing: night service needs `forceNightServiceEnabled`
      void queues.updateNightService(locationId, queueId, noForce);
      // @ts-expect-error type: `holidayServiceEnabled` is a boolean
      void queues.updateHolidayService(locationId, queueId, { ...holiday, holidayServiceEnabled: 'true' });
      // @ts-expect-error missing: the stranded calls policy needs its `action`
      void queues.updateStrandedCalls(locationId, queueId, { audioMessageSelection: 'DEFAULT' });
      // @ts-expect-error type: `audioFiles` is a list of files, not a file name
      void queues.updateStrandedCalls(locationId, queueId, { ...stranded, audioFiles: 'a.wav' });
    }
    expect(queues.updateNightService).toBeTypeOf('function');
    expect(queues.updateStrandedCalls).toBeTypeOf('function');
  });

  it('calling.callQueues agents and organization settings', () => {
    const queues = webex.calling.callQueues;
    if (false as boolean) {
      void queues.updateAgentSettings(personId, { settings: [{ queueId, joinEnabled: false }] }, { orgId: 'org' });
      void queues.getAgent(personId, { max: 50, start: 0 });
      void queues.updateSettings({ maintainQueuePositionForSimRingEnabled: true });
      // @ts-expect-error missing: an agent's settings are a list in `settings`
      void queues.updateAgentSettings(personId, {});
      // @ts-expect-error missing: an agent's queues come a slice at a time, so `start` is required beside `max`
      void queues.getAgent(personId, { max: 50 });
      // @ts-expect-error R4: `max` counts, a number
      void queues.getAgent(personId, { max: '50', start: 0 });
      // @ts-expect-error type: the organization's settings are booleans
      void queues.updateSettings({ playToneToAgentForBargeInEnabled: 1 });
      // @ts-expect-error missing: listing available agents needs the `locationId`
      void queues.listAvailableAgents({ name: 'Wei' });
    }
    expect(queues.updateAgentSettings).toBeTypeOf('function');
    expect(queues.updateSettings).toBeTypeOf('function');
  });

  it('calling.callQueueSupervisors.create, updateAgents and bulkDelete', () => {
    const supervisors = webex.calling.callQueueSupervisors;
    if (false as boolean) {
      void supervisors.create({ id: personId, agents: [{ id: 'agent' }] }, { hasCxEssentials: true });
      void supervisors.updateAgents(personId, { agents: [{ id: 'agent', action: 'DELETE' }] });
      void supervisors.bulkDelete({ supervisorIds: [personId], deleteAll: false });
      void supervisors.listAgents(personId, { order: 'lastName-asc' });
      // @ts-expect-error missing: a supervisor is a person, named by `id`
      void supervisors.create({ agents: [{ id: 'agent' }] });
      // @ts-expect-error missing: bulk deletion names the supervisors in `supervisorIds`
      void supervisors.bulkDelete({ deleteAll: true });
      // @ts-expect-error type: `agents` is a list of changes, not one change
      void supervisors.updateAgents(personId, { agents: { id: 'agent', action: 'ADD' } });
    }
    expect(supervisors.create).toBeTypeOf('function');
    expect(supervisors.bulkDelete).toBeTypeOf('function');
  });

  it('open enums: the known values are offered, and other strings are accepted', () => {
    expectTypeOf<'LONG_LONG'>().toExtend<CallingCallQueueRingPattern>();
    expectTypeOf<'TRIPLE_SHORT'>().toExtend<CallingCallQueueRingPattern>();
    expectTypeOf<number>().not.toExtend<CallingCallQueueRingPattern>();
  });

  it('listings iterate the items of the answer field each names', () => {
    const queues = webex.calling.callQueues;
    const supervisors = webex.calling.callQueueSupervisors;
    expectTypeOf(queues.list().first()).resolves.toEqualTypeOf<CallingCallQueueSummary | undefined>();
    expectTypeOf(queues.listAgents({ queueId }).first()).resolves.toEqualTypeOf<
      CallingCallQueueAgentSummary | undefined
    >();
    expectTypeOf(queues.listAvailableAgents({ locationId }).first()).resolves.toEqualTypeOf<
      CallingCallQueueAvailableAgent | undefined
    >();
    expectTypeOf(queues.listPrimaryAvailableNumbers(locationId).first()).resolves.toEqualTypeOf<
      CallingCallQueueAvailableNumber | undefined
    >();
    expectTypeOf(queues.listAlternateAvailableNumbers(locationId).first()).resolves.toEqualTypeOf<
      CallingCallQueueAvailableNumber | undefined
    >();
    expectTypeOf(queues.listCallForwardAvailableNumbers(locationId).first()).resolves.toEqualTypeOf<
      CallingCallQueueForwardNumber | undefined
    >();
    expectTypeOf(queues.listDnisAvailableNumbers(locationId).first()).resolves.toEqualTypeOf<
      CallingCallQueueDnisAvailableNumber | undefined
    >();
    expectTypeOf(supervisors.list().first()).resolves.toEqualTypeOf<CallingCallQueueSupervisorSummary | undefined>();
    expectTypeOf(supervisors.listAgents(personId).first()).resolves.toEqualTypeOf<
      CallingCallQueueSupervisorAgent | undefined
    >();
    expectTypeOf(supervisors.listAvailableAgents().first()).resolves.toEqualTypeOf<
      CallingCallQueueSupervisorAvailableAgent | undefined
    >();
    expectTypeOf(supervisors.listAvailableSupervisors().first()).resolves.toEqualTypeOf<
      CallingCallQueueAvailableSupervisor | undefined
    >();
  });
});
