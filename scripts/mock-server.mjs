// @ts-check
// The mock for this repository's tests and demo: @webex-ts/mock, serving the freshly generated spec. Its types are
// mock-server.d.mts; the JSDoc below makes the compiler hold this file to them.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startMockServer as start } from '@webex-ts/mock';

/** The bundled spec the generator writes. */
export const bundledSpec = join(dirname(fileURLToPath(import.meta.url)), '..', 'packages/client/src/gen/openapi.json');

export { freePort };

/**
 * Starts Prism on the spec in the source tree (not a built copy), so tests see the current specs.
 * @type {typeof import('./mock-server.mjs').startMockServer}
 */
export const startMockServer = (options = {}) => start({ spec: bundledSpec, ...options });
