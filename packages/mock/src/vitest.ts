// `useWebexMock()`: one mock per test file (or describe block), started before its tests and stopped after.
import { afterAll, beforeAll } from 'vitest';
import type { MockRequest } from './front/server.js';
import type { RecordedWebhook } from './front/webhooks.js';
import { startMockServer, type MockServer, type MockServerOptions } from './mock-server.js';
import type { RealtimeFake } from './realtime/types.js';
import type { Simulator } from './simulate/types.js';

/** The mock of a test file. Read `url` inside tests and hooks: it exists once `beforeAll` has run. */
export interface WebexMock {
  /** Base URL for `new Webex({ baseUrl: mock.url })`. */
  readonly url: string;
  readonly port: number;
  /** Everything Prism printed so far. */
  output(): string;
  /** The conversation simulator: `mock.simulate.message({ text: '/deploy' })` (see `MockServer.simulate`). */
  readonly simulate: Simulator;
  /** The realtime fake inside the mock (see `MockServer.realtime`). */
  readonly realtime: RealtimeFake;
  /** The webhooks created through the mock. */
  webhooks(): RecordedWebhook[];
  /** Every request the mock received so far. */
  readonly requests: readonly MockRequest[];
  /** Resolves with `check()`'s first truthy result, checked after every request and simulation. */
  waitFor: MockServer['waitFor'];
}

/**
 * Starts the mock of the bundled spec (Prism behind the mock's front) in `beforeAll` and stops it in `afterAll`.
 * Prism rejects requests that break the spec (400/422 with the reason), so the
 * client call that made one throws a `WebexApiError` naming the violation, and
 * the test that awaited it fails: every test against the mock is a contract test.
 */
export function useWebexMock(options: MockServerOptions = {}): WebexMock {
  let server: MockServer | undefined;
  beforeAll(
    async () => {
      server = await startMockServer(options);
    },
    (options.timeoutMs ?? 60_000) + 5_000,
  );
  afterAll(async () => {
    await server?.stop();
    server = undefined;
  });
  const running = (): MockServer => {
    if (!server)
      throw new Error(
        'useWebexMock(): the mock is not running here. It starts in beforeAll, so read mock.url inside a test or hook, not at the top level of the file',
      );
    return server;
  };
  return {
    get url() {
      return running().url;
    },
    get port() {
      return running().port;
    },
    output: () => running().output(),
    get simulate() {
      return running().simulate;
    },
    get realtime() {
      return running().realtime;
    },
    webhooks: () => running().webhooks(),
    get requests() {
      return running().requests;
    },
    waitFor: (check, waitOptions) => running().waitFor(check, waitOptions),
  };
}
