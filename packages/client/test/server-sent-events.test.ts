// The server-sent events reader: text in any pieces, bytes in any chunks, and the events the format says they hold.
import { describe, expect, it } from 'vitest';
import {
  readServerSentEvents,
  type ServerSentEvent,
  ServerSentEventParser,
} from '../src/streams/server-sent-events.js';

const message = (data: string, extra: Partial<ServerSentEvent> = {}): ServerSentEvent => ({
  event: 'message',
  data,
  id: '',
  ...extra,
});

/** Every event of a text given whole. */
const parse = (text: string) => new ServerSentEventParser().push(text);

const cases: [string, string, ServerSentEvent[]][] = [
  ['one event', 'data: {"a":1}\n\n', [message('{"a":1}')]],
  ['no space after the colon', 'data:{"a":1}\n\n', [message('{"a":1}')]],
  ['only the first space after the colon is dropped', 'data:  two\n\n', [message(' two')]],
  ['several data lines, joined with LF', 'data: {"a":\ndata: 1}\n\n', [message('{"a":\n1}')]],
  ['an empty data line still counts', 'data\n\n', [message('')]],
  ['CRLF line ends', 'data: x\r\n\r\n', [message('x')]],
  ['CRLF between two data lines of one event', 'data: x\r\ndata: y\r\n\r\n', [message('x\ny')]],
  ['CR line ends', 'data: x\r\rdata: y\r\r', [message('x'), message('y')]],
  ['mixed line ends', 'data: x\r\n\ndata: y\n\r\n', [message('x'), message('y')]],
  ['comments (heartbeats) are skipped', ': keep-alive\n\n:\ndata: x\n: more\n\n', [message('x')]],
  [
    'an event name, then back to message',
    'event: view\ndata: x\n\ndata: y\n\n',
    [message('x', { event: 'view' }), message('y')],
  ],
  [
    'an id stays for the events after it, until another one',
    'id: 7\ndata: x\n\ndata: y\n\nid: 8\ndata: z\n\n',
    [message('x', { id: '7' }), message('y', { id: '7' }), message('z', { id: '8' })],
  ],
  [
    'an id holding NUL is ignored',
    'id: 1\ndata: x\n\nid: 2\0\ndata: y\n\n',
    [message('x', { id: '1' }), message('y', { id: '1' })],
  ],
  ['an empty id resets it', 'id: 1\ndata: x\n\nid\ndata: y\n\n', [message('x', { id: '1' }), message('y')]],
  ['retry in digits is kept', 'retry: 3000\ndata: x\n\n', [message('x', { retry: 3000 })]],
  ['retry that is not digits is ignored', 'retry: soon\ndata: x\n\n', [message('x')]],
  ['unknown fields are ignored', 'foo: bar\ndata: x\nbaz\n\n', [message('x')]],
  ['a block without data is no event', 'event: ping\n\nid: 4\n\n', []],
  ['an event not ended by a blank line is not sent', 'data: x\n\ndata: y\n', [message('x')]],
  ['blank lines between events send nothing more', '\n\n\ndata: x\n\n\n\n', [message('x')]],
];

describe('ServerSentEventParser', () => {
  it.each(cases)('%s', (_name, text, want) => {
    expect(parse(text)).toEqual(want);
  });

  it.each(cases)('%s, however the text is cut in two', (_name, text, want) => {
    for (let at = 0; at <= text.length; at++) {
      const parser = new ServerSentEventParser();
      const events = [...parser.push(text.slice(0, at)), ...parser.push(text.slice(at))];
      expect(events, `cut at ${at}`).toEqual(want);
    }
  });

  it('keeps a CRLF cut between two pieces one line end, also with empty pieces between', () => {
    const parser = new ServerSentEventParser();
    const pieces = ['data: x\r', '', '\n', 'data: y\r', '\n', '\r\n'];
    expect(pieces.flatMap((piece) => parser.push(piece))).toEqual([message('x\ny')]);
  });

  it('sends each event as soon as its blank line is in, not at the end', () => {
    const parser = new ServerSentEventParser();
    expect(parser.push('data: x\n')).toEqual([]);
    expect(parser.push('\ndata: y')).toEqual([message('x')]);
    expect(parser.push('\n\n')).toEqual([message('y')]);
  });
});

/** A body that hands over these chunks one by one, as a network would. */
function body(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next < chunks.length) controller.enqueue(chunks[next++]!);
      else controller.close();
    },
  });
}

async function all(stream: ReadableStream<Uint8Array>): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  for await (const event of readServerSentEvents(stream)) events.push(event);
  return events;
}

describe('readServerSentEvents', () => {
  const bytes = new TextEncoder().encode('\uFEFFdata: {"name":"Lucía ☕ 𝄞"}\r\n\r\nevent: view\ndata: 2\n\n');
  const want = [message('{"name":"Lucía ☕ 𝄞"}'), message('2', { event: 'view' })];

  it('reads bytes cut anywhere, inside a multi-byte character too, and drops a leading byte-order mark', async () => {
    for (let at = 0; at <= bytes.length; at++) {
      expect(await all(body([bytes.slice(0, at), bytes.slice(at)])), `cut at byte ${at}`).toEqual(want);
    }
    expect(await all(body([...bytes].map((byte) => Uint8Array.of(byte))))).toEqual(want);
  });

  it('yields an event before the body has ended', async () => {
    let pulls = 0;
    const slow = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        if (pulls === 1) controller.enqueue(new TextEncoder().encode('data: first\n\n'));
        // Never more: an event has to come out of what has arrived.
      },
    });
    const events = readServerSentEvents(slow);
    expect((await events.next()).value).toEqual(message('first'));
    await events.return();
  });

  it('cancels the body when the loop stops early', async () => {
    let cancelled: unknown;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode('data: again\n\n'));
      },
      cancel(reason) {
        cancelled = reason ?? 'cancelled';
      },
    });
    for await (const event of readServerSentEvents(endless)) {
      expect(event.data).toBe('again');
      break;
    }
    expect(cancelled).toBeDefined();
  });

  it('passes on the error of a body that fails', async () => {
    let pulls = 0;
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (++pulls === 1) controller.enqueue(new TextEncoder().encode('data: one\n\n'));
        else controller.error(new TypeError('terminated'));
      },
    });
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const event of readServerSentEvents(failing)) seen.push(event.data);
      })(),
    ).rejects.toThrow('terminated');
    expect(seen).toEqual(['one']);
  });
});
