// `webex.rooms.list({ max })` when Webex's next links say `max=null`: every page is asked for with the caller's max,
// as a loopback server records it.
import { afterEach, expect, it } from 'vitest';
import { json, startServer, type TestServer } from '../../../test-utils/http-server.js';
import { Webex } from '../src/index.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

it("next links with max=null keep the caller's page size", async () => {
  server = await startServer((req, res) => {
    const query = new URL(req.url, 'http://x').searchParams;
    if (!/^\d+$/.test(query.get('max') ?? '')) return json(res, 400, { message: `max must be a number` });
    const page = Number(query.get('cursor') ?? '0');
    const link = page < 2 ? { link: `<${server!.url}/v1/rooms?cursor=${page + 1}&max=null>; rel="next"` } : undefined;
    json(res, 200, { items: [{ id: `r${page}` }] }, link);
  });
  const webex = new Webex({ accessToken: 'T', baseUrl: `${server.url}/v1` });
  const rooms = await webex.rooms.list({ type: 'group', max: 25 }).toArray();
  expect(rooms.map((room) => room.id)).toEqual(['r0', 'r1', 'r2']);
  expect(server.requests.map((request) => request.url)).toEqual([
    '/v1/rooms?type=group&max=25',
    '/v1/rooms?cursor=1&max=25',
    '/v1/rooms?cursor=2&max=25',
  ]);
});
