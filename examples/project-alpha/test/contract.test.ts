// Copy this file to make your own tests contract tests: every call goes to a Prism mock of the Webex spec,
// and a request that breaks the spec fails the test with the reason.
import { Webex, WebexApiError } from '@webex-ts/client';
import { useWebexMock } from '@webex-ts/mock/vitest';
import { expect, it } from 'vitest';
import { projectAlpha, provision } from '../src/provision.js';

const mock = useWebexMock(); // started before this file's tests, stopped after

const webex = () => new Webex({ accessToken: 'test-token', baseUrl: mock.url, maxRetries: 0 });

it('provisions Project Alpha with requests the spec accepts', async () => {
  const result = await provision(webex());
  expect(result.rooms).toHaveLength(2);
  expect(result.teamMembers).toBe(projectAlpha.devRoom.members.length + projectAlpha.qaRoom.members.length);
});

it('fails with the reason when a request breaks the spec', async () => {
  // A plan whose team name is not a string: the kind of bug a contract test catches before Webex does.
  const broken = { ...projectAlpha, teamName: 42 as unknown as string };
  await expect(provision(webex(), broken)).rejects.toThrow('Request body property name must be string');
});

it('handles a room that is gone (Prefer: code=404)', async () => {
  const error = await webex()
    .rooms.get('some-room', { headers: { Prefer: 'code=404' } })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(WebexApiError);
  expect((error as WebexApiError).status).toBe(404);
});
