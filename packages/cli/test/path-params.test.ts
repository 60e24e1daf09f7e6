// A path parameter that would change the operation is refused before anything is sent, in `webex api` as in the client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startServer, type TestServer } from '../../../test-utils/http-server.js';
import { webex } from './run.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_request, response) => json(response, 200, {}));
});
afterAll(() => server.close());

describe('webex api with a dot-segment path parameter', () => {
  it.each([
    ['meetings.deleteRegistrationForm', 'meetingId', '.'],
    ['meetings.deleteRegistrationForm', 'meetingId', '..'],
    ['rooms.get', 'roomId', '..'],
    ['rooms.get', 'roomId', ''],
  ])('%s --param %s=%s exits 2 naming the parameter, with nothing sent', async (operation, name, value) => {
    const result = await webex(['api', operation, '--param', `${name}=${value}`], {
      env: { WEBEX_ACCESS_TOKEN: 'test-token', WEBEX_BASE_URL: server.url },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${name} must be`);
    expect(server.requests).toHaveLength(0);
  });
});
