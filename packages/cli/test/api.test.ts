// `webex api` against the Prism mock of the bundled spec, which answers 422 to requests that break the spec.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { json, startServer, type TestServer } from '../../../test-utils/http-server.js';
import { callKind, findOperation, fixedHeaders, operationNames } from '../src/api/operations.js';
import { webex } from './run.js';

const env = { WEBEX_ACCESS_TOKEN: 'test-token', WEBEX_BASE_URL: inject('mockUrl') };
const roomId = 'Y2lzY29zcGFyazovL3VzL1JPT00vYmJjZWIxYWQtNDNmMS0zYjU4LTkxNDctZjE0YmIwYzRkMTU0';
const orgId = '2f3c8a41-6d7e-4b9a-9c15-0e8d4a6b7c21';
const userId = '7d1a9c3e-52b4-4f08-a6e1-3b9c0d2e8f47';

async function ok(args: string[], stdin?: string) {
  const result = await webex(['api', ...args], { env, stdin });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

/** A usage error: exit 2, nothing on stdout, one line on stderr that ends by pointing at the help. */
async function usageError(args: string[], environment: Record<string, string> = env) {
  const result = await webex(['api', ...args], { env: environment });
  expect(result.stdout).toBe('');
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/^webex api: [^\n]+ \(see webex api --help\)\n$/);
  return result.stderr;
}

const lines = (text: string) => text.trimEnd().split('\n');

describe('operation table', () => {
  const spec = JSON.parse(
    readFileSync(createRequire(import.meta.url).resolve('@webex-ts/client/openapi.json'), 'utf8'),
  ) as { paths: Record<string, Record<string, { 'x-sdk-method'?: string }>> };

  it('has one entry per operation of the spec that the client generated, with its method and path', () => {
    const generated = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, operation]) => operation['x-sdk-method'])
        .map(([method]) => `${method} ${path}`),
    );
    const table = operationNames().map((name) => findOperation(name)!);
    expect(table.map((operation) => `${operation.method} ${operation.path}`).sort()).toEqual(generated.sort());
    expect(findOperation('scim.users.get')).toMatchObject({
      name: 'scim.users.get',
      method: 'get',
      path: '/identity/scim/{orgId}/v2/Users/{userId}',
    });
    expect(callKind(findOperation('scim.users.get')!)).toBe('call');
    expect(findOperation('workspaces.list')).toMatchObject({ paging: { strategy: 'offset' } });
    expect(callKind(findOperation('workspaces.list')!)).toBe('list');
  });

  it('names an operation by its whole path, three names deep too', () => {
    expect(findOperation('calling.people.callForwarding.get')).toMatchObject({
      name: 'calling.people.callForwarding.get',
      method: 'get',
      path: '/people/{personId}/features/callForwarding',
    });
  });

  it('knows no name outside the table, not even what every object inherits', () => {
    for (const name of ['rooms', 'rooms.lists', 'toString', 'constructor', '__proto__', 'hasOwnProperty'])
      expect(findOperation(name)).toBeUndefined();
  });

  it.each([
    ['a listing', { paging: { strategy: 'link', items: 'items' } }, 'list'],
    ['a text answer', { answer: { contentType: 'text/plain' } }, 'callText'],
    ['a stream of events', { answer: { contentType: 'text/event-stream' }, stream: 'sse' }, 'stream'],
    ['a JSON answer', { answer: { contentType: 'application/json' } }, 'call'],
    ['no answer', {}, 'call'],
  ] as const)('calls %s with core.%s', (_what, given, want) => {
    expect(callKind({ method: 'get', path: '/x', document: 'x', parameters: [], ...given })).toBe(want);
  });

  it.each([
    ['no body', undefined, {}],
    ['a JSON body', { contentType: 'application/json', required: true }, {}],
    [
      'a JSON Patch body',
      { contentType: 'application/json-patch+json', required: true },
      { 'Content-Type': 'application/json-patch+json' },
    ],
  ] as const)('sends %s with the headers it needs', (_what, body, want) => {
    const operation = { method: 'patch', path: '/x', document: 'x', parameters: [] } as const;
    expect(fixedHeaders(body ? { ...operation, body } : operation)).toEqual(want);
  });

  it('asks a stream for server-sent events', () => {
    expect(fixedHeaders(findOperation('contactCenter.journeyEvents.stream')!)).toEqual({ Accept: 'text/event-stream' });
  });
});

describe('api', () => {
  it('gets one object with path parameters', async () => {
    const user = JSON.parse(await ok(['scim.users.get', '--param', `orgId=${orgId}`, '--param', `userId=${userId}`]));
    expect(user).toHaveProperty('userName');
  });
  it('calls an operation three names deep', async () => {
    const personId = 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS80MmQ3ZGMxZi0xYWMyLTQ0NGUtYmY3MC1kNmYyMGQyNzJiOTI';
    const forwarding = JSON.parse(await ok(['calling.people.callForwarding.get', '--param', `personId=${personId}`]));
    expect(forwarding.callForwarding.noAnswer).toHaveProperty('numberOfRings');
  });
  it('prints the answer as 2-space JSON', async () => {
    const out = await ok(['rooms.get', '--param', `roomId=${roomId}`]);
    expect(out).toBe(`${JSON.stringify(JSON.parse(out), null, 2)}\n`);
    expect(JSON.parse(out)).toHaveProperty('title');
  });
  it('sends query parameters the spec knows', async () => {
    const page = JSON.parse(
      await ok(['workspaces.list', '--param', `orgId=${orgId}`, '--param', 'max=5', '--param', 'includeDevices=true']),
    );
    expect(Array.isArray(page.items)).toBe(true);
  });
  it('--paginate prints each item of the listing on its own line', async () => {
    const page = JSON.parse(await ok(['rooms.list']));
    const out = lines(await ok(['rooms.list', '--paginate']));
    expect(out.length).toBeGreaterThanOrEqual(page.items.length);
    expect(page.items.length).toBeGreaterThan(0);
    for (const line of out) expect(JSON.parse(line)).toHaveProperty('id');
    expect(JSON.parse(out[0]!)).toEqual(page.items[0]);
  });
  it('--body @file sends a create', async () => {
    const file = join(tmpdir(), `webex-cli-api-body-${process.pid}.json`);
    writeFileSync(
      file,
      JSON.stringify({ name: 'CI', targetUrl: 'https://example.com/hook', resource: 'messages', event: 'created' }),
    );
    expect(JSON.parse(await ok(['webhooks.create', '--body', `@${file}`]))).toHaveProperty('targetUrl');
  });
  it('--body - reads the JSON from stdin', async () => {
    const body = JSON.stringify({ roomId, text: 'hello from webex api' });
    expect(JSON.parse(await ok(['messages.create', '--body', '-'], body))).toHaveProperty('id');
  });
});

describe('api --list', () => {
  it('without a filter lists every operation', async () => {
    const out = lines(await ok(['--list']));
    expect(out).toHaveLength(operationNames().length);
    expect(out).toContainEqual(expect.stringMatching(/^rooms\.list\s+GET\s+\/rooms$/));
    expect(out).toContainEqual(expect.stringMatching(/^scim\.users\.get\s/));
    expect(await ok(['--list', '.'])).toBe(`${out.join('\n')}\n`);
  });
  it('lists the matching operations with method and path', async () => {
    const out = lines(await ok(['--list', 'workspaces.']));
    expect(out.length).toBeGreaterThan(3);
    // Every name containing the filter, in any case and at any depth (`broadWorks.workspaces.*`,
    // `calling.workspaces.callForwarding.*`, `contactCenter.journeyWorkspaces.*`), with its HTTP method and path.
    for (const line of out) {
      expect(line).toMatch(/^\S+\s+(GET|POST|PUT|PATCH|DELETE)\s+\/\S*$/);
      expect(line.split(/\s+/)[0]!.toLowerCase()).toContain('workspaces.');
    }
    expect(out).toContainEqual(expect.stringMatching(/^calling\.workspaces\.callForwarding\.get\s+GET\s/));
    expect(out).toContainEqual(expect.stringMatching(/^workspaces\.get\s+GET\s+\/workspaces\/\{workspaceId\}$/));
  });
  it('ignores case, and says so on stderr when nothing matches', async () => {
    expect(lines(await ok(['--list', 'SCIM.USERS.G']))).toEqual([
      expect.stringMatching(/^scim\.users\.get\s+GET\s+\/identity\/scim\/\{orgId\}\/v2\/Users\/\{userId\}$/),
      expect.stringMatching(/^scim\.users\.getMe\s/),
    ]);
    expect(await webex(['api', '--list', 'nothing-like-this'], { env })).toMatchObject({
      code: 0,
      stdout: '',
      stderr: 'No operations match "nothing-like-this".\n',
    });
  });
});

describe('api usage errors (exit 2, nothing sent)', () => {
  it('unknown operation: suggests the closest names', async () => {
    expect(await usageError(['workspace.list'])).toMatch(
      /^webex api: unknown operation "workspace\.list"; did you mean workspaces\.list\b/,
    );
  });
  it('a bare resource: offers its methods', async () => {
    expect(await usageError(['scim.users'])).toContain('scim.users.get');
  });
  it('a namespace or a far-off method at any depth: offers what is under the deepest part that exists', async () => {
    expect(await usageError(['calling.jobs'])).toContain('calling.jobs.callRecording.get');
    // Nothing near enough by spelling: what is under `calling.jobs`, not everything under `calling`.
    const stderr = await usageError([`calling.jobs.${'z'.repeat(30)}`]);
    expect(stderr).toMatch(/did you mean calling\.jobs\.\w+\.\w+(, calling\.jobs\.\w+\.\w+)*\?/);
  });
  it('unknown parameter: names the closest and all the operation takes', async () => {
    const stderr = await usageError(['workspaces.list', '--param', 'orgid=x']);
    expect(stderr).toContain('workspaces.list has no parameter "orgid"; did you mean orgId?');
    expect(stderr).toMatch(/It takes: orgId, .*includeDevices/);
  });
  it('missing required path parameter', async () => {
    expect(await usageError(['scim.users.get', '--param', `orgId=${orgId}`])).toContain(
      'scim.users.get needs --param userId=…',
    );
  });
  it('a value of the wrong type', async () => {
    expect(await usageError(['workspaces.list', '--param', 'max=many'])).toContain(
      '--param max takes a whole number (got "many")',
    );
    expect(await usageError(['workspaces.list', '--param', 'includeDevices=yes'])).toContain(
      '--param includeDevices takes true or false (got "yes")',
    );
  });
  it('a body that is not JSON, or on an operation without one', async () => {
    expect(await usageError(['webhooks.create', '--body', '{name:'])).toContain('--body: the argument is not JSON');
    expect(await usageError(['rooms.get', '--param', `roomId=${roomId}`, '--body', '{}'])).toContain(
      'rooms.get takes no body',
    );
    expect(await usageError(['webhooks.create'])).toContain('webhooks.create needs a JSON body');
  });
  it('no operation, without --list', async () => {
    expect(await usageError([])).toBe(
      'webex api: missing <operation>, such as rooms.list; webex api --list lists them (see webex api --help)\n',
    );
  });
  it('an unknown option: one line, not the whole usage', async () => {
    expect(await usageError(['rooms.list', '--foo'])).toBe('webex api: unknown option --foo (see webex api --help)\n');
  });
  it('--paginate on an operation that is not a listing', async () => {
    expect(await usageError(['rooms.get', '--param', `roomId=${roomId}`, '--paginate'])).toContain(
      '--paginate needs a listing',
    );
  });
});

describe('api against the mock: --header and error answers', () => {
  it('--header Prefer=code=404 gets the mock to answer 404', async () => {
    const result = await webex(['api', 'rooms.get', '--param', `roomId=${roomId}`, '--header', 'Prefer=code=404'], {
      env,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^webex: GET \S+\/rooms\/\S+ failed: 404 Not Found\n/);
  });
  it("a 400 for a request that breaks the spec shows the mock's violation, as WebexApiError's message does", async () => {
    const result = await webex(['api', 'rooms.create', '--body', '{"title": 5}'], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^webex: POST \S+\/rooms failed: 400 Bad Request\n/);
    expect(result.stderr).toContain('\n  violation:   Request body property title must be string\n');
  });
});

describe('api requests, as a loopback server sees them', () => {
  let server: TestServer | undefined;
  afterEach(async () => server?.close());
  const at = (url: string) => ({ WEBEX_ACCESS_TOKEN: 'test-token-123', WEBEX_BASE_URL: url });

  it('fills the path, puts the rest in the query (a list as the spec sends it) and headers', async () => {
    server = await startServer((_request, response) => json(response, 200, { items: [] }));
    const args = [
      'api',
      'messages.list',
      '--param',
      `roomId=${roomId}`,
      '--param',
      'mentionedPeople=me',
      '--param',
      'mentionedPeople=p2',
      '--param',
      'max=3',
    ];
    expect(await webex(args, { env: at(server.url) })).toMatchObject({ code: 0, stdout: '{\n  "items": []\n}\n' });
    await webex(['api', 'meetings.get', '--param', 'meetingId=m 1', '--param', 'password=s3cret'], {
      env: at(server.url),
    });
    const [list, get] = server.requests;
    expect(list).toMatchObject({
      method: 'GET',
      // mentionedPeople is `explode: false` in the spec: one comma-separated value, as webex.messages.list sends it.
      url: `/messages?roomId=${roomId}&mentionedPeople=me,p2&max=3`,
    });
    expect(list!.headers.authorization).toBe('Bearer test-token-123');
    expect(get).toMatchObject({ method: 'GET', url: '/meetings/m%201' });
    expect(get!.headers.password).toBe('s3cret');
  });

  it('--header sends headers as given, a repeated one joined, beside header parameters and the token', async () => {
    server = await startServer((_request, response) => json(response, 200, {}));
    const args = ['api', 'meetings.get', '--param', 'meetingId=m1', '--param', 'password=s3cret'];
    const headers = ['Prefer=code=200', 'X-Trace=a', 'x-trace=b', 'X-Empty=', 'X-Eq=a=b'];
    const result = await webex([...args, ...headers.flatMap((header) => ['--header', header])], {
      env: at(server.url),
    });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(server.requests[0]!.headers).toMatchObject({
      prefer: 'code=200',
      'x-trace': 'a, b',
      'x-empty': '',
      'x-eq': 'a=b',
      password: 's3cret',
      authorization: 'Bearer test-token-123',
    });
  });

  it.each([
    [['--header', 'X-A=a\r\nX-Injected: 1'], '--header X-A: a header value cannot hold a line break (CR or LF)'],
    [['--header', 'X-A=a\nb'], '--header X-A: a header value cannot hold a line break'],
    [['--header', 'X-A=a\u0001b'], '--header X-A: a header value cannot hold U+0001'],
    [['--header', 'X-A=a\u007fb'], '--header X-A: a header value cannot hold U+007F'],
    [['--header', 'X-A=\u20ac'], '--header X-A: a header value cannot hold U+20AC'],
    [['--header', 'X A=b'], '--header "X A" is not a header name'],
    [['--header', 'X(A)=b'], '--header "X(A)" is not a header name'],
    [['--header', '=b'], '--header takes name=value (got "=b")'],
    [['--header', 'Prefer'], '--header takes name=value (got "Prefer")'],
    [['--header', 'Prefer: code=404'], '--header takes name=value, not name: value'],
    [['--header', 'Authorization=Bearer other'], '--header cannot set Authorization'],
    [['--header', 'AUTHORIZATION=Bearer other'], '--header cannot set Authorization'],
    [['--header', 'Password=x'], 'password is a header parameter of meetings.get: give it as --param password=…'],
    [['--param', 'password=a\r\nX-Injected: 1'], '--param password: a header value cannot hold a line break'],
  ])('refuses %j before sending anything', async (extra, message) => {
    server = await startServer((_request, response) => json(response, 200, {}));
    const stderr = await usageError(['meetings.get', '--param', 'meetingId=m1', ...extra], at(server.url));
    expect(stderr).toContain(message);
    expect(server.requests).toHaveLength(0);
  });

  it('sends the body with the content type the generated method uses', async () => {
    server = await startServer((_request, response) => json(response, 200, { id: 'd1' }));
    const patch = [{ op: 'replace', path: '/tags', value: ['lobby'] }];
    const result = await webex(['api', 'devices.update', '--param', 'deviceId=d1', '--body', JSON.stringify(patch)], {
      env: at(server.url),
    });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(server.requests[0]).toMatchObject({ method: 'PATCH', url: '/devices/d1', body: JSON.stringify(patch) });
    expect(server.requests[0]!.headers['content-type']).toBe('application/json-patch+json');
  });

  it('--paginate follows every page', async () => {
    server = await startServer((request, response) => {
      if (request.url === '/rooms')
        return json(
          response,
          200,
          { items: [{ id: 'r1' }, { id: 'r2' }] },
          { link: `<${server!.url}/rooms?cursor=2>; rel="next"` },
        );
      json(response, 200, { items: [{ id: 'r3' }] });
    });
    const result = await webex(['api', 'rooms.list', '--paginate'], { env: at(server.url) });
    expect(result).toMatchObject({ code: 0, stderr: '', stdout: '{"id":"r1"}\n{"id":"r2"}\n{"id":"r3"}\n' });
    expect(server.requests.map((request) => request.url)).toEqual(['/rooms', '/rooms?cursor=2']);
  });

  it('an error answer exits 1 with the status and tracking id, like the other commands', async () => {
    server = await startServer((_request, response) =>
      json(
        response,
        404,
        { message: 'The requested resource could not be found.', trackingId: 'T-42' },
        { trackingid: 'T-42' },
      ),
    );
    const result = await webex(['api', 'rooms.get', '--param', 'roomId=nope'], { env: at(server.url) });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^webex: GET \S+\/rooms\/nope failed: 404 Not Found\n {2}message: {5}The requested resource could not be found\./,
    );
    expect(result.stderr).toContain('T-42');
  });

  it('with no token: exit 2 and nothing sent', async () => {
    server = await startServer((_request, response) => json(response, 200, {}));
    const result = await webex(['api', 'rooms.list'], { env: { WEBEX_BASE_URL: server.url } });
    expect(result).toMatchObject({ code: 2, stderr: expect.stringContaining('no access token') });
    expect(server.requests).toHaveLength(0);
  });
});
