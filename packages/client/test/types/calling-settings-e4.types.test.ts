// Hand-written type tests for the Calling settings people, workspaces, virtual lines and the caller ("me") share:
// barge-in, call waiting, do not disturb, push-to-talk, caller id, monitoring, priority alert, call notify, single
// number reach, and the caller's selected caller id. Each setting is one shape read by every `get`; where one kind of
// line takes more, or requires a field the others do not, its update has a type of its own, and these tests pin that
// difference. Each `@ts-expect-error` line makes exactly one mistake, so `tsc -p packages/client` fails if that
// mistake ever compiles; each fits on one line, so formatting cannot move the error away from its directive. The calls
// sit behind `if (false as boolean)`: nothing is sent; at run time each test only checks that the façade wires the
// methods. Calling enums are open (any string compiles), so the mistakes made with them are of type, not of value.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  CallingAlertCriteria,
  CallingAlertCriteriaCreated,
  CallingBargeIn,
  CallingCallerId,
  CallingCallWaiting,
  CallingDoNotDisturb,
  CallingMonitoring,
  CallingMonitoringAvailableMember,
  CallingMyAvailableCallerIds,
  CallingMyCallerId,
  CallingMyCallNotify,
  CallingMyDoNotDisturb,
  CallingMyMonitoring,
  CallingMySelectedCallerId,
  CallingMySingleNumberReach,
  CallingPersonDoNotDisturb,
  CallingPersonSingleNumberReach,
  CallingPriorityAlert,
  CallingPushToTalk,
  CallingSingleNumberReachNumberId,
  CallingWorkspaceCallerId,
  Paginated,
} from '../../src/index.js';
import { Webex } from '../../src/index.js';

const webex = new Webex({ accessToken: 'type-tests', baseUrl: 'http://127.0.0.1:9' });
const { people, workspaces, virtualLines, me } = webex.calling;
const personId = 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS80YmUxMGY0MS03ZGIxLTQ1NDUtYTVlMS0xMzJmYTc3OTJhMWQ';
const workspaceId = 'Y2lzY29zcGFyazovL3VzL1BMQUNFL2I5MzgyZWYxLTFlZGEtNGViOS1iNTlkLWY3ZjcwZTUwNzcxMQ';
const virtualLineId = 'Y2lzY29zcGFyazovL3VzL1ZJUlRVQUxfTElORS8zZjQ3ODc5NS04M2RjLTQwOTYtYWRhNS1jNzBkZDAyNzQ4ODc';
const criteriaId =
  'Y2lzY29zcGFyazovL3VzL1BSSU9SSVRZX0FMRVJUX0NSSVRFUklBL2NkODA0MTUzLWU0ZmEtNDkwMy05MmE1LTJhN2QzZGM3YzIzMw';

describe('calling barge-in, call waiting and do not disturb: one shape, required flags per kind of line', () => {
  it('every get answers the shared shape (people and me add the Webex Go override)', () => {
    expectTypeOf(people.bargeIn.get).returns.toEqualTypeOf<Promise<CallingBargeIn>>();
    expectTypeOf(workspaces.bargeIn.get).returns.toEqualTypeOf<Promise<CallingBargeIn>>();
    expectTypeOf(virtualLines.bargeIn.get).returns.toEqualTypeOf<Promise<CallingBargeIn>>();
    expectTypeOf(me.bargeIn.get).returns.toEqualTypeOf<Promise<CallingBargeIn>>();
    expectTypeOf(workspaces.callWaiting.get).returns.toEqualTypeOf<Promise<CallingCallWaiting>>();
    expectTypeOf(me.callWaiting.get).returns.toEqualTypeOf<Promise<CallingCallWaiting>>();
    expectTypeOf(workspaces.doNotDisturb.get).returns.toEqualTypeOf<Promise<CallingDoNotDisturb>>();
    expectTypeOf(virtualLines.doNotDisturb.get).returns.toEqualTypeOf<Promise<CallingDoNotDisturb>>();
    expectTypeOf(people.doNotDisturb.get).returns.toEqualTypeOf<Promise<CallingPersonDoNotDisturb>>();
    expectTypeOf(me.doNotDisturb.get).returns.toEqualTypeOf<Promise<CallingMyDoNotDisturb>>();
    expectTypeOf<CallingPersonDoNotDisturb>().toExtend<CallingDoNotDisturb>();
    expectTypeOf<CallingMyDoNotDisturb['webexGoOverrideEnabled']>().toEqualTypeOf<boolean | undefined>();
  });

  it('barge-in: a workspace must say `enabled`, the others need not', () => {
    if (false as boolean) {
      void people.bargeIn.update(personId, { toneEnabled: true }, { orgId: 'org' });
      void virtualLines.bargeIn.update(virtualLineId, {});
      void me.bargeIn.update({ enabled: true, toneEnabled: false });
      void workspaces.bargeIn.update(workspaceId, { enabled: true });
      // @ts-expect-error missing: a workspace's barge-in update requires `enabled`
      void workspaces.bargeIn.update(workspaceId, { toneEnabled: true });
      // @ts-expect-error type: `toneEnabled` is a boolean
      void people.bargeIn.update(personId, { toneEnabled: 'yes' });
      // @ts-expect-error path: "me" is the token's owner, no person id
      void me.bargeIn.update(personId, { enabled: true });
    }
    expect(workspaces.bargeIn.update).toBeTypeOf('function');
    expect(me.bargeIn.update).toBeTypeOf('function');
  });

  it('call waiting: people, virtual lines and me must say `enabled`, a workspace need not', () => {
    if (false as boolean) {
      void people.callWaiting.update(personId, { enabled: true });
      void virtualLines.callWaiting.update(virtualLineId, { enabled: false }, { orgId: 'org' });
      void me.callWaiting.update({ enabled: true });
      void workspaces.callWaiting.update(workspaceId, {});
      // @ts-expect-error missing: a person's call waiting update requires `enabled`
      void people.callWaiting.update(personId, {});
      // @ts-expect-error missing: so does the caller's own
      void me.callWaiting.update({});
      // @ts-expect-error type: `enabled` is a boolean
      void workspaces.callWaiting.update(workspaceId, { enabled: 1 });
    }
    expect(people.callWaiting.update).toBeTypeOf('function');
  });

  it('do not disturb: only people and me know the Webex Go override, and a person must send it', () => {
    if (false as boolean) {
      void people.doNotDisturb.update(personId, { enabled: true, webexGoOverrideEnabled: false });
      void me.doNotDisturb.update({ ringSplashEnabled: true });
      void workspaces.doNotDisturb.update(workspaceId, { enabled: true, ringSplashEnabled: false });
      void virtualLines.doNotDisturb.update(virtualLineId, { enabled: false });
      // @ts-expect-error missing: a person's update requires `webexGoOverrideEnabled`
      void people.doNotDisturb.update(personId, { enabled: true });
      // @ts-expect-error field: a workspace has no Webex Go override
      void workspaces.doNotDisturb.update(workspaceId, { enabled: true, webexGoOverrideEnabled: true });
      // @ts-expect-error field: nor has a virtual line
      void virtualLines.doNotDisturb.update(virtualLineId, { webexGoOverrideEnabled: true });
    }
    expect(people.doNotDisturb.update).toBeTypeOf('function');
  });
});

describe('calling push-to-talk: members answered in full, sent by id', () => {
  it('get answers members as objects; update takes their ids', async () => {
    expectTypeOf(people.pushToTalk.get).returns.toEqualTypeOf<Promise<CallingPushToTalk>>();
    expectTypeOf(workspaces.pushToTalk.get).returns.toEqualTypeOf<Promise<CallingPushToTalk>>();
    expectTypeOf(virtualLines.pushToTalk.get).returns.toEqualTypeOf<Promise<CallingPushToTalk>>();
    expectTypeOf<NonNullable<CallingPushToTalk['members']>[number]['id']>().toEqualTypeOf<string>();
    if (false as boolean) {
      const current = await people.pushToTalk.get(personId);
      const members = (current.members ?? []).map((member) => member.id);
      void people.pushToTalk.update(personId, { ...current, members });
      void workspaces.pushToTalk.update(workspaceId, { connectionType: 'TWO_WAY', accessType: 'BLOCK_MEMBERS' });
      void virtualLines.pushToTalk.update(virtualLineId, { allowAutoAnswer: false, members: [personId] });
      // @ts-expect-error type: update takes the members' ids, not the objects get answered
      void people.pushToTalk.update(personId, current);
      // @ts-expect-error type: `connectionType` is a string (an open enum), never a number
      void workspaces.pushToTalk.update(workspaceId, { connectionType: 2 });
    }
    expect(people.pushToTalk.update).toBeTypeOf('function');
  });
});

describe('calling caller id: people and virtual lines share a shape; a workspace and "me" have their own', () => {
  it('answers', () => {
    expectTypeOf(people.callerId.get).returns.toEqualTypeOf<Promise<CallingCallerId>>();
    expectTypeOf(virtualLines.callerId.get).returns.toEqualTypeOf<Promise<CallingCallerId>>();
    expectTypeOf(workspaces.callerId.get).returns.toEqualTypeOf<Promise<CallingWorkspaceCallerId>>();
    expectTypeOf(me.callerId.get).returns.toEqualTypeOf<Promise<CallingMyCallerId>>();
    // Known choices are offered, newer ones accepted.
    expectTypeOf<'LOCATION_NUMBER'>().toExtend<Exclude<CallingCallerId['selected'], undefined>>();
    expectTypeOf<'MOBILE_NUMBER'>().toExtend<Exclude<CallingCallerId['selected'], undefined>>();
  });

  it('updates: `selected` is required for every administrator update', async () => {
    if (false as boolean) {
      void people.callerId.update(personId, { selected: 'DIRECT_LINE', firstName: 'Ana', dialByLastName: 'Moreno' });
      void virtualLines.callerId.update(virtualLineId, { selected: 'CUSTOM', customNumber: '+14085550199' });
      void workspaces.callerId.update(workspaceId, { selected: 'LOCATION_NUMBER', displayName: 'Lobby' });
      void me.callerId.update({ callingLineIdDeliveryBlockingEnabled: true });
      const current = await people.callerId.get(personId);
      if (current.selected) void people.callerId.update(personId, { ...current, selected: current.selected });
      // @ts-expect-error missing: a person's caller id update requires `selected`
      void people.callerId.update(personId, { firstName: 'Ana' });
      // @ts-expect-error missing: so does a workspace's
      void workspaces.callerId.update(workspaceId, { displayName: 'Lobby' });
      // @ts-expect-error field: a workspace is named by `displayName`, it has no `firstName`
      void workspaces.callerId.update(workspaceId, { selected: 'DIRECT_LINE', firstName: 'Lobby' });
      // @ts-expect-error type: the caller's own switches are booleans
      void me.callerId.update({ connectedLineIdentificationRestrictionEnabled: 'on' });
    }
    expect(workspaces.callerId.update).toBeTypeOf('function');
  });
});

describe('calling monitoring: one shape for people and workspaces, a flat one for "me"', () => {
  it('answers and listings', () => {
    expectTypeOf(people.monitoring.get).returns.toEqualTypeOf<Promise<CallingMonitoring>>();
    expectTypeOf(workspaces.monitoring.get).returns.toEqualTypeOf<Promise<CallingMonitoring>>();
    expectTypeOf(me.monitoring.get).returns.toEqualTypeOf<Promise<CallingMyMonitoring>>();
    expectTypeOf(people.monitoring.listAvailableMembers).returns.toEqualTypeOf<
      Paginated<CallingMonitoringAvailableMember>
    >();
    expectTypeOf(workspaces.monitoring.listAvailableSpeedDials).returns.toEqualTypeOf<
      Paginated<CallingMonitoringAvailableMember>
    >();
    // R1: a monitored member and an available member always have an id.
    type Element = NonNullable<CallingMonitoring['monitoredElements']>[number];
    expectTypeOf<NonNullable<Element['member']>['id']>().toEqualTypeOf<string>();
    expectTypeOf<CallingMonitoringAvailableMember['id']>().toEqualTypeOf<string>();
    expect(me).not.toHaveProperty('monitoring.update');
  });

  it('updates send elements by id and kind; listings take filters and `max`', () => {
    const element = { id: personId, type: 'MEMBER', lineKeyLabel: 'Ana' } as const;
    if (false as boolean) {
      void people.monitoring.update(personId, { enableCallParkNotification: true, monitoredElements: [element] });
      void workspaces.monitoring.update(workspaceId, { monitoredElements: [] }, { orgId: 'org' });
      void people.monitoring.listAvailableMembers(personId, { memberName: 'Ana', order: 'lname-asc', max: 50 });
      // @ts-expect-error type: `enableCallParkNotification` is a boolean
      void people.monitoring.update(personId, { enableCallParkNotification: 'true' });
      // @ts-expect-error type: an element's `id` is a string
      void workspaces.monitoring.update(workspaceId, { monitoredElements: [{ id: 42, type: 'MEMBER' }] });
      // @ts-expect-error R4: `max` is a number
      void workspaces.monitoring.listAvailableSpeedDials(workspaceId, { max: '50' });
      // @ts-expect-error method: the caller reads their monitoring but cannot change it
      void me.monitoring.update({ enableCallParkNotification: true });
    }
    expect(people.monitoring.update).toBeTypeOf('function');
  });
});

describe('calling priority alert and call notify: settings with criteria', () => {
  const criteria = {
    scheduleName: 'Business hours',
    scheduleType: 'businessHours',
    scheduleLevel: 'GROUP',
    callsFrom: 'ANY_PHONE_NUMBER',
    notificationEnabled: true,
  } as const;
  const { scheduleName: _left, ...noSchedule } = criteria;

  it('answers', () => {
    expectTypeOf(workspaces.priorityAlert.get).returns.toEqualTypeOf<Promise<CallingPriorityAlert>>();
    expectTypeOf(me.priorityAlert.get).returns.toEqualTypeOf<Promise<CallingPriorityAlert>>();
    expectTypeOf(me.callNotify.get).returns.toEqualTypeOf<Promise<CallingMyCallNotify>>();
    expectTypeOf(workspaces.priorityAlert.getCriteria).returns.toEqualTypeOf<Promise<CallingAlertCriteria>>();
    expectTypeOf(me.callNotify.getCriteria).returns.toEqualTypeOf<Promise<CallingAlertCriteria>>();
    expectTypeOf(me.priorityAlert.createCriteria).returns.toEqualTypeOf<Promise<CallingAlertCriteriaCreated>>();
    expectTypeOf<NonNullable<CallingPriorityAlert['criteria']>[number]['id']>().toEqualTypeOf<string>();
  });

  it("update requires `enabled`; a workspace criteria requires its schedule, the caller's does not", () => {
    if (false as boolean) {
      void workspaces.priorityAlert.update(workspaceId, { enabled: true });
      void me.priorityAlert.update({ enabled: false });
      void me.callNotify.update({ enabled: true, emailAddress: 'ana.moreno@example.com' });
      void workspaces.priorityAlert.createCriteria(workspaceId, criteria, { orgId: 'org' });
      void me.priorityAlert.createCriteria({ callsFrom: 'SELECT_PHONE_NUMBERS', phoneNumbers: ['+14085550181'] });
      void me.callNotify.createCriteria({});
      void workspaces.priorityAlert.updateCriteria(workspaceId, criteriaId, { notificationEnabled: false });
      void me.callNotify.updateCriteria(criteriaId, { anonymousCallersEnabled: true });
      void me.priorityAlert.deleteCriteria(criteriaId);
      // @ts-expect-error missing: a priority alert update requires `enabled`
      void workspaces.priorityAlert.update(workspaceId, {});
      // @ts-expect-error missing: so does a call notify update
      void me.callNotify.update({ emailAddress: 'ana.moreno@example.com' });
      // @ts-expect-error missing: a workspace's new criteria requires `scheduleName`
      void workspaces.priorityAlert.createCriteria(workspaceId, noSchedule);
      // @ts-expect-error type: `phoneNumbers` is a list of numbers, not one
      void me.priorityAlert.updateCriteria(criteriaId, { phoneNumbers: '+14085550181' });
      // @ts-expect-error path: a criteria is read by its id
      void me.callNotify.getCriteria();
    }
    expect(me.callNotify.createCriteria).toBeTypeOf('function');
    expect(workspaces.priorityAlert.deleteCriteria).toBeTypeOf('function');
  });
});

describe('calling single number reach: people and me', () => {
  const phone = { phoneNumber: '+14085550191', name: 'Mobile', enabled: true } as const;
  const { name: _unnamed, ...noName } = phone;

  it("answers: a person's phones have ids, the caller's flags are per location", () => {
    expectTypeOf(people.singleNumberReach.get).returns.toEqualTypeOf<Promise<CallingPersonSingleNumberReach>>();
    expectTypeOf(me.singleNumberReach.get).returns.toEqualTypeOf<Promise<CallingMySingleNumberReach>>();
    type PersonPhone = NonNullable<CallingPersonSingleNumberReach['numbers']>[number];
    expectTypeOf<PersonPhone['id']>().toEqualTypeOf<string>();
    expectTypeOf<CallingMySingleNumberReach['alertAllLocationsForGroupPagingCallsEnabled']>().toEqualTypeOf<
      boolean | undefined
    >();
    expectTypeOf(people.singleNumberReach.createNumber).returns.toEqualTypeOf<
      Promise<CallingSingleNumberReachNumberId>
    >();
  });

  it('phones: number, name and `enabled` required; the caller sends a phone whole', () => {
    const whole = { ...phone, doNotForwardCallsEnabled: false, answerConfirmationEnabled: true };
    if (false as boolean) {
      void people.singleNumberReach.update(personId, { alertAllNumbersForClickToDialCallsEnabled: true });
      void me.singleNumberReach.update({ alertAllLocationsForClickToDialCallsEnabled: true });
      void people.singleNumberReach.createNumber(personId, phone);
      void me.singleNumberReach.createNumber({ ...phone, answerConfirmationEnabled: true });
      void people.singleNumberReach.updateNumber(personId, 'phone', phone);
      void me.singleNumberReach.updateNumber('phone', whole);
      void people.singleNumberReach.deleteNumber(personId, 'phone', { orgId: 'org' });
      void me.singleNumberReach.deleteNumber('phone');
      // @ts-expect-error missing: a phone needs a `name`
      void people.singleNumberReach.createNumber(personId, noName);
      // @ts-expect-error missing: the caller's phone update sends every field
      void me.singleNumberReach.updateNumber('phone', phone);
      // @ts-expect-error field: a person's click-to-dial flag is per number, not per location
      void people.singleNumberReach.update(personId, { alertAllLocationsForClickToDialCallsEnabled: true });
      // @ts-expect-error type: `enabled` is a boolean
      void me.singleNumberReach.createNumber({ ...phone, enabled: 'true' });
    }
    expect(people.singleNumberReach.deleteNumber).toBeTypeOf('function');
  });
});

describe('calling selected caller id and available caller ids: the caller only', () => {
  it('the choices are listed whole; one is sent back by kind and id', async () => {
    expectTypeOf(me.selectedCallerId.get).returns.toEqualTypeOf<Promise<CallingMySelectedCallerId>>();
    expectTypeOf(me.availableCallerIds.list).returns.toEqualTypeOf<Promise<CallingMyAvailableCallerIds>>();
    type Option = NonNullable<CallingMyAvailableCallerIds['availableCallerIds']>[number];
    expectTypeOf<Option['id']>().toEqualTypeOf<string>();
    expectTypeOf<'CALL_QUEUE'>().toExtend<Exclude<Option['type'], undefined>>();
    if (false as boolean) {
      const [first] = (await me.availableCallerIds.list()).availableCallerIds ?? [];
      if (first) void me.selectedCallerId.update({ selected: first });
      void me.selectedCallerId.update({ selected: { type: 'DEFAULT_CLID' } });
      // @ts-expect-error missing: the update says which caller id is `selected`
      void me.selectedCallerId.update({});
      // @ts-expect-error type: a caller id's `type` is a string, never a number
      void me.selectedCallerId.update({ selected: { type: 1, id: 'x' } });
    }
    expect(me.availableCallerIds.list).toBeTypeOf('function');
    expect(me.selectedCallerId.update).toBeTypeOf('function');
  });
});
