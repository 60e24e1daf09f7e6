import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Webex, WebexApiError } from '@webex-ts/client';
import { createHttp } from '@webex-ts/client/http';
import { describe, expect, it } from 'vitest';
import { watchOutput } from '../../../test-utils/waits.js';
import { bundledSpecPath, freePort, startMockServer } from '../src/index.js';

describe('startMockServer', () => {
  it('serves the client spec and validates requests', async () => {
    const mock = await startMockServer();
    try {
      const webex = new Webex({ accessToken: 'any', baseUrl: mock.url, maxRetries: 0 });
      expect((await webex.people.me()).id).toBeTruthy();
      const { response } = await createHttp(webex).POST('/rooms', { body: {} as never });
      expect(response.status).toBe(400);
      await expect(webex.rooms.get('x', { headers: { Prefer: 'code=404' } })).rejects.toBeInstanceOf(WebexApiError);
      // An open enum takes a value it does not list, as the client's types do; a closed one still refuses it.
      const numbers = (ownerType: string) =>
        fetch(`${mock.url}/telephony/config/numbers?ownerType=${ownerType}`, {
          headers: { Authorization: 'Bearer any' },
        });
      expect((await numbers('SOME_NEW_KIND')).status).toBe(200);
      expect((await numbers('PEOPLE')).status).toBe(200);
      const rooms = await fetch(`${mock.url}/rooms?type=not-a-type`, { headers: { Authorization: 'Bearer any' } });
      expect(rooms.status).toBe(400);
    } finally {
      await mock.stop();
    }
  }, 90_000); // Prism takes a while to read the 2.5 MB spec on a busy machine

  it('ships the bundled spec', () => {
    expect(bundledSpecPath()).toMatch(/openapi\.json$/);
  });
});

describe('webex-mock bin', () => {
  it('listens on the given port and stops on SIGTERM', async () => {
    const port = await freePort();
    const bin = fileURLToPath(new URL('../bin/webex-mock.js', import.meta.url));
    const child = spawn(process.execPath, [bin, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const cli = watchOutput(child);
    try {
      // Each chunk of output is looked at as it comes; the bound is only there to fail with the output so far.
      await cli.printed('listening', { ms: 80_000 });
      expect(cli.output()).toContain(`http://127.0.0.1:${port}`);
      const response = await fetch(`http://127.0.0.1:${port}/rooms`, { headers: { Authorization: 'Bearer any' } });
      expect(response.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      expect(await cli.exited).toBe(0);
    }
  }, 90_000);
});
