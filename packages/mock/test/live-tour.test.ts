import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startServer, type TestServer } from '../../../test-utils/http-server.js';
import { runTour, type TourResult } from '../src/index.js';

const spec = fileURLToPath(new URL('../../client/src/gen/openapi.json', import.meta.url));
const bin = fileURLToPath(new URL('../bin/webex-mock.js', import.meta.url));
const TOKEN = 'TOUR-SECRET-TOKEN';
const T = { TrackingID: 'ROUTER_TOUR' };
const created = '2026-10-18T09:12:41.508Z';

// A fake Webex: rooms answer correctly, four lists answer wrongly in one way each, everything else is 404.
let upstream: TestServer;
let result: TourResult;

beforeAll(async () => {
  upstream = await startServer((request, response) => {
    const url = new URL(request.url, 'http://upstream');
    if (request.headers.authorization !== `Bearer ${TOKEN}`) return json(response, 401, { message: 'no token' }, T);
    switch (`${url.pathname}?${url.searchParams}`) {
      case '/v1/rooms?':
        return json(response, 200, { items: [{ id: 'r1', title: 'Dev Room', type: 'group', created }] }, T);
      case '/v1/rooms/r1?':
        return json(response, 200, { id: 'r1', title: 'Dev Room', type: 'group', created }, T);
      case '/v1/teams?':
        return json(response, 200, { items: [{ id: 't1', name: 7, created }] }, T);
      case '/v1/people?':
        return json(response, 200, { items: [{ id: 'p1', displayName: 'Ana', created }] }, T);
      case '/v1/webhooks?':
        return json(
          response,
          200,
          {
            items: [
              {
                id: 'w1',
                name: 'hook',
                targetUrl: 'https://example.com/hook',
                resource: 'spaceships',
                event: 'created',
                created,
              },
            ],
          },
          T,
        );
      case '/v1/messages?roomId=r1':
        return json(response, 418, { message: 'I am a teapot' }, T);
      default:
        return json(response, 404, { message: 'The requested resource could not be found.' }, T);
    }
  });
  result = await runTour({ token: TOKEN, upstream: `${upstream.url}/v1`, spec });
});

afterAll(() => upstream.close());

const step = (operation: string) => result.steps.find((s) => s.operation === operation);

describe('runTour against a fake Webex', () => {
  it('reports nothing for the operations that answered correctly', () => {
    expect(step('rooms.list')).toMatchObject({ outcome: 'ok', status: 200, violations: [] });
    expect(step('rooms.get')).toMatchObject({ outcome: 'ok', status: 200, path: '/rooms/r1', violations: [] });
  });

  it('reports exactly the wrong type, the missing required field, the unknown enum value and the undeclared status', () => {
    const base = { method: 'GET', where: 'response' };
    expect(step('teams.list')!.violations).toEqual([
      {
        ...base,
        operation: 'teams.list',
        path: '/teams',
        status: 200,
        part: 'body',
        pointer: '/items/0/name',
        rule: 'type',
        message: 'expected string, got integer',
      },
    ]);
    expect(step('people.list')!.violations).toEqual([
      {
        ...base,
        operation: 'people.list',
        path: '/people',
        status: 200,
        part: 'body',
        pointer: '/items/0/emails',
        rule: 'required',
        message: 'missing required property emails',
      },
    ]);
    expect(step('webhooks.list')!.violations).toEqual([
      expect.objectContaining({
        ...base,
        operation: 'webhooks.list',
        path: '/webhooks',
        status: 200,
        part: 'body',
        pointer: '/items/0/resource',
        rule: 'enum',
      }),
    ]);
    expect(step('webhooks.list')!.violations[0]!.message).toMatch(/^"spaceships" is not one of "attachmentActions", /);
    expect(step('messages.list')!.violations).toEqual([
      expect.objectContaining({
        ...base,
        operation: 'messages.list',
        path: '/messages?roomId=r1',
        status: 418,
        part: 'status',
        rule: 'unknown-status',
      }),
    ]);
    for (const name of ['teams.list', 'people.list', 'webhooks.list', 'messages.list'])
      expect(step(name)!.outcome).toBe('violations');
    expect(result.violations).toHaveLength(4);
  });

  it('fills a required query parameter from an earlier answer', () => {
    expect(step('messages.list')!.path).toBe('/messages?roomId=r1');
    expect(upstream.requests.some((r) => r.url === '/v1/messages?roomId=r1')).toBe(true);
  });

  it('skips 404s with a note, and lists it cannot fill with what they need', () => {
    expect(step('teams.get')).toMatchObject({
      outcome: 'skipped',
      status: 404,
      note: '404: no data for this token (or not available to it)',
      violations: [],
    });
    expect(step('devices.list')).toMatchObject({ outcome: 'skipped', status: 404 });
    const waiting = step('meetingParticipants.list')!;
    expect(waiting).toMatchObject({ outcome: 'skipped', note: 'needs meetingId, which no earlier answer gave' });
    expect(waiting.status).toBeUndefined();
  });

  it('only reads: every request was a GET with the token', () => {
    expect(upstream.requests.length).toBeGreaterThan(50);
    expect(upstream.requests.every((r) => r.method === 'GET' && r.headers.authorization === `Bearer ${TOKEN}`)).toBe(
      true,
    );
  });
});

/** Runs the bin with an environment; resolves with exit code and output. */
function run(args: string[], env: Record<string, string | undefined>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const environment = { ...process.env, ...env };
    for (const [key, value] of Object.entries(env)) if (value === undefined) delete environment[key];
    const child = spawn(process.execPath, [bin, ...args], { env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => resolve({ code, out }));
  });
}

describe('webex-mock tour', () => {
  it('without a token says how to get one, calls nothing and exits 0', async () => {
    const seen = upstream.requests.length;
    const { code, out } = await run(['tour', '--upstream', `${upstream.url}/v1`, '--spec', spec], {
      WEBEX_ACCESS_TOKEN: undefined,
    });
    expect(code).toBe(0);
    expect(out).toContain('WEBEX_ACCESS_TOKEN is not set, so nothing was called');
    expect(out).toContain('https://developer.webex.com');
    expect(upstream.requests.length).toBe(seen);
  });

  it('with a token prints the table, writes the report without the token, and exits 1 on violations', async () => {
    const report = join(mkdtempSync(join(tmpdir(), 'webex-tour-')), 'contract-report.json');
    const { code, out } = await run(['tour', '--upstream', `${upstream.url}/v1`, '--spec', spec, '--report', report], {
      WEBEX_ACCESS_TOKEN: TOKEN,
    });
    expect(code).toBe(1);
    expect(out).toMatch(/teams\.list +200 +1 violation\(s\)/);
    expect(out).toMatch(/rooms\.get +200 +ok/);
    expect(out).toMatch(/teams\.get +404 +skipped — 404: no data/);
    expect(out).toContain('4 violation(s) against');
    const written = readFileSync(report, 'utf8');
    expect(JSON.parse(written).violations).toHaveLength(4);
    expect(out).not.toContain(TOKEN);
    expect(written).not.toContain(TOKEN);
  });
});
