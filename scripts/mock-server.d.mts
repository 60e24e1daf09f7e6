// Types of mock-server.mjs, taken from the built @webex-ts/mock (which the .mjs runs) so that they cannot drift from
// what it returns. packages/mock/test/mock-server-script.test.ts checks that both files name the same exports and that
// the .mjs meets these types.
import type { MockServer, MockServerOptions } from '@webex-ts/mock';

export type { MockServer, MockServerOptions } from '@webex-ts/mock';
export { freePort } from '@webex-ts/mock';

/** The bundled spec the generator writes (in the source tree, not a built copy). */
export const bundledSpec: string;

/** Starts the mock on {@link bundledSpec} unless `options.spec` names another. */
export function startMockServer(options?: MockServerOptions): Promise<MockServer>;
