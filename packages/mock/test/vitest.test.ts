import { fileURLToPath } from 'node:url';
import { Webex, WebexApiError } from '@webex-ts/client';
import { describe, expect, it } from 'vitest';
import { useWebexMock } from '../src/vitest.js';

// The source spec, so these tests see the current specs rather than a built copy.
const spec = fileURLToPath(new URL('../../client/src/gen/openapi.json', import.meta.url));
const namedExamples = fileURLToPath(new URL('./fixtures/named-examples.json', import.meta.url));

describe('useWebexMock on the bundled spec', () => {
  const mock = useWebexMock({ spec });
  const client = () => new Webex({ accessToken: 'test-token', baseUrl: mock.url, maxRetries: 0 });

  it('serves the spec at mock.url once beforeAll has run', async () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await client().people.me()).id).toBeTruthy();
  });

  it('makes a call that breaks the spec throw, with the violation in the message and in error.violations', async () => {
    const error = await client()
      .rooms.create({ title: 5 as unknown as string })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebexApiError);
    expect((error as WebexApiError).status).toBe(400);
    expect((error as WebexApiError).message).toContain('Request body property title must be string');
    expect((error as WebexApiError).violations).toEqual([
      {
        location: ['request', 'body', 'title'],
        code: 'type',
        message: 'Request body property title must be string',
        severity: 'Error',
      },
    ]);
  });

  it('makes a listing whose page request breaks the spec throw from the iterator', async () => {
    const drain = async () => {
      for await (const room of client().rooms.list({ type: 'channel' as never })) void room;
    };
    await expect(drain()).rejects.toThrow(
      'Request query parameter type must be equal to one of the allowed values: direct, group',
    );
  });

  it('answers the status asked for with Prefer: code=404, as a WebexApiError without violations', async () => {
    const error = await client()
      .rooms.get('any-room', { headers: { Prefer: 'code=404' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebexApiError);
    expect((error as WebexApiError).status).toBe(404);
    expect((error as WebexApiError).violations).toBeUndefined();
  });
});

describe('useWebexMock with your own spec', () => {
  const mock = useWebexMock({ spec: namedExamples });

  it('answers the named example asked for with Prefer: example=<name>', async () => {
    const webex = new Webex({ accessToken: 'test-token', baseUrl: mock.url, maxRetries: 0 });
    expect(await webex.rooms.get('any-room', { headers: { Prefer: 'example=locked' } })).toMatchObject({
      id: 'r-locked',
      isLocked: true,
    });
    expect(await webex.rooms.get('any-room', { headers: { Prefer: 'example=open' } })).toMatchObject({
      id: 'r-open',
      isLocked: false,
    });
  });
});
