// Provisions Project Alpha: against Webex when WEBEX_ACCESS_TOKEN is set, else against the bundled Prism mock.
import { Webex, WebexError } from '@webex-ts/client';
import { startMockServer, type MockServer } from '@webex-ts/mock';
import { provision } from './provision.js';

const token = process.env.WEBEX_ACCESS_TOKEN;
let mock: MockServer | undefined;
try {
  if (!token) {
    mock = await startMockServer();
    console.log(`No WEBEX_ACCESS_TOKEN: using the bundled Prism mock of the Webex API on ${mock.url}\n`);
  }
  const webex = new Webex({
    accessToken: token ?? 'mock-token',
    baseUrl: mock?.url ?? (process.env.WEBEX_BASE_URL || undefined),
  });
  const me = await webex.people.me();
  console.log(`Signed in as ${me.displayName ?? me.emails?.[0]}`);
  const result = await provision(webex);
  console.log(`Team "${result.team.name}" with ${result.teamMembers} members`);
  for (const room of result.rooms) console.log(`  room "${room.title}" (${room.id})`);
  console.log(`${result.roomMembers} room memberships, ${result.messages} welcome messages posted`);

  let count = 0;
  for await (const room of webex.rooms.list({ teamId: result.team.id, max: 50 })) {
    count++;
    if (count <= 3) console.log(`  listed: ${room.title}`);
  }
  console.log(`${count} rooms listed in the team`);
} catch (error) {
  if (!(error instanceof WebexError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await mock?.stop();
}
