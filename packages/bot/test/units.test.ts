// The pure parts, table-driven: command lines, help, access rules, card ids, queues.
import { encodeId, Webex, type AdaptiveCard } from '@webex-ts/client';
import { describe, expect, it } from 'vitest';
import { compileRules, refusal, type AccessRules, type Requester } from '../src/access.js';
import { RecentMap } from '../src/card-routes.js';
import { idKey, sameId } from '../src/ids.js';
import {
  BotUnavailableError,
  createBot,
  helpText,
  parseCommandLine,
  webhookTransport,
  withCardId,
} from '../src/index.js';
import { RoomQueues } from '../src/queue.js';
import { gate } from './harness.js';

describe('parseCommandLine', () => {
  const cases: [string, { given: string; want: ReturnType<typeof parseCommandLine> }][] = [
    ['a word', { given: 'deploy', want: { word: 'deploy', rest: '', args: [] } }],
    ['slash and case', { given: '  /Deploy  prod  ', want: { word: 'deploy', rest: 'prod', args: ['prod'] } }],
    [
      'quotes keep spaces',
      {
        given: 'deploy "build 42" “to prod” now',
        want: { word: 'deploy', rest: '"build 42" “to prod” now', args: ['build 42', 'to prod', 'now'] },
      },
    ],
    [
      'lines',
      { given: 'note first\nsecond', want: { word: 'note', rest: 'first\nsecond', args: ['first', 'second'] } },
    ],
    ['empty', { given: '   ', want: { word: '', rest: '', args: [] } }],
  ];
  it.each(cases)('%s', (_, { given, want }) => expect(parseCommandLine(given)).toEqual(want));
});

describe('helpText', () => {
  it('lists names, usage, aliases and descriptions under a title', () => {
    expect(
      helpText(
        [
          { name: 'deploy', aliases: ['d'], usage: '<env>', description: 'Deploys' },
          { name: 'status', aliases: [], usage: undefined, description: undefined },
        ],
        { title: '**Commands**' },
      ),
    ).toBe('**Commands**\n\n- `deploy <env>` (or `d`) — Deploys\n- `status`');
  });
});

describe('access rules', () => {
  const ana = encodeId({ type: 'PEOPLE', uuid: 'a0a0a0a0-0000-4000-8000-000000000000' });
  const room = encodeId({ type: 'ROOM', uuid: 'r0r0r0r0' });
  const cases: [string, { rules: AccessRules | undefined; who: Requester; want: ReturnType<typeof refusal> }][] = [
    ['no rules: anyone', { rules: undefined, who: { personId: 'x', roomId: 'y' }, want: undefined }],
    ['listed id', { rules: { people: [ana] }, who: { personId: ana }, want: undefined }],
    [
      'the same id as a bare UUID',
      { rules: { people: [ana] }, who: { personId: 'A0A0A0A0-0000-4000-8000-000000000000' }, want: undefined },
    ],
    [
      'listed email, any case',
      { rules: { people: ['Ana@Example.com'] }, who: { email: 'ana@example.COM' }, want: undefined },
    ],
    [
      'unlisted',
      { rules: { people: ['ana@example.com'] }, who: { personId: 'p', email: 'eve@example.com' }, want: 'person' },
    ],
    ['domain', { rules: { domains: ['example.com'] }, who: { email: 'bo@example.com' }, want: undefined }],
    ['no subdomains', { rules: { domains: ['example.com'] }, who: { email: 'bo@eng.example.com' }, want: 'person' }],
    ['no look-alikes', { rules: { domains: ['example.com'] }, who: { email: 'bo@badexample.com' }, want: 'person' }],
    ['unknown person', { rules: { domains: ['example.com'] }, who: { personId: 'p' }, want: 'person' }],
    ['empty list: no one', { rules: { people: [] }, who: { personId: ana, email: 'ana@example.com' }, want: 'person' }],
    ['room listed', { rules: { rooms: [room] }, who: { roomId: room }, want: undefined }],
    ['room not listed', { rules: { rooms: [room] }, who: { roomId: 'other' }, want: 'room' }],
    [
      'both must allow',
      { rules: { rooms: [room], people: [ana] }, who: { personId: ana, roomId: 'other' }, want: 'room' },
    ],
  ];
  it.each(cases)('%s', (_, { rules, who, want }) => expect(refusal(compileRules(rules), who)).toBe(want));

  it('refuses rules it cannot read, naming the fix', () => {
    expect(() => compileRules({ domains: ['ana@example.com'] })).toThrow(/email domains like 'example.com'/);
    expect(() => compileRules({ people: [''] })).toThrow(/access.people should be a list of non-empty strings/);
    expect(() => compileRules({ rooms: 'room' as never })).toThrow(/access.rooms/);
  });
});

describe('ids', () => {
  const uuid = (n: number) => `${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;

  it('compares ids by the UUID they name: any padding or region, or the bare UUID, in any case', () => {
    const id = encodeId({ type: 'PEOPLE', uuid: uuid(1) });
    const padded = `${id}${'='.repeat((4 - (id.length % 4)) % 4)}`;
    expect(padded).not.toBe(id);
    const otherRegion = encodeId({ type: 'PEOPLE', uuid: uuid(1), region: 'urn:TEAM:eu-central-1_k' });
    for (const same of [id, padded, otherRegion, uuid(1), uuid(1).toUpperCase()]) expect(sameId(id, same)).toBe(true);
    expect(sameId(id, encodeId({ type: 'PEOPLE', uuid: uuid(2) }))).toBe(false);
    expect(sameId(id, undefined)).toBe(false);
    expect(sameId('', '')).toBe(false);
    expect(idKey('Not-An-Id!')).toBe('not-an-id!');
  });

  it('stays right past the number of keys it remembers, each id as often as it comes', () => {
    // More distinct ids than the memory holds, then the first ones again: evicted keys are decoded anew, never mixed up.
    const ids = Array.from({ length: 3000 }, (_, n) => encodeId({ type: 'ROOM', uuid: uuid(n) }));
    for (let pass = 0; pass < 2; pass++)
      ids.forEach((id, n) => {
        expect(idKey(id)).toBe(uuid(n));
        expect(sameId(id, uuid(n))).toBe(true);
        expect(sameId(id, uuid(n + 1))).toBe(false);
      });
  });
});

describe('withCardId', () => {
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    version: '1.3',
    actions: [
      { type: 'Action.OpenUrl', url: 'https://example.com' },
      { type: 'Action.Submit', title: 'Yes', data: { answer: 'yes' } },
      { type: 'Action.Submit', title: 'No' },
    ],
  };
  it('adds the id to every submit action, and leaves the card given alone', () => {
    expect(withCardId(card, 'poll').actions).toEqual([
      { type: 'Action.OpenUrl', url: 'https://example.com' },
      { type: 'Action.Submit', title: 'Yes', data: { answer: 'yes', __card: 'poll' } },
      { type: 'Action.Submit', title: 'No', data: { __card: 'poll' } },
    ]);
    expect(card.actions![2]).toEqual({ type: 'Action.Submit', title: 'No' });
  });
});

describe('RecentMap', () => {
  it('keeps the most recently set keys', () => {
    const map = new RecentMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    map.set('a', 3);
    map.set('c', 4);
    expect([map.get('a'), map.get('b'), map.get('c'), map.size]).toEqual([3, undefined, 4, 2]);
  });
});

describe('RoomQueues', () => {
  it('runs one room in order, rooms side by side, and refuses past its bounds', async () => {
    const queues = new RoomQueues({ perRoom: 2, total: 3 });
    const log: string[] = [];
    const a = gate();
    const task = (name: string, wait?: Promise<void>) => async () => {
      log.push(`start ${name}`);
      await wait;
      log.push(`end ${name}`);
    };
    const a1 = queues.run('A', task('a1', a.promise));
    const a2 = queues.run('A', task('a2'));
    await expect(queues.run('A', task('a3'))).rejects.toMatchObject({ reason: 'busy' });
    const b1 = queues.run('B', task('b1'));
    await expect(queues.run('C', task('c1'))).rejects.toBeInstanceOf(BotUnavailableError);
    await b1;
    expect(log).toEqual(['start a1', 'start b1', 'end b1']);
    expect(queues.size).toBe(2);
    const idle = queues.idle();
    a.open();
    await Promise.all([a1, a2, idle]);
    expect(log).toEqual(['start a1', 'start b1', 'end b1', 'end a1', 'start a2', 'end a2']);
    expect(queues.size).toBe(0);
  });

  it('goes on with a room after a task fails', async () => {
    const queues = new RoomQueues();
    const failed = queues.run('A', () => Promise.reject(new Error('no')));
    const next = queues.run('A', async () => 'next');
    await expect(failed).rejects.toThrow('no');
    expect(await next).toBe('next');
  });

  it('refuses bounds that are not whole numbers', () => {
    expect(() => new RoomQueues({ perRoom: 0 })).toThrow(/queue.perRoom should be a whole number/);
  });
});

describe('createBot and registration', () => {
  const transport = webhookTransport({ secret: 's' });
  it('wants exactly one of accessToken or webex, and a transport', () => {
    expect(() => createBot({ transport } as never)).toThrow(/exactly one of accessToken or webex \(got neither\)/);
    expect(() => createBot({ transport, accessToken: 't', webex: new Webex({ accessToken: 't' }) } as never)).toThrow(
      /got both/,
    );
    expect(() => createBot({ accessToken: 't' } as never)).toThrow(/expected a transport with start\(\) and stop\(\)/);
    expect(createBot({ accessToken: 't', transport }).webex).toBeInstanceOf(Webex);
  });

  it('refuses command names that are not one word, twice-registered names and card ids, and non-RegExp patterns', () => {
    const bot = createBot({ accessToken: 't', transport });
    bot.command('deploy', () => {}, { aliases: ['d'] });
    expect(() => bot.command('deploy now', () => {})).toThrow(/one word/);
    expect(() => bot.command('/D', () => {})).toThrow(/"d" is registered already/);
    expect(() => bot.hears('deploy' as never, () => {})).toThrow(/expected a RegExp/);
    bot.onCardSubmit('poll', () => {});
    expect(() => bot.onCardSubmit('poll', () => {})).toThrow(/card "poll" has a handler already/);
  });

  it('stops before starting without touching the transport', async () => {
    const bot = createBot({ accessToken: 't', transport });
    expect(await bot.stop()).toEqual({ drained: true, abandoned: 0 });
    await expect(bot.start()).rejects.toThrow(/started already/);
  });
});
