// Hand-written type tests for the Calling settings that decide which calls a line may make and take, and how
// private it is: outgoing permissions (with access codes, auto transfer numbers and digit patterns), incoming
// permissions, call intercept, privacy, anonymous call rejection, call policies and the caller's call block list.
// Each setting is one shape for people, workspaces, virtual lines and "me"; where one kind of line requires more, its
// update says so. Each `@ts-expect-error` line makes exactly one mistake, so `tsc -p packages/client` fails if that
// mistake ever compiles; each fits on one line, so formatting cannot move the error away from its directive. The calls
// sit behind `if (false as boolean)`: nothing is sent; at run time each test only checks that the façade wires the
// methods.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  CallingAnonymousCallReject,
  CallingAvailableNumber,
  CallingCallIntercept,
  CallingCallPolicies,
  CallingIncomingPermission,
  CallingIncomingPermissionUpdate,
  CallingMyCallBlock,
  CallingMyCallBlockNumberId,
  CallingOutgoingPermission,
  CallingOutgoingPermissionAccessCodes,
  CallingOutgoingPermissionDigitPattern,
  CallingOutgoingPermissionDigitPatterns,
  CallingOutgoingPermissionTransferNumbers,
  CallingOutgoingPermissionUpdate,
  CallingPrivacy,
  Paginated,
} from '../../src/index.js';
// The objects of known values are the models package's: the client re-exports its types only.
import { CallingOutgoingPermissionAction } from '@webex-ts/models';
import { Webex } from '../../src/index.js';

const webex = new Webex({ accessToken: 'type-tests', baseUrl: 'http://127.0.0.1:9' });
const personId = 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS80MmQ3ZGMxZi0xYWMyLTQ0NGUtYmY3MC1kNmYyMGQyNzJiOTI';
const workspaceId = 'Y2lzY29zcGFyazovL3VzL1BMQUNFLzI4ZmVhZjk2LTlhYjQtNDk0NC1hNDQ1LWQ4YmY3ZmQyOTU5Nw';
const virtualLineId = 'Y2lzY29zcGFyazovL3VzL1ZJUlRVQUxfTElORS82YjgxMjk0Ny03MDhiLTQ3MzgtYjU1OS1hNmVkMjkzNDNkNDM';
const patternId = 'Y2lzY29zcGFyazovL3VzL0RJR0lUX1BBVFRFUk4vNGJkMmU1MTUtMzIzMS00NzRjLWI2MTUtYTJmMzYxMjBiNTVj';

const blockInternational: CallingOutgoingPermissionUpdate = {
  useCustomEnabled: true,
  callingPermissions: [{ callType: 'INTERNATIONAL', action: 'BLOCK', transferEnabled: false }],
};
const { callingPermissions: _dropped, ...noPermissions } = blockInternational;
const incomingAll: CallingIncomingPermissionUpdate = {
  useCustomEnabled: true,
  externalTransfer: 'ALLOW_ONLY_TRANSFERRED_EXTERNAL',
  internalCallsEnabled: true,
  collectCallsEnabled: false,
};
const { collectCallsEnabled: _collect, ...incomingPart } = incomingAll;
const intercept: CallingCallIntercept = {
  enabled: true,
  incoming: { type: 'INTERCEPT_ALL', announcements: { newNumber: { enabled: true, destination: '+17205550142' } } },
  outgoing: { type: 'ALLOW_LOCAL_ONLY' },
};
const recording = new Blob([new Uint8Array(44)], { type: 'audio/wav' });

describe('calling outgoing permission: one shape, a stricter update for people and virtual lines', () => {
  it('every get and listing answers the shared shapes', () => {
    const { people, workspaces, virtualLines } = webex.calling;
    expectTypeOf(people.outgoingPermission.get).returns.toEqualTypeOf<Promise<CallingOutgoingPermission>>();
    expectTypeOf(workspaces.outgoingPermission.get).returns.toEqualTypeOf<Promise<CallingOutgoingPermission>>();
    expectTypeOf(virtualLines.outgoingPermission.get).returns.toEqualTypeOf<Promise<CallingOutgoingPermission>>();
    // Access codes and digit patterns come whole, with their use-custom flag: not iterated.
    expectTypeOf(people.outgoingPermission.listAccessCodes).returns.toEqualTypeOf<
      Promise<CallingOutgoingPermissionAccessCodes>
    >();
    expectTypeOf(workspaces.outgoingPermission.listDigitPatterns).returns.toEqualTypeOf<
      Promise<CallingOutgoingPermissionDigitPatterns>
    >();
    expectTypeOf(virtualLines.outgoingPermission.getAutoTransferNumbers).returns.toEqualTypeOf<
      Promise<CallingOutgoingPermissionTransferNumbers>
    >();
    expectTypeOf(people.outgoingPermission.getDigitPattern).returns.toEqualTypeOf<
      Promise<CallingOutgoingPermissionDigitPattern>
    >();
    // R1: a digit pattern always has its id.
    expectTypeOf<CallingOutgoingPermissionDigitPattern['id']>().toEqualTypeOf<string>();
  });

  it('update: people and virtual lines send callingPermissions, a workspace may leave it out', () => {
    const { people, workspaces, virtualLines } = webex.calling;
    if (false as boolean) {
      void people.outgoingPermission.update(personId, blockInternational, { orgId: 'org' });
      void virtualLines.outgoingPermission.update(virtualLineId, blockInternational);
      void workspaces.outgoingPermission.update(workspaceId, noPermissions);
      // @ts-expect-error missing: a person's update sends `callingPermissions`
      void people.outgoingPermission.update(personId, noPermissions);
      // @ts-expect-error missing: a virtual line's update sends `callingPermissions`
      void virtualLines.outgoingPermission.update(virtualLineId, noPermissions);
      // @ts-expect-error type: `transferEnabled` is a boolean
      void workspaces.outgoingPermission.update(workspaceId, { callingPermissions: [{ transferEnabled: 'no' }] });
    }
    expect(people.outgoingPermission.update).toBeTypeOf('function');
    expect(workspaces.outgoingPermission.update).toBeTypeOf('function');
    expect(virtualLines.outgoingPermission.update).toBeTypeOf('function');
  });

  it('access codes: create one, update the list; a workspace has no useCustomAccessCodes', () => {
    const { people, workspaces, virtualLines } = webex.calling;
    if (false as boolean) {
      void people.outgoingPermission.createAccessCode(personId, { code: '4711', description: 'Sales' });
      void workspaces.outgoingPermission.createAccessCode(workspaceId, { code: '4711', description: 'Lobby' });
      void virtualLines.outgoingPermission.createAccessCode(virtualLineId, { code: '4711', description: 'Line' });
      void people.outgoingPermission.updateAccessCodes(personId, { useCustomAccessCodes: true, deleteCodes: ['8080'] });
      void virtualLines.outgoingPermission.updateAccessCodes(virtualLineId, { deleteCodes: ['8080'] });
      void workspaces.outgoingPermission.updateAccessCodes(workspaceId, { deleteCodes: ['8080'] });
      void people.outgoingPermission.deleteAllAccessCodes(personId);
      // @ts-expect-error missing: an access code needs its `description`
      void people.outgoingPermission.createAccessCode(personId, { code: '4711' });
      // @ts-expect-error type: a code is a string of digits, not a number
      void virtualLines.outgoingPermission.createAccessCode(virtualLineId, { code: 4711, description: 'Line' });
      // @ts-expect-error unknown field: a workspace's update takes only `deleteCodes`
      void workspaces.outgoingPermission.updateAccessCodes(workspaceId, { useCustomAccessCodes: true });
      // @ts-expect-error type: `deleteCodes` lists codes, an array
      void people.outgoingPermission.updateAccessCodes(personId, { deleteCodes: '8080' });
    }
    expect(people.outgoingPermission.createAccessCode).toBeTypeOf('function');
    expect(workspaces.outgoingPermission.updateAccessCodes).toBeTypeOf('function');
  });

  it('auto transfer numbers: every update says whether the line uses its own', () => {
    const { people, workspaces, virtualLines } = webex.calling;
    const own = { useCustomTransferNumbers: true } as const;
    if (false as boolean) {
      void people.outgoingPermission.updateAutoTransferNumbers(personId, { useCustomTransferNumbers: true });
      void workspaces.outgoingPermission.updateAutoTransferNumbers(workspaceId, {
        useCustomTransferNumbers: true,
        autoTransferNumber1: '+14085550150',
        autoTransferNumber3: '',
      });
      void virtualLines.outgoingPermission.updateAutoTransferNumbers(virtualLineId, {
        useCustomTransferNumbers: false,
      });
      // @ts-expect-error missing: `useCustomTransferNumbers` is required
      void people.outgoingPermission.updateAutoTransferNumbers(personId, { autoTransferNumber1: '+14085550150' });
      // @ts-expect-error type: a transfer number is a string
      void workspaces.outgoingPermission.updateAutoTransferNumbers(workspaceId, { ...own, autoTransferNumber2: 1150 });
    }
    expect(virtualLines.outgoingPermission.updateAutoTransferNumbers).toBeTypeOf('function');
  });

  it('digit patterns: create with every field, update any, settings apart', () => {
    const { people, workspaces, virtualLines } = webex.calling;
    const pattern = { name: 'Block 900', pattern: '1900XXXXXXX', transferEnabled: false } as const;
    if (false as boolean) {
      // Cisco's document lists ADD/DELETE for people and workspaces; the open enum takes an answer's action too.
      void people.outgoingPermission.createDigitPattern(personId, { ...pattern, action: 'ADD' });
      void workspaces.outgoingPermission.createDigitPattern(workspaceId, { ...pattern, action: 'BLOCK' });
      void virtualLines.outgoingPermission.createDigitPattern(virtualLineId, { ...pattern, action: 'BLOCK' });
      void people.outgoingPermission.updateDigitPattern(personId, patternId, { name: 'Block premium 900' });
      void virtualLines.outgoingPermission.updateDigitPattern(virtualLineId, patternId, { action: 'AUTH_CODE' });
      void workspaces.outgoingPermission.updateDigitPatternSettings(workspaceId, { useCustomDigitPatterns: true });
      void people.outgoingPermission.deleteDigitPattern(personId, patternId, { orgId: 'org' });
      void workspaces.outgoingPermission.deleteAllDigitPatterns(workspaceId);
      // @ts-expect-error missing: a new digit pattern needs its `action`
      void virtualLines.outgoingPermission.createDigitPattern(virtualLineId, pattern);
      // @ts-expect-error missing: a new digit pattern needs `transferEnabled`
      void people.outgoingPermission.createDigitPattern(personId, { name: 'a', pattern: '1900XXXXXXX', action: 'ADD' });
      // @ts-expect-error type: an action is a string, never a boolean
      void workspaces.outgoingPermission.updateDigitPattern(workspaceId, patternId, { action: true });
      // @ts-expect-error path: a digit pattern is reached by the line's id and its own
      void people.outgoingPermission.getDigitPattern(personId);
      // @ts-expect-error type: `useCustomDigitPatterns` is a boolean
      void virtualLines.outgoingPermission.updateDigitPatternSettings(virtualLineId, { useCustomDigitPatterns: 1 });
    }
    expect(people.outgoingPermission.createDigitPattern).toBeTypeOf('function');
    expect(virtualLines.outgoingPermission.updateDigitPattern).toBeTypeOf('function');
  });

  it('an action is an open enum: the known values are offered, newer ones accepted', () => {
    type Action = Exclude<CallingOutgoingPermissionDigitPattern['action'], undefined>;
    expectTypeOf<'TRANSFER_NUMBER_3'>().toExtend<Action>();
    expectTypeOf<'REQUIRE_APPROVAL'>().toExtend<Action>();
    expectTypeOf<Action>().not.toEqualTypeOf<string>();
    expectTypeOf<number>().not.toExtend<Action>();
    expect(Object.values(CallingOutgoingPermissionAction)).toContain('AUTH_CODE');
  });
});

describe('calling incoming permission', () => {
  it('people and virtual lines send the whole setting, a workspace any part', () => {
    const { people, workspaces, virtualLines } = webex.calling;
    expectTypeOf(virtualLines.incomingPermission.get).returns.toEqualTypeOf<Promise<CallingIncomingPermission>>();
    if (false as boolean) {
      void people.incomingPermission.update(personId, incomingAll);
      void virtualLines.incomingPermission.update(virtualLineId, incomingAll, { orgId: 'org' });
      void workspaces.incomingPermission.update(workspaceId, incomingPart);
      // @ts-expect-error missing: a person's update sends `collectCallsEnabled` too
      void people.incomingPermission.update(personId, incomingPart);
      // @ts-expect-error missing: a virtual line's update sends `collectCallsEnabled` too
      void virtualLines.incomingPermission.update(virtualLineId, incomingPart);
      // @ts-expect-error type: `internalCallsEnabled` is a boolean
      void workspaces.incomingPermission.update(workspaceId, { internalCallsEnabled: 'true' });
    }
    expect(workspaces.incomingPermission.update).toBeTypeOf('function');
  });
});

describe('calling call intercept', () => {
  it('one shape for get and update, a greeting upload and the numbers it may point at', async () => {
    const { people, workspaces, virtualLines } = webex.calling;
    expectTypeOf(workspaces.callIntercept.get).returns.toEqualTypeOf<Promise<CallingCallIntercept>>();
    expectTypeOf(people.callIntercept.listAvailableNumbers).returns.toEqualTypeOf<Paginated<CallingAvailableNumber>>();
    expectTypeOf(virtualLines.callIntercept.listAvailableNumbers).returns.toEqualTypeOf<
      Paginated<CallingAvailableNumber>
    >();
    if (false as boolean) {
      void people.callIntercept.update(personId, intercept);
      void workspaces.callIntercept.update(workspaceId, { enabled: false });
      void virtualLines.callIntercept.update(virtualLineId, await virtualLines.callIntercept.get(virtualLineId));
      void people.callIntercept.uploadGreeting(personId, { file: recording });
      void workspaces.callIntercept.uploadGreeting(workspaceId, { file: recording }, { orgId: 'org' });
      void virtualLines.callIntercept.uploadGreeting(virtualLineId, { file: recording });
      void workspaces.callIntercept.listAvailableNumbers(workspaceId, { extension: '1120', max: 20, start: 0 });
      // @ts-expect-error type: `enabled` is a boolean
      void people.callIntercept.update(personId, { enabled: 'on' });
      // @ts-expect-error type: a number's `destination` is a string
      void virtualLines.callIntercept.update(virtualLineId, { outgoing: { destination: 2100 } });
      // @ts-expect-error missing: the upload is the file
      void workspaces.callIntercept.uploadGreeting(workspaceId, {});
      // @ts-expect-error type: the file is a Blob, not its name
      void people.callIntercept.uploadGreeting(personId, { file: 'moved.wav' });
      // @ts-expect-error type: `max` is a number of numbers (R4)
      void people.callIntercept.listAvailableNumbers(personId, { max: '20' });
    }
    expect(people.callIntercept.uploadGreeting).toBeTypeOf('function');
    expect(workspaces.callIntercept.listAvailableNumbers).toBeTypeOf('function');
  });
});

describe('calling privacy', () => {
  it('get answers the agents whole, update takes their ids', () => {
    const { people, workspaces, virtualLines } = webex.calling;
    expectTypeOf(people.privacy.get).returns.toEqualTypeOf<Promise<CallingPrivacy>>();
    expectTypeOf<NonNullable<CallingPrivacy['monitoringAgents']>[number]['id']>().toEqualTypeOf<string>();
    if (false as boolean) {
      void people.privacy.update(personId, { aaNamingDialingEnabled: false, monitoringAgents: [workspaceId] });
      void workspaces.privacy.update(workspaceId, { enablePhoneStatusDirectoryPrivacy: true });
      void virtualLines.privacy.update(virtualLineId, { monitoringAgents: [] }, { orgId: 'org' });
      // @ts-expect-error type: monitoring agents are sent as ids, not as the objects `get` answers
      void people.privacy.update(personId, { monitoringAgents: [{ id: personId }] });
      // @ts-expect-error type: `aaExtensionDialingEnabled` is a boolean
      void virtualLines.privacy.update(virtualLineId, { aaExtensionDialingEnabled: 'yes' });
    }
    expect(workspaces.privacy.update).toBeTypeOf('function');
  });
});

describe('calling anonymous call rejection, call policies and my call block list', () => {
  it('anonymous call rejection: every update says whether it is on', () => {
    const { people, workspaces, me } = webex.calling;
    expectTypeOf(me.anonymousCallReject.get).returns.toEqualTypeOf<Promise<CallingAnonymousCallReject>>();
    if (false as boolean) {
      void people.anonymousCallReject.update(personId, { enabled: true });
      void workspaces.anonymousCallReject.update(workspaceId, { enabled: false }, { orgId: 'org' });
      void me.anonymousCallReject.update({ enabled: true });
      // @ts-expect-error missing: `enabled` is required
      void people.anonymousCallReject.update(personId, {});
      // @ts-expect-error type: `enabled` is a boolean
      void workspaces.anonymousCallReject.update(workspaceId, { enabled: 'true' });
      // @ts-expect-error path: "me" is the token's owner, no person id
      void me.anonymousCallReject.update(personId, { enabled: true });
    }
    expect(me.anonymousCallReject.update).toBeTypeOf('function');
  });

  it('call policies: a workspace sends the setting, the user may leave it out', () => {
    const { workspaces, me } = webex.calling;
    expectTypeOf(workspaces.callPolicies.get).returns.toEqualTypeOf<Promise<CallingCallPolicies>>();
    if (false as boolean) {
      void workspaces.callPolicies.update(workspaceId, { connectedLineIdPrivacyOnRedirectedCalls: 'NO_PRIVACY' });
      void me.callPolicies.update({ connectedLineIdPrivacyOnRedirectedCalls: 'PRIVACY_FOR_ALL_CALLS' });
      void me.callPolicies.update({});
      // @ts-expect-error missing: a workspace's update sends the setting
      void workspaces.callPolicies.update(workspaceId, {});
      // @ts-expect-error type: the setting is a string, never a boolean
      void me.callPolicies.update({ connectedLineIdPrivacyOnRedirectedCalls: true });
    }
    expect(workspaces.callPolicies.update).toBeTypeOf('function');
  });

  it('call block: numbers added and removed one at a time', () => {
    const block = webex.calling.me.callBlock;
    expectTypeOf(block.get).returns.toEqualTypeOf<Promise<CallingMyCallBlock>>();
    expectTypeOf(block.addNumber).returns.toEqualTypeOf<Promise<CallingMyCallBlockNumberId>>();
    if (false as boolean) {
      void block.addNumber({ phoneNumber: '+14085550190' });
      void block.deleteNumber('Y2lzY29zcGFyazovL3VzL0NBTExfQkxPQ0tfTlVNQkVSLzI0Mjc');
      // @ts-expect-error missing: the number to block
      void block.addNumber({});
      // @ts-expect-error type: a number is a string in E.164 format
      void block.addNumber({ phoneNumber: 14085550190 });
      // @ts-expect-error path: an entry is reached by its id
      void block.getNumber();
    }
    expect(block.addNumber).toBeTypeOf('function');
  });
});
