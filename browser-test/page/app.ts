// The page script of the browser test, bundled by esbuild for the browser from
// the built @webex-ts/client: list rooms and post a message against the API
// root given as ?api=…, and show the results in the page.
import { Webex, WebexApiError, type Message, type Room } from '@webex-ts/client';

const out = document.getElementById('out')!;

function show(id: string, text: string): void {
  const item = document.createElement('li');
  item.id = id;
  item.textContent = text;
  out.append(item);
}

async function main(): Promise<void> {
  const baseUrl = new URLSearchParams(location.search).get('api');
  if (!baseUrl) throw new Error('no ?api= in the page URL');
  const webex = new Webex({ accessToken: 'browser-test-token', baseUrl, maxRetries: 0 });

  const rooms: Room[] = await webex.rooms.list({ type: 'group', max: 5 }).toArray({ limit: 5 });
  show('rooms', `${rooms.length} rooms, first: ${rooms[0]?.title}`);

  const message: Message = await webex.messages.create({ roomId: rooms[0]!.id, markdown: '**Browser test** passed' });
  show('message', `posted ${message.id}`);

  try {
    await webex.rooms.get('no-such-room', { headers: { Prefer: 'code=404' } });
    show('error', 'no error');
  } catch (error) {
    show('error', error instanceof WebexApiError ? `${error.name} ${error.status}` : String(error));
  }
}

main().then(
  () => (document.body.dataset.status = 'done'),
  (error: unknown) => {
    show('failure', error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error));
    document.body.dataset.status = 'failed';
  },
);
