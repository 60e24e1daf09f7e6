// A client pointed at the Prism mock, recording any request Prism flags as not matching the spec.
import { inject } from 'vitest';
import { recordingFetch } from '../../../test-utils/recording-fetch.js';
import { Webex, type WebexOptions } from '../src/index.js';

/**
 * A `Webex` on the shared Prism mock, and the spec violations Prism reported for its requests. The one mock serves
 * every host's paths, so the Contact Center and Calling analytics origins point at it too.
 */
export function mockClient(options: WebexOptions = {}) {
  const { fetch, violations } = recordingFetch();
  const mockUrl = inject('mockUrl');
  const webex = new Webex({
    accessToken: 'test-token',
    baseUrl: mockUrl,
    contactCenter: { baseUrl: mockUrl },
    callingAnalytics: { baseUrl: mockUrl },
    maxRetries: 0,
    ...options,
    fetch,
  });
  return { webex, violations };
}
