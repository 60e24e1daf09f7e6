// Hand-written type tests for the Webex for BroadWorks resources' create, update and directory-sync methods.
// Each `@ts-expect-error` line makes exactly one mistake, so `tsc -p packages/client` fails if that mistake ever
// compiles. Each such call fits on one line, so formatting cannot move the error away from its directive. The calls
// sit behind `if (false as boolean)`: nothing is sent; at run time each test only checks that the façade wires the
// methods. Bodies whose fields are all optional have no "missing field" case.
import { describe, expect, it } from 'vitest';
import type { BroadWorksSubscriberCreateRequest } from '../../src/index.js';
import { Webex } from '../../src/index.js';

const webex = new Webex({ accessToken: 'type-tests', baseUrl: 'http://127.0.0.1:9' });
const ENTERPRISE = 'E';

describe('broadWorks create/update types', () => {
  it('broadWorks.billingReports.create', () => {
    const reports = webex.broadWorks.billingReports;
    if (false as boolean) {
      void reports.create({ billingPeriod: '2026-10' });
      void reports.list({ after: '2026-01-01', sortBy: 'billingPeriod' });
      // @ts-expect-error misspelled: `period` is not a field of BroadWorksBillingReportCreateRequest
      void reports.create({ period: '2026-10' });
      // @ts-expect-error missing: `billingPeriod` is required
      void reports.create({});
    }
    expect(reports.create).toBeTypeOf('function');
  });

  it('broadWorks.enterprises directory sync', () => {
    const enterprises = webex.broadWorks.enterprises;
    if (false as boolean) {
      void enterprises.updateDirectorySync(ENTERPRISE, { enableDirSync: true });
      void enterprises.triggerDirectorySync(ENTERPRISE, { syncStatus: 'SYNC_NOW' });
      void enterprises.triggerUserDirectorySync(ENTERPRISE, { userId: 'lobby-phone@example.com' });
      void enterprises.triggerUserDirectorySync(ENTERPRISE, {});
      void enterprises.list({ startsWith: 'Reliant', max: 50 });
      // @ts-expect-error missing: `enableDirSync` is required
      void enterprises.updateDirectorySync(ENTERPRISE, {});
      // @ts-expect-error type: `enableDirSync` is a boolean, not text
      void enterprises.updateDirectorySync(ENTERPRISE, { enableDirSync: 'true' });
      // @ts-expect-error missing: `syncStatus` is required
      void enterprises.triggerDirectorySync(ENTERPRISE, {});
      // @ts-expect-error misspelled: `userID` is not a field of BroadWorksEnterpriseUserSyncRequest
      void enterprises.triggerUserDirectorySync(ENTERPRISE, { userID: 'lobby-phone@example.com' });
      // @ts-expect-error R4: `max` counts, so it is a number, not a string
      void enterprises.list({ max: '50' });
    }
    expect(enterprises.updateDirectorySync).toBeTypeOf('function');
    expect(enterprises.triggerDirectorySync).toBeTypeOf('function');
    expect(enterprises.triggerUserDirectorySync).toBeTypeOf('function');
  });

  it('broadWorks.subscribers.create, update and precheck', () => {
    const subscribers = webex.broadWorks.subscribers;
    const base: Omit<BroadWorksSubscriberCreateRequest, 'package' | 'lastName'> = {
      provisioningId: 'PROV',
      userId: 'priya.raman@reliant.example.com',
      spEnterpriseId: 'Reliant-Ent',
      firstName: 'Priya',
      email: 'priya.raman@reliant.example.com',
    };
    if (false as boolean) {
      void subscribers.create({ ...base, lastName: 'Raman', package: 'standard', timezone: 'America/Los_Angeles' });
      // The document types an update's `package` as plain text, so any string compiles there.
      void subscribers.update('S', { package: 'premium', extension: '131' });
      void subscribers.precheck({ email: 'priya.raman@reliant.example.com', package: 'basic' });
      void subscribers.list({ status: 'pending_email_input', selfActivated: false, max: 100 });
      // @ts-expect-error missing: `lastName` is required
      void subscribers.create({ ...base, package: 'standard' });
      // @ts-expect-error enum: a package is softphone, basic, standard or premium
      void subscribers.create({ ...base, lastName: 'Raman', package: 'gold' });
      // @ts-expect-error misspelled: `mobileNumber` is not a field of BroadWorksSubscriberUpdateRequest
      void subscribers.update('S', { mobileNumber: '+15035550762' });
      // @ts-expect-error missing: `email` is required to precheck
      void subscribers.precheck({ userId: 'priya.raman@reliant.example.com' });
      // @ts-expect-error enum: `active` is not a subscriber status
      void subscribers.list({ status: 'active' });
    }
    expect(subscribers.create).toBeTypeOf('function');
    expect(subscribers.update).toBeTypeOf('function');
    expect(subscribers.precheck).toBeTypeOf('function');
  });

  it('broadWorks.workspaces.create and update', () => {
    const workspaces = webex.broadWorks.workspaces;
    const base = { provisioningId: 'PROV', userId: 'lobby-phone@reliant.example.com', spEnterpriseId: 'Reliant-Ent' };
    if (false as boolean) {
      void workspaces.create({ ...base, displayName: 'Main Lobby', primaryPhoneNumber: '+15035550100' });
      void workspaces.update('W', { extension: '110' });
      // @ts-expect-error missing: `displayName` is required
      void workspaces.create({ ...base, extension: '100' });
      // @ts-expect-error misspelled: `displayName` cannot change on update (not a field of its request)
      void workspaces.update('W', { displayName: 'Front Lobby' });
    }
    expect(workspaces.create).toBeTypeOf('function');
    expect(workspaces.update).toBeTypeOf('function');
  });
});
