// Hand-written type tests for the device and workspace resources' create and update methods.
// Each `@ts-expect-error` line makes exactly one mistake, so `tsc -p packages/client` fails if that mistake ever
// compiles. Each such call fits on one line, so formatting cannot move the error away from its directive. The calls
// sit behind `if (false as boolean)`: nothing is sent; at run time each test only checks that the façade wires the
// methods. Bodies whose fields are all optional have no "missing field" case.
import { describe, expect, it } from 'vitest';
import type { LocationCreateRequest } from '../../src/index.js';
import { Webex } from '../../src/index.js';

const webex = new Webex({ accessToken: 'type-tests', baseUrl: 'http://127.0.0.1:9' });

describe('devices create/update types', () => {
  it('deviceConfigurations.update (a JSON Patch array, deviceId in the query)', () => {
    const path = 'Audio.Ultrasound.MaxVolume/sources/configured/value';
    const query = { deviceId: 'D' };
    if (false as boolean) {
      void webex.deviceConfigurations.update([{ op: 'replace', path, value: 70 }], query);
      void webex.deviceConfigurations.update([{ op: 'remove', path }], query);
      // @ts-expect-error misspelled: `pth` is not a field of DeviceConfigurationPatchOperation
      void webex.deviceConfigurations.update([{ op: 'replace', pth: path, value: 50 }], query);
      // @ts-expect-error missing: the query's `deviceId` is required
      void webex.deviceConfigurations.update([{ op: 'replace', path, value: 50 }], {});
      // @ts-expect-error enum: a configuration patch `op` is remove or replace (no add)
      void webex.deviceConfigurations.update([{ op: 'add', path, value: 50 }], query);
    }
    expect(webex.deviceConfigurations.update).toBeTypeOf('function');
  });

  it('devices.create and update', () => {
    const mac = '00:11:22:33:44:55';
    const model = 'DMS Cisco 8865';
    if (false as boolean) {
      void webex.devices.create({ mac, model, workspaceId: 'W' }, { orgId: 'O' });
      void webex.devices.update('D', { op: 'add', path: 'tags', value: ['lobby'] }, { orgId: 'O' });
      // @ts-expect-error misspelled: `macAddress` is not a field of DeviceCreateRequest (it is `mac`)
      void webex.devices.create({ macAddress: mac, model });
      // @ts-expect-error missing: `model` is required
      void webex.devices.create({ mac, personId: 'P' });
      // @ts-expect-error misspelled: `values` is not a field of DeviceTagsPatch (it is `value`)
      void webex.devices.update('D', { op: 'add', path: 'tags', values: ['lobby'] });
      // @ts-expect-error enum: a tags patch `op` is add, remove or replace
      void webex.devices.update('D', { op: 'set', path: 'tags', value: ['lobby'] });
    }
    expect(webex.devices.create).toBeTypeOf('function');
    expect(webex.devices.update).toBeTypeOf('function');
  });

  it('locations.create and update', () => {
    const street = { address1: '1 Main St', city: 'San Jose', state: 'CA', country: 'US' };
    const address = { ...street, postalCode: '95113' };
    const base: Omit<LocationCreateRequest, 'timeZone' | 'announcementLanguage' | 'address'> = {
      name: 'HQ',
      preferredLanguage: 'en_us',
    };
    const timeZone = 'America/Los_Angeles';
    if (false as boolean) {
      void webex.locations.create({ ...base, timeZone, announcementLanguage: 'en_us', address }, { orgId: 'O' });
      void webex.locations.update('L', { name: 'HQ West', address: { address2: 'Floor 2' } }, { orgId: 'O' });
      // @ts-expect-error misspelled: `timezone` is not a field of LocationCreateRequest (it is `timeZone`)
      void webex.locations.create({ ...base, timezone: timeZone, announcementLanguage: 'en_us', address });
      // @ts-expect-error missing: `announcementLanguage` is required
      void webex.locations.create({ ...base, timeZone, address });
      // @ts-expect-error missing: the address's `postalCode` is required
      void webex.locations.create({ ...base, timeZone, announcementLanguage: 'en_us', address: street });
      // @ts-expect-error misspelled: `zip` is not a field of LocationUpdateRequestAddress (it is `postalCode`)
      void webex.locations.update('L', { address: { zip: '95113' } });
      // @ts-expect-error misspelled: `notes` is not a field of LocationUpdateRequest (only create takes notes)
      void webex.locations.update('L', { name: 'HQ', notes: 'x' });
    }
    expect(webex.locations.create).toBeTypeOf('function');
    expect(webex.locations.update).toBeTypeOf('function');
  });

  it('workspaces.create and update', () => {
    const displayName = 'Focus Room 1';
    if (false as boolean) {
      void webex.workspaces.create({
        displayName,
        workspaceLocationId: 'L',
        capacity: 4,
        type: 'focus',
        hotdeskingStatus: 'off',
        supportedDevices: 'collaborationDevices',
        calling: { type: 'webexCalling', webexCalling: { extension: '1001', locationId: 'CL' } },
        calendar: { type: 'microsoft', emailAddress: 'focus1@example.com' },
      });
      void webex.workspaces.update('W', {
        displayName,
        type: 'meetingRoom',
        hotdeskingStatus: 'on',
        calling: { type: 'none' },
      });
      // @ts-expect-error misspelled: `capasity` is not a field of WorkspaceCreateRequest
      void webex.workspaces.create({ displayName, capasity: 4 });
      // @ts-expect-error missing: `displayName` is required
      void webex.workspaces.create({ capacity: 4, type: 'focus' });
      // @ts-expect-error enum: `type` is notSet, focus, huddle, meetingRoom, open, desk or other
      void webex.workspaces.create({ displayName, type: 'office' });
      // @ts-expect-error enum: `hotdeskingStatus` is on or off
      void webex.workspaces.create({ displayName, hotdeskingStatus: 'enabled' });
      // @ts-expect-error enum: `supportedDevices` is collaborationDevices or phones
      void webex.workspaces.create({ displayName, supportedDevices: 'both' });
      // @ts-expect-error misspelled: `supportedDevices` is not a field of WorkspaceUpdateRequest (fixed at creation)
      void webex.workspaces.update('W', { displayName, supportedDevices: 'phones' });
      // @ts-expect-error enum: a calling `type` is freeCalling, hybridCalling, webexCalling, none …
      void webex.workspaces.update('W', { calling: { type: 'pstn' } });
      // @ts-expect-error enum: `type` is notSet, focus, huddle, meetingRoom, open, desk or other
      void webex.workspaces.update('W', { type: 'boardroom' });
    }
    expect(webex.workspaces.create).toBeTypeOf('function');
    expect(webex.workspaces.update).toBeTypeOf('function');
  });
});
