// Hand-written type tests for the create, update and bulk methods of Contact Center's auxiliary codes, work types and
// global variables, and for what their listings iterate. Each `@ts-expect-error` line makes exactly one mistake, so
// `tsc -p packages/client` fails if that mistake ever compiles. Each such call fits on one line, so formatting cannot
// move the error away from its directive. The calls sit behind `if (false as boolean)`: nothing is sent; at run time
// each test only checks that the façade wires the methods.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  ContactCenterAuxiliaryCode,
  ContactCenterAuxiliaryCodeExport,
  ContactCenterGlobalVariable,
  ContactCenterWorkType,
} from '../../src/index.js';
import { Webex } from '../../src/index.js';

const webex = new Webex({
  accessToken: 'type-tests',
  baseUrl: 'http://127.0.0.1:9',
  contactCenter: { baseUrl: 'http://127.0.0.1:9' },
});
const org = '2f0c5a9e-7d41-4c6b-9e3a-51b8d0e4f7a2';

describe('contact center auxiliary codes, work types and global variables: create/update types', () => {
  it('contactCenter.auxiliaryCodes.create, update, bulkSave and bulkUpdate', () => {
    const codes = webex.contactCenter.auxiliaryCodes;
    const code = {
      name: 'Lunch',
      defaultCode: false,
      active: true,
      workTypeId: 'wt',
      workTypeCode: 'IDLE_CODE',
    } as const;
    const { workTypeId: _workTypeId, ...noWorkType } = code;
    if (false as boolean) {
      void codes.create(org, code);
      void codes.update(org, 'id', { ...code, version: 2, burnoutInclusion: 'EXCLUDED', description: 'Lunch break' });
      void codes.bulkSave(org, { items: [{ itemIdentifier: 1, item: code, requestAction: 'SAVE' }] });
      void codes.bulkUpdate(org, { items: [{ itemIdentifier: 1, item: { ...code, active: false } }] });
      void codes.list(org, { desktopProfileFilter: true, supervisedUserId: 'agent', page: 0, pageSize: 50 });
      void codes.purgeInactive(org, { nextStartId: 'id' });
      // @ts-expect-error missing: an auxiliary code belongs to a work type (`workTypeId`)
      void codes.create(org, noWorkType);
      // @ts-expect-error enum: a `workTypeCode` is IDLE_CODE or WRAP_UP_CODE
      void codes.create(org, { ...code, workTypeCode: 'BREAK_CODE' });
      // @ts-expect-error enum: a `burnoutInclusion` is NOT_APPLICABLE, EXCLUDED or INCLUDED
      void codes.update(org, 'id', { ...code, burnoutInclusion: 'YES' });
      // @ts-expect-error type: `defaultCode` is a boolean, not a string (only the export writes it as text)
      void codes.update(org, 'id', { ...code, defaultCode: 'false' });
      // @ts-expect-error missing: a bulk item's code still needs its `name`
      void codes.bulkUpdate(org, { items: [{ itemIdentifier: 1, item: { active: true, workTypeId: 'wt' } }] });
      // @ts-expect-error R4: `pageSize` counts, so it is a number, not a string
      void codes.listV1(org, { pageSize: '100' });
    }
    expect(codes.create).toBeTypeOf('function');
    expect(codes.update).toBeTypeOf('function');
    expect(codes.bulkSave).toBeTypeOf('function');
    expect(codes.bulkUpdate).toBeTypeOf('function');
  });

  it('contactCenter.workTypes.create, update and bulkSave', () => {
    const workTypes = webex.contactCenter.workTypes;
    const workType = { name: 'Idle Code', workTypeCode: 'IDLE_CODE', active: true };
    if (false as boolean) {
      void workTypes.create(org, workType);
      void workTypes.update(org, 'id', { ...workType, version: 1, description: 'Why an agent is away' });
      void workTypes.bulkSave(org, { items: [{ itemIdentifier: 1, item: workType }] });
      // @ts-expect-error missing: `workTypeCode` is required
      void workTypes.create(org, { name: 'Idle Code', active: true });
      // @ts-expect-error type: `active` is a boolean
      void workTypes.update(org, 'id', { ...workType, active: 'true' });
      // @ts-expect-error misspelled: `code` is not a field of ContactCenterWorkTypeRequest
      void workTypes.create(org, { ...workType, code: 'IDLE_CODE' });
    }
    expect(workTypes.create).toBeTypeOf('function');
    expect(workTypes.update).toBeTypeOf('function');
  });

  it('contactCenter.globalVariables.create, update and bulkSave', () => {
    const variables = webex.contactCenter.globalVariables;
    const variable = {
      name: 'customerTier',
      active: true,
      agentEditable: false,
      variableType: 'STRING',
      defaultValue: 'standard',
      reportable: true,
      agentViewable: true,
    } as const;
    const { reportable: _reportable, ...noReportable } = variable;
    if (false as boolean) {
      void variables.create(org, { ...variable, sensitive: false, desktopLabel: 'Customer tier' });
      void variables.update(org, 'id', { ...variable, version: 1, variableType: 'DateTime', defaultValue: '' });
      void variables.bulkSave(org, { items: [{ itemIdentifier: 1, item: variable }] });
      void variables.getReportableCount(org);
      // @ts-expect-error missing: `reportable` is required
      void variables.create(org, noReportable);
      // @ts-expect-error enum: `variableType` has no FLOAT (DECIMAL or Decimal)
      void variables.create(org, { ...variable, variableType: 'FLOAT' });
      // @ts-expect-error type: `defaultValue` is text whatever the variable's type
      void variables.update(org, 'id', { ...variable, defaultValue: 3 });
    }
    expect(variables.create).toBeTypeOf('function');
    expect(variables.getReportableCount).toBeTypeOf('function');
  });

  it('listings iterate the items: the element of a bare array, or of the envelope data', () => {
    expectTypeOf(webex.contactCenter.auxiliaryCodes.listV1(org).first()).resolves.toEqualTypeOf<
      ContactCenterAuxiliaryCode | undefined
    >();
    expectTypeOf(webex.contactCenter.auxiliaryCodes.list(org).first()).resolves.toEqualTypeOf<
      ContactCenterAuxiliaryCode | undefined
    >();
    expectTypeOf(webex.contactCenter.auxiliaryCodes.bulkExport(org).first()).resolves.toEqualTypeOf<
      ContactCenterAuxiliaryCodeExport | undefined
    >();
    expectTypeOf(webex.contactCenter.workTypes.list(org).first()).resolves.toEqualTypeOf<
      ContactCenterWorkType | undefined
    >();
    expectTypeOf(webex.contactCenter.globalVariables.list(org).first()).resolves.toEqualTypeOf<
      ContactCenterGlobalVariable | undefined
    >();
  });
});
