import { Webex } from '@webex-ts/client';
import { expect, inject, it } from 'vitest';
import { recordingFetch } from '../../../test-utils/recording-fetch.js';
import { run } from '../src/main.js';

/** A client on the shared Prism mock that records each request and any spec violation Prism reports for it. */
function recordingClient() {
  const { fetch, sent, violations } = recordingFetch();
  const webex = new Webex({ accessToken: 'test-token', baseUrl: inject('mockUrl'), maxRetries: 0, fetch });
  return { webex, sent, violations };
}

it('places a workspace in a location, makes its activation code and reads a device status, all within the spec', async () => {
  const { webex, sent, violations } = recordingClient();
  const result = await run(webex, { workspaceName: 'Test Huddle', statusNames: ['Audio.Volume'] });

  expect(result.locations.length).toBeGreaterThan(0);
  expect(result.location).toEqual(result.locations[0]);
  expect(result.location).toMatchObject({
    id: expect.any(String),
    address: expect.any(String),
    countryCode: expect.any(String),
  });
  expect(result.workspace).toMatchObject({ id: expect.any(String), created: expect.any(String) });
  expect(result.activationCode.code).toEqual(expect.any(String));
  expect(result.deviceId).toEqual(expect.any(String));
  expect(result.status).toMatchObject({ result: expect.any(Object) });

  expect(sent.map((s) => s.line)).toEqual([
    'GET /workspaceLocations',
    'POST /workspaces',
    'POST /devices/activationCode',
    'GET /devices',
    'GET /xapi/status',
  ]);
  const [, createWorkspace, createCode, listDevices, getStatus] = sent;
  // Each step feeds on the previous one's answer.
  expect(createWorkspace!.body).toMatchObject({ displayName: 'Test Huddle', workspaceLocationId: result.location.id });
  expect(createCode!.body).toEqual({ workspaceId: result.workspace.id });
  expect(listDevices!.query.get('capability')).toBe('xapi');
  expect(getStatus!.query.get('deviceId')).toBe(result.deviceId);
  expect(getStatus!.query.getAll('name')).toEqual(['Audio.Volume']);

  expect(violations).toEqual([]);
});

it('reads the status of the device it is given without looking for one', async () => {
  const { webex, sent, violations } = recordingClient();
  const result = await run(webex, { deviceId: 'device-under-test', statusNames: ['Audio.Volume', 'Standby.State'] });

  expect(result.deviceId).toBe('device-under-test');
  expect(sent.map((s) => s.line)).not.toContain('GET /devices');
  expect(sent.at(-1)!.query.getAll('name')).toEqual(['Audio.Volume', 'Standby.State']);
  expect(violations).toEqual([]);
});
