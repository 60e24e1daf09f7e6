// CommonJS TypeScript under the `tsc --init` defaults (verbatimModuleSyntax): `import … from` would be TS1286 here, so
// the client comes in through `import … = require(…)`, typed in full; type-only imports stay as they are.
import webexClient = require('@webex-ts/client');
import type { Room } from '@webex-ts/client';

const { Webex } = webexClient;

async function main(): Promise<void> {
  const baseUrl = process.env.WEBEX_BASE_URL;
  if (!baseUrl) throw new Error('WEBEX_BASE_URL is not set');
  const webex = new Webex({ accessToken: 'release-test-token', baseUrl, maxRetries: 0 });
  const rooms: Room[] = await webex.rooms.list({ type: 'group', max: 5 }).toArray({ limit: 5 });
  console.log(`typed require: ${rooms.length} rooms`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
