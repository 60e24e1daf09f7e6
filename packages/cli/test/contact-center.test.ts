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

  it("sends a multipart body's JSON part with Content-Type application/json, as the generated method does", async () => {
    const contactCenter = await server((_request, response) => json(response, 200, { id: 'a1' }));
    const info = { name: 'welcome-es.wav', contentType: 'AUDIO_WAV' };
    const result = await webex(
      [
        'api',
        'contactCenter.audioFiles.create',
        '--param',
        `orgid=${ORG}`,
        '--body',
        JSON.stringify({ audioFileInfo: info, audioFile: 'RIFF' }),
      ],
      { env: { WEBEX_ACCESS_TOKEN: 'test-token', WEBEX_CONTACT_CENTER_BASE_URL: contactCenter.url } },
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const [request] = contactCenter.requests;
    const boundary = /boundary=(.+)$/.exec(String(request!.headers['content-type']))![1]!;
    const part = request!.body.split(`--${boundary}`).find((chunk) => chunk.includes('name="audioFileInfo"'))!;
    const [headers, body] = part.split('\r\n\r\n');
    expect(headers).toMatch(/content-type: application\/json/i);
    expect(JSON.parse(body!.trim())).toEqual(info);
  });

  it("prints a stream's events as they arrive, one JSON line each, until the server ends it", async () => {
    let openGate!: (streamed: boolean) => void;
    const gate = new Promise<boolean>((resolve) => (openGate = resolve));
    const contactCenter = await server(async (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('event: message\ndata: {"id":"e1","type":"task:new"}\n\n');
      // The second event waits until the CLI has printed the first: a CLI that buffered the stream would not.
      await gate;
      response.end('data: {"id":"e2","type":"task:ended"}\n\n');
    });
    const timer = setTimeout(() => openGate(false), 5000);
    const result = await webex(
      ['api', 'contactCenter.journeyEvents.stream', '--param', 'workspaceId=w1', '--param', 'identity=ada@example.com'],
      {
        env: { WEBEX_ACCESS_TOKEN: 'test-token', WEBEX_CONTACT_CENTER_BASE_URL: contactCenter.url },
        onStdout: (stdout) => stdout.includes('"e1"') && openGate(true),
      },
    );
    clearTimeout(timer);
    expect(await gate).toBe(true);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(
      result.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line).id),
    ).toEqual(['e1', 'e2']);
    expect(contactCenter.requests[0]!.headers.accept).toBe('text/event-stream');
  });
});
