// A client pointed at the Prism mock, recording any request Prism flags as not matching the spec.
import { inject } from 'vitest';
import { Webex, type WebexOptions } from '../src/index.js';

/** A `Webex` on the shared Prism mock, and the spec violations Prism reported for its requests. */
export function mockClient(options: WebexOptions = {}) {
  const violations: string[] = [];
  const webex = new Webex({
    accessToken: 'test-token',
    baseUrl: inject('mockUrl'),
    maxRetries: 0,
    ...options,
    fetch: async (request) => {
      const response = await fetch(request);
      const flagged = response.headers.get('sl-violations');
      if (flagged) violations.push(`${request.method} ${request.url}: ${flagged}`);
      return response;
    },
  });
  return { webex, violations };
}
