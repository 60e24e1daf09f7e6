// The websocket source's pure parts, table-tested: close codes, backoff, URL trust, catalog clusters, activity plans.
import { decodeId, encodeId } from '@webex-ts/client';
import { describe, expect, it } from 'vitest';
import { planActivity, type PlanContext } from '../src/realtime/activity.js';
import { reconnectDelayMs } from '../src/realtime/backoff.js';
import { clusterOfCatalogId, clusterOfHost, hostIds } from '../src/realtime/catalog.js';
import { closeAction } from '../src/realtime/close-codes.js';
import { RecentKeys } from '../src/realtime/recent.js';
import { recurringId } from '../src/realtime/recurring-ids.js';
import { webSocketClass } from '../src/realtime/socket.js';
import { trustedUrl, WEBEX_DOMAINS } from '../src/realtime/trust.js';
import { UntrustedUrlError } from '../src/index.js';

describe('closeAction', () => {
  const cases: [string, { code: number; reason: string }, string][] = [
    ['idle', { code: 1000, reason: 'idle' }, 'reconnect'],
    ['done (forced)', { code: 1050, reason: 'Done (forced)' }, 'reconnect'],
    ['pong not received', { code: 1000, reason: 'Pong not received' }, 'reconnect'],
    ['1000 with another reason', { code: 1000, reason: 'Done' }, 'reconnect'],
    ['going away', { code: 1001, reason: '' }, 'reconnect'],
    ['no status', { code: 1005, reason: '' }, 'reconnect'],
    ['abnormal (dropped)', { code: 1006, reason: '' }, 'reconnect'],
    ['server error', { code: 1011, reason: '' }, 'reconnect'],
    ['an unknown code', { code: 4999, reason: '' }, 'reconnect'],
    ['unauthorized', { code: 4401, reason: 'Unauthorized' }, 'reauthorize'],
    ['bad request', { code: 4400, reason: '' }, 'stop'],
    ['forbidden', { code: 4403, reason: '' }, 'stop'],
    ['unsupported data', { code: 1003, reason: '' }, 'stop'],
    ['replaced', { code: 4000, reason: 'replaced' }, 'stop'],
    ['1005 replaced', { code: 1005, reason: 'replaced' }, 'stop'],
  ];
  it.each(cases)('%s', (_name, given, want) => {
    expect(closeAction(given.code, given.reason).action).toBe(want);
  });
});

describe('reconnectDelayMs', () => {
  const policy = { initialMs: 1_000, maxMs: 32_000 };
  const cases: [number, number, number][] = [
    // attempt, random, want
    [1, 0, 500],
    [1, 0.999_999, 1_000],
    [2, 0, 1_000],
    [3, 1, 4_000],
    [6, 1, 32_000],
    [7, 1, 32_000],
    [7, 0, 16_000],
    [1_000, 0.5, 24_000],
  ];
  it.each(cases)('attempt %i with random %d waits %i ms', (attempt, random, want) => {
    expect(reconnectDelayMs(attempt, policy, () => random)).toBe(want);
  });
});

describe('trustedUrl', () => {
  const webex = { domains: WEBEX_DOMAINS, loopback: undefined };
  const tests = { domains: WEBEX_DOMAINS, loopback: '127.0.0.1:4000' };
  const cases: [string, { url: string; kind: 'http' | 'ws'; policy: typeof tests | typeof webex }, string | null][] = [
    ['the U2C default', { url: 'https://u2c.wbx2.com/u2c/api/v1', kind: 'http', policy: webex }, null],
    ['FedRAMP U2C', { url: 'https://u2c.gov.ciscospark.com/u2c/api/v1', kind: 'http', policy: webex }, null],
    ['a WDM cluster', { url: 'https://wdm-k.wbx2.com/wdm/api/v1', kind: 'http', policy: webex }, null],
    [
      'a Mercury socket',
      {
        url: 'wss://mercury-connection-partition2-a.wbx2.com/v1/apps/wx2/registrations/x/messages',
        kind: 'ws',
        policy: webex,
      },
      null,
    ],
    ['webexapis.com itself', { url: 'https://webexapis.com/v1', kind: 'http', policy: webex }, null],
    [
      'plain http to Webex',
      { url: 'http://wdm-a.wbx2.com/wdm/api/v1', kind: 'http', policy: webex },
      'expected https:',
    ],
    ['ws where wss is due', { url: 'ws://mercury.wbx2.com/x', kind: 'ws', policy: webex }, 'expected wss:'],
    ['https for a socket', { url: 'https://mercury.wbx2.com/x', kind: 'ws', policy: webex }, 'expected wss:'],
    ['another host', { url: 'https://wdm.example.com/wdm/api/v1', kind: 'http', policy: webex }, 'not a Webex host'],
    ['a look-alike suffix', { url: 'https://evilwbx2.com/x', kind: 'http', policy: webex }, 'not a Webex host'],
    [
      'a Webex name inside another host',
      { url: 'https://wbx2.com.example.net/x', kind: 'http', policy: webex },
      'not a Webex host',
    ],
    ['credentials', { url: 'https://user:pw@u2c.wbx2.com/u2c', kind: 'http', policy: webex }, 'credentials'],
    [
      'loopback without the test option',
      { url: 'http://127.0.0.1:4000/wdm', kind: 'http', policy: webex },
      'expected https:',
    ],
    ['the test origin', { url: 'http://127.0.0.1:4000/wdm', kind: 'http', policy: tests }, null],
    ['the test origin as ws', { url: 'ws://127.0.0.1:4000/mercury', kind: 'ws', policy: tests }, null],
    ['another loopback port', { url: 'http://127.0.0.1:4001/wdm', kind: 'http', policy: tests }, 'only the catalog'],
    ['Webex still trusted in tests', { url: 'https://wdm-a.wbx2.com/wdm', kind: 'http', policy: tests }, null],
    ['not a URL', { url: 'wdm-a.wbx2.com', kind: 'http', policy: webex }, 'not an absolute URL'],
  ];
  it.each(cases)('%s', (_name, { url, kind, policy }, error) => {
    if (error === null) expect(trustedUrl(url, 'test', kind, policy).href).toBe(new URL(url).href);
    else {
      expect(() => trustedUrl(url, 'test', kind, policy)).toThrow(UntrustedUrlError);
      expect(() => trustedUrl(url, 'test', kind, policy)).toThrow(error);
    }
  });
});

describe('catalog clusters', () => {
  it.each([
    ['urn:TEAM:us-east-2_a:conversation', 'us'],
    ['urn:TEAM:us-east-1_int13:conversation', 'us'],
    ['urn:TEAM:eu-central-1_k:conversation', 'urn:TEAM:eu-central-1_k'],
    ['urn:TEAM:ap-southeast-2_m:wdm', 'urn:TEAM:ap-southeast-2_m'],
  ])('%s → %s', (id, want) => {
    expect(clusterOfCatalogId(id)).toBe(want);
  });

  it('maps a conversation URL through hostCatalog keys and entry hosts, with or without a port', () => {
    const catalog = {
      wdm: new URL('https://wdm-a.wbx2.com/wdm/api/v1'),
      hosts: hostIds({
        'conv-k.wbx2.com': [{ host: 'conv-k2.wbx2.com', id: 'urn:TEAM:eu-central-1_k:conversation' }],
        '127.0.0.1:4000': [{ host: '127.0.0.1:4000', id: 'urn:TEAM:us-east-2_a:conversation' }],
      }),
    };
    expect(clusterOfHost(catalog, 'https://conv-k.wbx2.com/conversation/api/v1/conversations/x')).toBe(
      'urn:TEAM:eu-central-1_k',
    );
    expect(clusterOfHost(catalog, 'https://conv-k2.wbx2.com/x')).toBe('urn:TEAM:eu-central-1_k');
    expect(clusterOfHost(catalog, 'http://127.0.0.1:4000/x')).toBe('us');
    expect(clusterOfHost(catalog, 'https://conv-a.wbx2.com/x')).toBeUndefined();
  });
});

describe('webSocketClass', () => {
  it("takes the runtime's WebSocket where there is one (Node 22+), else the ws package, unless one is given", async () => {
    const { WebSocket: WsWebSocket } = await import('ws');
    const global = (globalThis as { WebSocket?: unknown }).WebSocket;
    expect(await webSocketClass(undefined)).toBe(typeof global === 'function' ? global : WsWebSocket);
    expect(await webSocketClass(WsWebSocket)).toBe(WsWebSocket);
  });
});

describe('RecentKeys', () => {
  it('claims once, forgets the oldest past its capacity, and forgets on request', () => {
    const keys = new RecentKeys(2);
    expect(keys.claim('a')).toBe(true);
    expect(keys.claim('a')).toBe(false);
    keys.done('a');
    expect(keys.get('a')).toBe('done');
    keys.claim('b');
    keys.claim('c');
    expect(keys.get('a')).toBeUndefined();
    expect(keys.size).toBe(2);
    keys.forget('b');
    expect(keys.claim('b')).toBe(true);
  });
});

describe('recurringId', () => {
  it('is encodeId, for more people and rooms than it remembers and again for the first ones', () => {
    const uuid = (n: number) => `${n.toString(16).padStart(8, '0')}-1111-4000-8000-000000000000`;
    for (let pass = 0; pass < 2; pass++)
      for (let n = 0; n < 3000; n++) {
        const type = n % 2 ? 'PEOPLE' : 'ROOM';
        const region = n % 3 ? 'us' : 'urn:TEAM:eu-central-1_k';
        expect(recurringId(type, uuid(n), region)).toBe(encodeId({ type, uuid: uuid(n), region }));
      }
    expect(() => recurringId('ROOM', 'a/b', 'us')).toThrow(/must not contain \//);
  });
});

describe('planActivity', () => {
  const BOT = 'b0b0b0b0-0000-4000-8000-000000000000';
  const ANA = 'a0a0a0a0-0000-4000-8000-000000000000';
  const ROOM = 'r0r0r0r0-0000-4000-8000-000000000000';
  const MSG = 'm0m0m0m0-0000-4000-8000-000000000000';
  const context = (cluster = 'us', isBot = true, delivered: string[] = []): PlanContext => ({
    me: { id: encodeId({ type: 'PEOPLE', uuid: BOT }), uuid: BOT, isBot },
    cluster,
    delivered: (uuid) => delivered.includes(uuid),
  });
  const actor = (uuid = ANA) => ({ id: uuid, entryUUID: uuid, emailAddress: 'ana@example.com', objectType: 'person' });
  const target = (direct: boolean) => ({
    id: ROOM,
    objectType: 'conversation',
    url: 'https://conv-a.wbx2.com/c',
    tags: direct ? ['ONE_ON_ONE'] : [],
  });
  const activity = (verb: string, object: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    id: MSG,
    verb,
    published: '2026-01-01T00:00:00.000Z',
    actor: actor(),
    object,
    target: target(false),
    ...extra,
  });
  const idOf = (id: string) => decodeId(id);
  const mention = { mentions: { items: [{ id: BOT, objectType: 'person' }] } };

  const cases: [string, { activity: unknown; context?: PlanContext }, unknown][] = [
    [
      'a 1:1 post → fetch the message',
      { activity: activity('post', { objectType: 'comment' }, { target: target(true) }) },
      [{ kind: 'message', type: 'MESSAGE', region: 'us', optional: false }],
    ],
    [
      'a group post mentioning the bot → fetch',
      { activity: activity('post', { objectType: 'comment', ...mention }) },
      [{ kind: 'message', type: 'MESSAGE', region: 'us', optional: false }],
    ],
    [
      'a group post without a mention → skipped (a bot cannot read it)',
      { activity: activity('post', { objectType: 'comment' }) },
      'not-mentioned',
    ],
    [
      'a group post for a person account → fetch',
      { activity: activity('post', { objectType: 'comment' }), context: context('us', false) },
      [{ kind: 'message', type: 'MESSAGE', region: 'us', optional: true }],
    ],
    [
      '@all → fetch, a refusal is not an error',
      { activity: activity('post', { objectType: 'comment', groupMentions: { items: [] } }) },
      [{ kind: 'message', type: 'MESSAGE', region: 'us', optional: true }],
    ],
    [
      'the bot’s own post → skipped',
      { activity: activity('post', { objectType: 'comment' }, { actor: actor(BOT), target: target(true) }) },
      'own-message',
    ],
    [
      'a share → fetch the message',
      { activity: activity('share', { objectType: 'content', ...mention }) },
      [{ kind: 'message', type: 'MESSAGE', region: 'us', optional: false }],
    ],
    [
      'an eu post → eu ids',
      {
        activity: activity('post', { objectType: 'comment' }, { target: target(true) }),
        context: context('urn:TEAM:eu-central-1_k'),
      },
      [{ kind: 'message', type: 'MESSAGE', region: 'urn:TEAM:eu-central-1_k', optional: false }],
    ],
    [
      'a card submit → fetch the action',
      { activity: activity('cardAction', { objectType: 'submit', inputs: {} }, { parent: { id: MSG } }) },
      [{ kind: 'action', type: 'ATTACHMENT_ACTION', region: 'us' }],
    ],
    [
      'an edit of a message the bot got → messages/updated',
      { activity: activity('update', { objectType: 'comment', id: MSG }), context: context('us', true, [MSG]) },
      [{ kind: 'message-change', event: 'updated' }],
    ],
    [
      'an edit of an unseen group message → skipped',
      { activity: activity('update', { objectType: 'comment', id: MSG }) },
      'not-mentioned',
    ],
    ['a file scan update → skipped', { activity: activity('update', { objectType: 'content' }) }, 'unsupported'],
    [
      'a delete → messages/deleted',
      { activity: activity('delete', { objectType: 'activity', id: MSG }) },
      [{ kind: 'message-change', event: 'deleted' }],
    ],
    [
      'add → memberships/created, fetched',
      { activity: activity('add', { objectType: 'person', id: ANA, emailAddress: 'ana@example.com' }) },
      [{ kind: 'membership', event: 'created', fetch: true }],
    ],
    [
      'leave → memberships/deleted, from the activity',
      { activity: activity('leave', { objectType: 'person', id: ANA }) },
      [{ kind: 'membership', event: 'deleted', fetch: false }],
    ],
    [
      'assignModerator → memberships/updated',
      { activity: activity('assignModerator', { objectType: 'person', id: ANA }) },
      [{ kind: 'membership', event: 'updated', fetch: true }],
    ],
    [
      'a room title change → rooms/updated',
      { activity: activity('update', { objectType: 'conversation', id: ROOM }) },
      [{ kind: 'room', event: 'updated' }],
    ],
    [
      'lock → rooms/updated',
      { activity: activity('lock', { objectType: 'conversation', id: ROOM }) },
      [{ kind: 'room', event: 'updated' }],
    ],
    [
      'a new room → rooms/created and a membership per participant',
      {
        activity: activity(
          'create',
          {
            objectType: 'conversation',
            id: ROOM,
            url: 'https://conv-a.wbx2.com/c',
            participants: { items: [{ id: ANA }, { id: BOT }] },
          },
          { target: undefined },
        ),
      },
      [
        { kind: 'room', event: 'created' },
        { kind: 'membership', event: 'created', fetch: true },
        { kind: 'membership', event: 'created', fetch: true },
      ],
    ],
    ['a read receipt → skipped', { activity: activity('acknowledge', { objectType: 'activity' }) }, 'unsupported'],
    ['no actor → malformed', { activity: { id: MSG, verb: 'post', object: {} } }, 'malformed'],
    ['not an activity → malformed', { activity: 'post' }, 'malformed'],
  ];
  it.each(cases)('%s', (_name, given, want) => {
    const plan = planActivity(given.activity, given.context ?? context());
    if (typeof want === 'string') {
      expect(plan).toMatchObject({ kind: 'skip', why: want });
      return;
    }
    if (plan.kind !== 'deliver') throw new Error(`expected a delivery, got ${plan.why}`);
    const steps = plan.steps.map((step) => {
      if (step.kind === 'message') return { kind: step.kind, ...pick(idOf(step.id)), optional: step.optional };
      if (step.kind === 'action') return { kind: step.kind, ...pick(idOf(step.id)) };
      if (step.kind === 'membership') return { kind: step.kind, event: step.event, fetch: step.fetch };
      return { kind: step.kind, event: step.event };
    });
    expect(steps).toEqual(want);
  });

  it('builds webhook-shaped data: ids by cluster, people always us, membership ids of person and room', () => {
    const plan = planActivity(
      activity('add', { objectType: 'person', id: ANA, emailAddress: 'ana@example.com', displayName: 'Ana' }),
      context('urn:TEAM:eu-central-1_k'),
    );
    if (plan.kind !== 'deliver' || plan.steps[0]?.kind !== 'membership') throw new Error('expected a membership');
    const { data } = plan.steps[0];
    expect(decodeId(data.id)).toEqual({
      type: 'MEMBERSHIP',
      uuid: `${ANA}:${ROOM}`,
      region: 'urn:TEAM:eu-central-1_k',
    });
    expect(decodeId(data.roomId)).toEqual({ type: 'ROOM', uuid: ROOM, region: 'urn:TEAM:eu-central-1_k' });
    expect(decodeId(data.personId)).toEqual({ type: 'PEOPLE', uuid: ANA, region: 'us' });
    expect(data).toMatchObject({ personEmail: 'ana@example.com', personDisplayName: 'Ana', roomType: 'group' });
    expect(decodeId(plan.actorId)).toEqual({ type: 'PEOPLE', uuid: ANA, region: 'us' });
    expect(plan.created).toBe('2026-01-01T00:00:00.000Z');
  });
});

function pick(id: { type: string; region: string }) {
  return { type: id.type, region: id.region };
}
