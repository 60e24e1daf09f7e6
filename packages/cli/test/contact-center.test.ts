// `webex api` routes a Contact Center operation to the Contact Center origin, and pages it by page number.
import { afterEach, describe, expect, it } from 'vitest';
import { json, startServer, type TestServer } from '../../../test-utils/http-server.js';
import { webex } from './run.js';

const ORG = '2f0c5a9e-7d41-4c6b-9e3a-51b8d0e4f7a2';
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

describe('webex api, Contact Center', () => {
  it('sends the operation to WEBEX_CONTACT_CENTER_BASE_URL, never to WEBEX_BASE_URL, and follows its page numbers', async () => {
    const webexHost = await server((_request, response) => json(response, 200, {}));
    const contactCenter = await server((request, response) => {
      const page = new URL(request.url, 'http://x').searchParams.get('page') ?? '0';
      json(response, 200, { meta: { totalPages: 2 }, data: [{ id: `s${page}`, name: 'n', skillType: 'Text' }] });
    });
    const result = await webex(['api', 'contactCenter.skills.list', '--param', `orgid=${ORG}`, '--paginate'], {
      env: {
        WEBEX_ACCESS_TOKEN: 'test-token',
        WEBEX_BASE_URL: webexHost.url,
        WEBEX_CONTACT_CENTER_BASE_URL: contactCenter.url,
      },
    });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(
      result.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line).id),
    ).toEqual(['s0', 's1']);
    expect(contactCenter.requests.map((request) => request.url)).toEqual([
      `/organization/${ORG}/v2/skill`,
      `/organization/${ORG}/v2/skill?page=1`,
    ]);
    expect(webexHost.requests).toEqual([]);
  });

  it('without a Contact Center origin, says which variable to set and sends nothing', async () => {
    const webexHost = await server((_request, response) => json(response, 200, {}));
    const result = await webex(['api', 'contactCenter.skills.get', '--param', `orgid=${ORG}`, '--param', 'id=x'], {
      env: { WEBEX_ACCESS_TOKEN: 'test-token', WEBEX_BASE_URL: webexHost.url },
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('WEBEX_CONTACT_CENTER_REGION or WEBEX_CONTACT_CENTER_BASE_URL');
    expect(webexHost.requests).toEqual([]);
  });
});
