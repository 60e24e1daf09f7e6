// Provisions Project Alpha against the Webex API, or against the mock when WEBEX_BASE_URL points at it.
import { Webex, WebexError } from '@webex-ts/client';
import { provision } from './provision.js';

try {
  const webex = new Webex({ baseUrl: process.env.WEBEX_BASE_URL || undefined });
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
  if (error instanceof WebexError) {
    console.error(error.message);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
