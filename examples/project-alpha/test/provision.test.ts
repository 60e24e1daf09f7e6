import { Webex } from '@webex-ts/client';
import { expect, inject, it } from 'vitest';
import { projectAlpha, provision } from '../src/provision.js';

it('provisions Project Alpha against the mock, one request per step', async () => {
  const sent: string[] = [];
  const webex = new Webex({
    accessToken: 'demo-token',
    baseUrl: inject('mockUrl'),
    fetch: (request) => {
      sent.push(`${request.method} ${new URL(request.url).pathname}`);
      return fetch(request);
    },
  });
  const result = await provision(webex);
  expect(result.rooms).toHaveLength(2);
  expect(result.teamMembers).toBe(5);
  expect(result.roomMembers).toBe(projectAlpha.devRoom.members.length + projectAlpha.qaRoom.members.length);
  const count = (line: string) => sent.filter((s) => s === line).length;
  expect(count('POST /teams')).toBe(1);
  expect(count('POST /team/memberships')).toBe(5);
  expect(count('POST /rooms')).toBe(2);
  expect(count('POST /memberships')).toBe(5);
  expect(count('POST /messages')).toBe(2);
});
