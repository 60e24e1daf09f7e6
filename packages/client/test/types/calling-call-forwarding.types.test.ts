// Hand-written type tests for call forwarding, the Calling setting people, workspaces, virtual lines and the caller
// ("me") share: one type read by each `get` and taken back by each `update` (a workspace's update sends both halves),
// the numbers a forward may go to, and the open enums those numbers carry. Each `@ts-expect-error` line makes exactly
// one mistake, so `tsc -p packages/client` fails if that mistake ever compiles; each fits on one line, so formatting
// cannot move the error away from its directive. The calls sit behind `if (false as boolean)`: nothing is sent; at
// run time each test only checks that the façade wires the methods.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  CallingAvailableNumber,
  CallingCallForwarding,
  CallingWorkspaceCallForwardingRequest,
  Paginated,
} from '../../src/index.js';
// The objects of known values are the models package's: the client re-exports its types only.
import { CallingAvailableNumberState } from '@webex-ts/models';
import { Webex } from '../../src/index.js';

const webex = new Webex({ accessToken: 'type-tests', baseUrl: 'http://127.0.0.1:9' });
const personId = 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS80MmQ3ZGMxZi0xYWMyLTQ0NGUtYmY3MC1kNmYyMGQyNzJiOTI';
const workspaceId = 'Y2lzY29zcGFyazovL3VzL1BMQUNFLzI4ZmVhZjk2LTlhYjQtNDk0NC1hNDQ1LWQ4YmY3ZmQyOTU5Nw';
const virtualLineId = 'Y2lzY29zcGFyazovL3VzL1ZJUlRVQUxfTElORS82YjgxMjk0Ny03MDhiLTQ3MzgtYjU1OS1hNmVkMjkzNDNkNDM';

const forwardBusyCalls: CallingCallForwarding = {
  callForwarding: { busy: { enabled: true, destination: '2225', destinationVoicemailEnabled: true } },
};
const bothHalves: CallingWorkspaceCallForwardingRequest = {
  callForwarding: { noAnswer: { enabled: true, destination: '+14085550102', numberOfRings: 3 } },
  businessContinuity: { enabled: true, destination: '+14085550103' },
};

describe('calling call forwarding: one shape for people, workspaces, virtual lines and me', () => {
  it('every get answers CallingCallForwarding', () => {
    const { people, workspaces, virtualLines, me } = webex.calling;
    expectTypeOf(people.callForwarding.get).returns.toEqualTypeOf<Promise<CallingCallForwarding>>();
    expectTypeOf(workspaces.callForwarding.get).returns.toEqualTypeOf<Promise<CallingCallForwarding>>();
    expectTypeOf(virtualLines.callForwarding.get).returns.toEqualTypeOf<Promise<CallingCallForwarding>>();
    expectTypeOf(me.callForwarding.get).returns.toEqualTypeOf<Promise<CallingCallForwarding>>();
    // The read-only maximum is answered, as a number.
    expectTypeOf<
      NonNullable<NonNullable<CallingCallForwarding['callForwarding']>['noAnswer']>['systemMaxNumberOfRings']
    >().toEqualTypeOf<number | undefined>();
  });

  it('people, virtual lines and me update with any part of it; what get answers goes back as it is', async () => {
    const { people, virtualLines, me } = webex.calling;
    if (false as boolean) {
      void people.callForwarding.update(personId, forwardBusyCalls, { orgId: 'org' }, { timeout: 5_000 });
      void people.callForwarding.update(personId, {});
      void virtualLines.callForwarding.update(virtualLineId, forwardBusyCalls);
      void me.callForwarding.update({ businessContinuity: { enabled: false } });
      void people.callForwarding.update(personId, await people.callForwarding.get(personId, { orgId: 'org' }));
      // @ts-expect-error type: numberOfRings counts rings, a number
      void people.callForwarding.update(personId, { callForwarding: { noAnswer: { numberOfRings: '3' } } });
      // @ts-expect-error type: `enabled` is a boolean
      void virtualLines.callForwarding.update(virtualLineId, { businessContinuity: { enabled: 'yes' } });
      // @ts-expect-error path: "me" is the token's owner, no person id
      void me.callForwarding.update(personId, forwardBusyCalls);
      // @ts-expect-error missing: a person's update needs a body
      void people.callForwarding.update(personId);
    }
    expect(people.callForwarding.update).toBeTypeOf('function');
    expect(virtualLines.callForwarding.update).toBeTypeOf('function');
    expect(me.callForwarding.update).toBeTypeOf('function');
  });

  it('a workspace updates with both halves', () => {
    const forwarding = webex.calling.workspaces.callForwarding;
    const { businessContinuity: _left, ...oneHalf } = bothHalves;
    expectTypeOf<CallingWorkspaceCallForwardingRequest>().toExtend<CallingCallForwarding>();
    if (false as boolean) {
      void forwarding.update(workspaceId, bothHalves);
      void forwarding.update(workspaceId, { ...bothHalves, callForwarding: {} }, { orgId: 'org' });
      // @ts-expect-error missing: a workspace's update sends `businessContinuity` too
      void forwarding.update(workspaceId, oneHalf);
      // @ts-expect-error missing: the shared shape, all optional, is not enough for a workspace
      void forwarding.update(workspaceId, forwardBusyCalls);
    }
    expect(forwarding.update).toBeTypeOf('function');
  });

  it('listAvailableNumbers iterates CallingAvailableNumber, paged by max and start', () => {
    const { people, workspaces, virtualLines } = webex.calling;
    expectTypeOf(people.callForwarding.listAvailableNumbers).returns.toEqualTypeOf<Paginated<CallingAvailableNumber>>();
    expectTypeOf(workspaces.callForwarding.listAvailableNumbers).returns.toEqualTypeOf<
      Paginated<CallingAvailableNumber>
    >();
    expectTypeOf(virtualLines.callForwarding.listAvailableNumbers).returns.toEqualTypeOf<
      Paginated<CallingAvailableNumber>
    >();
    if (false as boolean) {
      void people.callForwarding.listAvailableNumbers(personId, { ownerName: 'Ana', max: 50, start: 100 });
      // @ts-expect-error type: `max` is a number of numbers (R4)
      void people.callForwarding.listAvailableNumbers(personId, { max: '50' });
    }
    expect(people.callForwarding.listAvailableNumbers).toBeTypeOf('function');
  });
});

describe('calling open enums (x-sdk-open-enums)', () => {
  // Exclude, not NonNullable: TypeScript reduces `T & {}` of an open enum to `string & {}`, losing the known values.
  type State = Exclude<CallingAvailableNumber['state'], undefined>;
  type OwnerType = Exclude<NonNullable<CallingAvailableNumber['owner']>['type'], undefined>;

  it('offers the known values: they are in the type, which is no plain string', () => {
    expectTypeOf<'ACTIVE'>().toExtend<State>();
    expectTypeOf<'INACTIVE'>().toExtend<State>();
    expectTypeOf<'VIRTUAL_LINE'>().toExtend<OwnerType>();
    // `string` would swallow the literals, and editors would offer nothing.
    expectTypeOf<State>().toEqualTypeOf<CallingAvailableNumberState>();
    expectTypeOf<State>().not.toEqualTypeOf<string>();
    expectTypeOf<Extract<State, 'ACTIVE' | 'INACTIVE'>>().toEqualTypeOf<'ACTIVE' | 'INACTIVE'>();
    // The object of known values stays, for iteration.
    expect(Object.values(CallingAvailableNumberState)).toEqual(['ACTIVE', 'INACTIVE']);
  });

  it('accepts a value newer than the list, and refuses what is no string', () => {
    expectTypeOf<'RESERVED'>().toExtend<State>();
    expectTypeOf<string>().toExtend<State>();
    expectTypeOf<number>().not.toExtend<State>();
    const answered: CallingAvailableNumber = {
      phoneNumber: '+14085550120',
      state: 'PORTING_IN',
      owner: { id: 'x', type: 'AI_AGENT' },
    };
    // @ts-expect-error type: a state is a string, never a number
    const wrong: CallingAvailableNumber = { state: 1 };
    // @ts-expect-error type: an owner's type is a string, never a boolean
    const alsoWrong: CallingAvailableNumber = { owner: { id: 'x', type: true } };
    expect([answered.state, wrong, alsoWrong]).toHaveLength(3);
  });
});
