// Hand-written type tests for Contact Center's agent-desktop APIs: tasks, agents, call monitoring and scheduled
// callbacks — the methods that take a body, and what their listings give. Each `@ts-expect-error` line makes exactly
// one mistake, so `tsc -p packages/client` fails if that mistake ever compiles. Each such call fits on one line, so
// formatting cannot move the error away from its directive. The calls sit behind `if (false as boolean)`: nothing is
// sent; at run time each test only checks that the façade wires the methods.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  ContactCenterAgentActivity,
  ContactCenterAgentStatisticsList,
  ContactCenterCallback,
  ContactCenterTaskCreated,
  ContactCenterTaskList,
} from '../../src/index.js';
import { Webex } from '../../src/index.js';

const webex = new Webex({
  accessToken: 'type-tests',
  baseUrl: 'http://127.0.0.1:9',
  contactCenter: { baseUrl: 'http://127.0.0.1:9' },
});
const org = '2f0c5a9e-7d41-4c6b-9e3a-51b8d0e4f7a2';
const task = '5d8e2a41-9c37-4f06-b1e5-7a3c0d9f6b28';
const timeWindow = { from: 1733480000000, to: 1733566400000 };

describe('contact center tasks, agents, call monitoring and callbacks: body and listing types', () => {
  it('contactCenter.tasks.create, update and the task controls that take a body', () => {
    const tasks = webex.contactCenter.tasks;
    const outdial = { destination: '+14085550123', entryPointId: 'ep', mediaType: 'telephony' };
    const { mediaType: _mediaType, ...noMediaType } = outdial;
    const media = { mediaResourceId: task };
    if (false as boolean) {
      void tasks.create({ ...outdial, outboundType: 'OUTDIAL', attributes: { customerTier: 'gold' } });
      void tasks.create({ ...outdial, callback: { callbackOrigin: 'web', callbackType: 'immediate' } });
      void tasks.update(task, { attributes: { customerTier: 'gold' } });
      void tasks.wrapUp(task, { auxCodeId: 'aux', wrapUpReason: 'Sale' });
      void tasks.hold(task, media);
      void tasks.unhold(task, media);
      void tasks.reject(task, media);
      void tasks.resumeRecording(task);
      void tasks.resumeRecording(task, { autoResumed: false });
      void tasks.transfer(task, { to: 'queue', destinationType: 'queue' });
      void tasks.consult(task, { to: 'agent', destinationType: 'agent', holdParticipants: true });
      void tasks.consultConference(task, { to: 'agent' });
      void tasks.consultTransfer(task, { to: 'agent', destinationType: 'agent' });
      void tasks.endConsult(task, {});
      void tasks.acceptPreview('campaign', task);
      // @ts-expect-error missing: a new task needs its `mediaType`
      void tasks.create(noMediaType);
      // @ts-expect-error missing: a callback's details need their `callbackType`
      void tasks.create({ ...outdial, callback: { callbackOrigin: 'web' } });
      // @ts-expect-error type: `attributes` is an object of values by name, not a string
      void tasks.update(task, { attributes: 'customerTier=gold' });
      // @ts-expect-error missing: a wrap-up names its `wrapUpReason` as well as its code
      void tasks.wrapUp(task, { auxCodeId: 'aux' });
      // @ts-expect-error missing: hold needs the media resource to hold
      void tasks.hold(task, {});
      // @ts-expect-error type: `holdParticipants` is a boolean
      void tasks.consult(task, { to: 'agent', destinationType: 'agent', holdParticipants: 'yes' });
      // @ts-expect-error missing: a preview task is named by its campaign and its own id
      void tasks.skipPreview(task);
    }
    expect(tasks.create).toBeTypeOf('function');
    expect(tasks.update).toBeTypeOf('function');
    expect(tasks.consultTransfer).toBeTypeOf('function');
  });

  it('contactCenter.agents: the session calls', () => {
    const agents = webex.contactCenter.agents;
    if (false as boolean) {
      void agents.login({ dialNumber: '+14085550142', roles: ['agent'], teamId: 'team', isExtension: false });
      void agents.logout({ logoutReason: 'End of shift' });
      void agents.changeState({ state: 'Idle', auxCodeId: 'lunch', lastStateChangeReason: 'Lunch' });
      void agents.requestBuddyAgents({ agentProfileId: 'profile', mediaType: 'telephony', state: 'Available' });
      void agents.reload();
      // @ts-expect-error missing: a login says which `roles` the agent acts in
      void agents.login({ dialNumber: '+14085550142' });
      // @ts-expect-error type: `roles` is a list, not one role
      void agents.login({ dialNumber: '+14085550142', roles: 'agent' });
      // @ts-expect-error missing: a state change names its idle code (`auxCodeId`)
      void agents.changeState({ state: 'Idle' });
      // @ts-expect-error missing: a statistics window has an end (`to`)
      void agents.getStatistics({ from: timeWindow.from });
      // @ts-expect-error enum: the channels are email, chat, telephony and social
      void agents.listActivities({ from: timeWindow.from, channelTypes: ['sms'] });
    }
    expect(agents.login).toBeTypeOf('function');
    expect(agents.changeState).toBeTypeOf('function');
  });

  it('contactCenter.callMonitoring.create', () => {
    const monitoring = webex.contactCenter.callMonitoring;
    const request = { id: '0c4e8a2f-6d19-4b73-a5e0-9f3b1c7d2e86', monitorType: 'adhoc' };
    if (false as boolean) {
      void monitoring.create({ ...request, taskId: task, invisibleMode: true });
      void monitoring.create({ ...request, queueIds: ['queue'], teams: ['team'], sites: ['site'], agents: ['agent'] });
      void monitoring.delete(request.id);
      // @ts-expect-error missing: a monitoring request says its `monitorType`
      void monitoring.create({ id: request.id, taskId: task });
      // @ts-expect-error type: `queueIds` is a list of ids
      void monitoring.create({ ...request, queueIds: 'queue' });
      // @ts-expect-error type: `invisibleMode` is a boolean
      void monitoring.create({ ...request, invisibleMode: 'on' });
    }
    expect(monitoring.create).toBeTypeOf('function');
    expect(monitoring.bargeIn).toBeTypeOf('function');
  });

  it('contactCenter.callbacks.create and update', () => {
    const callbacks = webex.contactCenter.callbacks;
    const callback = {
      customerName: 'Maria Santos',
      callbackNumber: '+351912345678',
      timezone: 'Europe/Lisbon',
      scheduleDate: '2024-12-10',
      startTime: '14:00:00',
      endTime: '15:00:00',
      queueId: 'queue',
    };
    const { queueId: _queueId, ...noQueue } = callback;
    const id = '4a7d1e93-0c58-4b26-9f3e-8d2b6a1c5e07';
    if (false as boolean) {
      void callbacks.create(org, { ...callback, callbackReason: 'Invoice', assigneeAgent: 'agent' });
      void callbacks.update(org, id, { ...callback, id });
      void callbacks.list(org, { sortBy: 'scheduledTime', sortOrder: 'desc', page: 0, pageSize: 50 });
      // @ts-expect-error missing: a callback is booked into a queue (`queueId`)
      void callbacks.create(org, noQueue);
      // @ts-expect-error missing: an update repeats the callback's `id` in the body
      void callbacks.update(org, id, callback);
      // @ts-expect-error type: `scheduleDate` is a date written as text (`2024-12-10`), not a Date
      void callbacks.create(org, { ...callback, scheduleDate: new Date() });
      // @ts-expect-error enum: callbacks sort by customerName, scheduledTime or assignedTime
      void callbacks.list(org, { sortBy: 'createdTimestamp' });
      // @ts-expect-error R4: `page` counts, so it is a number, not a string
      void callbacks.list(org, { page: '1' });
    }
    expect(callbacks.create).toBeTypeOf('function');
    expect(callbacks.update).toBeTypeOf('function');
  });

  it('what the listings give: iterated pages of activities and callbacks, whole answers for tasks and statistics', () => {
    // Wrapped in functions that are never called, so that nothing is sent.
    const { agents, callbacks, tasks } = webex.contactCenter;
    expectTypeOf(() => agents.listActivities(timeWindow).first()).returns.resolves.toEqualTypeOf<
      ContactCenterAgentActivity | undefined
    >();
    expectTypeOf(() => callbacks.list(org).first()).returns.resolves.toEqualTypeOf<ContactCenterCallback | undefined>();
    expectTypeOf(() => tasks.list(timeWindow)).returns.resolves.toEqualTypeOf<ContactCenterTaskList>();
    expectTypeOf(() =>
      agents.getStatistics(timeWindow),
    ).returns.resolves.toEqualTypeOf<ContactCenterAgentStatisticsList>();
    expectTypeOf(tasks.create).returns.resolves.toEqualTypeOf<ContactCenterTaskCreated>();
    expectTypeOf(tasks.accept).returns.resolves.toEqualTypeOf<void>();
  });
});
