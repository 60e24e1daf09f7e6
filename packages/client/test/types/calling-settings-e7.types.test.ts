// Hand-written type tests for the Calling settings of slice e7: a person's call bridge warning tone (the shape
// workspaces and virtual lines share) and the personal assistant people and the caller ("me") share. Each
// `@ts-expect-error` line makes exactly one mistake, so `tsc -p packages/client` fails if that mistake ever compiles;
// each fits on one line, so formatting cannot move the error away from its directive. Calling enums are open (any
// string compiles), so the mistakes are of type, of presence and of kind of line. The calls sit behind
// `if (false as boolean)`: nothing is sent; at run time each test only checks that the façade wires the methods.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CallingCallBridge, CallingPersonalAssistant } from '../../src/index.js';
// The objects of known values are the models package's: the client re-exports its types only.
import { CallingPersonalAssistantAlerting, CallingPersonalAssistantPresence } from '@webex-ts/models';
import { Webex } from '../../src/index.js';

const webex = new Webex({ accessToken: 'type-tests', baseUrl: 'http://127.0.0.1:9' });
const { people, workspaces, virtualLines, me } = webex.calling;
const personId = 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS83YjVmNmE0Mi0zYzE5LTRkOGEtOWU2MS0yZjBhYjhjNDU1ZTE';
const workspaceId = 'Y2lzY29zcGFyazovL3VzL1BMQUNFLzFhOGY0YzYyLTk5ZDMtNGIxNy1hZjI1LTdlMzBjNWI4ZDQ0MA';
const virtualLineId = 'Y2lzY29zcGFyazovL3VzL1ZJUlRVQUxfTElORS9jNGUyMWI3MC0wZjZhLTQ1OGQtYjkzMi02YTFkOGU1ZjA3YzM';
const orgId = 'Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi85NmFiYzJhYS0zZGNjLTExZTUtYTE1Mi1mZTM0ODE5Y2RjOWE';

const awayOnTrip: CallingPersonalAssistant = {
  enabled: true,
  presence: 'BUSINESS_TRIP',
  untilDateTime: '2026-11-27T17:00:00Z',
  transferEnabled: true,
  transferNumber: '+14085550197',
  alerting: 'ALERT_ME_FIRST',
  alertMeFirstNumberOfRings: 2,
};

describe('calling call bridge: a person shares the shape of workspaces and virtual lines', () => {
  it('every get answers CallingCallBridge', () => {
    expectTypeOf(people.callBridge.get).returns.toEqualTypeOf<Promise<CallingCallBridge>>();
    expectTypeOf(workspaces.callBridge.get).returns.toEqualTypeOf<Promise<CallingCallBridge>>();
    expectTypeOf(virtualLines.callBridge.get).returns.toEqualTypeOf<Promise<CallingCallBridge>>();
    expectTypeOf(people.callBridge.update).returns.toEqualTypeOf<Promise<void>>();
  });

  it("a person's update may leave the flag out, a workspace's may not", () => {
    if (false as boolean) {
      void people.callBridge.update(personId, { warningToneEnabled: false }, { orgId });
      void people.callBridge.update(personId, {});
      void workspaces.callBridge.update(workspaceId, { warningToneEnabled: true });
      void virtualLines.callBridge.update(virtualLineId, { warningToneEnabled: true });
      // @ts-expect-error type: `warningToneEnabled` is a boolean
      void people.callBridge.update(personId, { warningToneEnabled: 'on' });
      // @ts-expect-error path: the person's id comes first
      void people.callBridge.update({ warningToneEnabled: true });
      // @ts-expect-error missing: a workspace's update sends `warningToneEnabled`
      void workspaces.callBridge.update(workspaceId, {});
      // @ts-expect-error type: `orgId` is a string
      void people.callBridge.get(personId, { orgId: 42 });
    }
    expect(people.callBridge.get).toBeTypeOf('function');
    expect(people.callBridge.update).toBeTypeOf('function');
  });
});

describe('calling personal assistant: one shape for people and me', () => {
  it('both gets answer CallingPersonalAssistant, which both updates take back', () => {
    expectTypeOf(people.personalAssistant.get).returns.toEqualTypeOf<Promise<CallingPersonalAssistant>>();
    expectTypeOf(me.personalAssistant.get).returns.toEqualTypeOf<Promise<CallingPersonalAssistant>>();
    expectTypeOf(people.personalAssistant.update).parameter(1).toEqualTypeOf<CallingPersonalAssistant>();
    expectTypeOf(me.personalAssistant.update).parameter(0).toEqualTypeOf<CallingPersonalAssistant>();
    expectTypeOf<CallingPersonalAssistant['alertMeFirstNumberOfRings']>().toEqualTypeOf<number | undefined>();
  });

  it('presence and alerting are open: the known values are offered, newer ones compile', () => {
    expectTypeOf<'VACATION'>().toExtend<NonNullable<CallingPersonalAssistant['presence']>>();
    expectTypeOf<'SABBATICAL'>().toExtend<NonNullable<CallingPersonalAssistant['presence']>>();
    expectTypeOf<'PLAY_RING_REMINDER'>().toExtend<NonNullable<CallingPersonalAssistant['alerting']>>();
    expect(Object.values(CallingPersonalAssistantPresence)).toContain('OUT_OF_OFFICE');
    expect(Object.values(CallingPersonalAssistantAlerting)).toEqual(['ALERT_ME_FIRST', 'PLAY_RING_REMINDER', 'NONE']);
  });

  it('an administrator updates a person by id; the caller updates themselves without one', () => {
    if (false as boolean) {
      void people.personalAssistant.update(personId, awayOnTrip, { orgId });
      void people.personalAssistant.update(personId, { enabled: false });
      void me.personalAssistant.update(awayOnTrip);
      void me.personalAssistant.update({ presence: 'LUNCH', alerting: 'NONE' });
      // @ts-expect-error path: the person's id comes first
      void people.personalAssistant.update({ enabled: true });
      // @ts-expect-error type: `enabled` is a boolean
      void people.personalAssistant.update(personId, { enabled: 'yes' });
      // @ts-expect-error type: the rings before an alert are counted, a number
      void people.personalAssistant.update(personId, { alertMeFirstNumberOfRings: '3' });
      // @ts-expect-error type: `untilDateTime` is an ISO 8601 string, not a Date
      void people.personalAssistant.update(personId, { untilDateTime: new Date('2026-11-27T17:00:00Z') });
      // @ts-expect-error type: `presence` is a string
      void people.personalAssistant.update(personId, { presence: 3 });
      // @ts-expect-error path: "me" is the token's owner, no person id
      void me.personalAssistant.update(personId, { enabled: false });
    }
    expect(people.personalAssistant.get).toBeTypeOf('function');
    expect(people.personalAssistant.update).toBeTypeOf('function');
    expect(me.personalAssistant.update).toBeTypeOf('function');
  });
});
