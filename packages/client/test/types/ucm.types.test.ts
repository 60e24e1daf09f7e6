// Hand-written type test for the UCM profiles resource, which has no create or update: its one list is answered
// whole (not paged), and each profile's `id` and `name` are always there.
import { describe, expect, it } from 'vitest';
import { Webex } from '../../src/index.js';

const webex = new Webex({ accessToken: 'type-tests', baseUrl: 'http://127.0.0.1:9' });

describe('ucm types', () => {
  it('ucm.profiles.list resolves to the whole list', () => {
    const read = async () => {
      const { callingProfiles } = await webex.ucm.profiles.list({ orgId: 'O' });
      const named: { id: string; name: string }[] = callingProfiles;
      // @ts-expect-error the answer is not paged: it has no `items`
      void (await webex.ucm.profiles.list()).items;
      return named;
    };
    expect(read).toBeTypeOf('function');
    expect(webex.ucm.profiles.list).toBeTypeOf('function');
  });
});
