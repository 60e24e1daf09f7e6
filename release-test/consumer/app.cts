// The same consumer as CommonJS: `import … from` compiles to
// require('@webex-ts/client'), which Node >= 20.19 serves from the ESM build.
import { Webex, WebexApiError, type WebexError, type Message, type Room, type RoomType } from '@webex-ts/client';

async function main(): Promise<void> {
  const baseUrl = process.env.WEBEX_BASE_URL;
  if (!baseUrl) throw new Error('WEBEX_BASE_URL is not set');

  const webex = new Webex({ accessToken: 'release-test-token', baseUrl, maxRetries: 0 });

  const type: RoomType = 'group';
  const rooms: Room[] = await webex.rooms.list({ type, max: 5 }).toArray({ limit: 5 });
  const first = rooms[0];
  if (!first?.id) throw new Error('no rooms');
  console.log(`rooms: ${rooms.length}, first: ${first.title}`);

  const message: Message = await webex.messages.create({ roomId: first.id, markdown: '**Release test** from CJS' });
  console.log(`message: ${message.id}`);

  try {
    await webex.rooms.get('no-such-room', { headers: { Prefer: 'code=404' } });
    console.log('error: none');
  } catch (error) {
    if (!(error instanceof WebexApiError)) throw error;
    const base: WebexError = error;
    console.log(`error: ${base.name} ${error.status}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
