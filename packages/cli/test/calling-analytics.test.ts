// `webex api` routes Calling's reports to the Calling analytics origin, never to the API root.
import { afterEach, describe, expect, it } from 'vitest';
import { json, startServer, type TestServer } from '../../../test-utils/http-server.js';
import { webex } from './run.js';

let servers: TestServer[] = [];

afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function server(handler: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const started = await startServer(handler);
  servers.push(started);
  return started;
}

describe('webex api, Calling analytics', () => {
  it('sends the call history to WEBEX_CALLING_ANALYTICS_BASE_URL under /v1, never to WEBEX_BASE_URL', async () => {
    const webexHost = await server((_request, response) => json(response, 200, {}));
    const analytics = await server((_request, response) =>
      json(response, 200, { items: [{ 'Report ID': 'r1', Duration: 42 }] }),
    );
    const window = ['--param', 'startTime=2026-05-12T13:00:00.000Z', '--param', 'endTime=2026-05-12T20:00:00.000Z'];
    const result = await webex(['api', 'calling.detailedCallHistory.listFeed', ...window, '--paginate'], {
      env: {
        WEBEX_ACCESS_TOKEN: 'test-token',
        WEBEX_BASE_URL: webexHost.url,
        WEBEX_CALLING_ANALYTICS_BASE_URL: analytics.url,
      },
    });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout.trim())).toEqual({ 'Report ID': 'r1', Duration: 42 });
    expect(analytics.requests.map((request) => new URL(request.url, 'http://x').pathname)).toEqual(['/v1/cdr_feed']);
    expect(analytics.requests[0]?.headers.authorization).toBe('Bearer test-token');
    expect(webexHost.requests).toEqual([]);
  });
});
