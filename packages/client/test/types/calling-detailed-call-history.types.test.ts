// Hand-written type tests for Calling's detailed call history: the window each listing requires, and the records it
// iterates, whose keys are the report's column names with spaces. Each `@ts-expect-error` line makes exactly one
// mistake, so `tsc -p packages/client` fails if that mistake ever compiles. Each such call fits on one line, so
// formatting cannot move the error away from its directive. The calls sit behind `if (false as boolean)`: nothing is
// sent; at run time each test only checks that the façade wires the methods.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CallingDetailedCallHistoryRecord } from '../../src/index.js';
import { Webex } from '../../src/index.js';

const webex = new Webex({
  accessToken: 'type-tests',
  baseUrl: 'http://127.0.0.1:9',
  callingAnalytics: { baseUrl: 'http://127.0.0.1:9' },
});
const window = { startTime: '2026-05-12T13:00:00.000Z', endTime: '2026-05-12T20:00:00.000Z' };

describe('calling detailed call history: query and record types', () => {
  it('calling.detailedCallHistory.listFeed and listStream require their window', () => {
    const history = webex.calling.detailedCallHistory;
    if (false as boolean) {
      void history.listFeed({ ...window, locations: 'San Jose Office,Milan', max: 500 });
      void history.listStream(window);
      // @ts-expect-error missing: a listing needs the start of its window (`startTime`)
      void history.listFeed({ endTime: window.endTime });
      // @ts-expect-error missing: a listing needs the end of its window (`endTime`)
      void history.listStream({ startTime: window.startTime });
      // @ts-expect-error missing: the window is a required query, not an option
      void history.listFeed();
      // @ts-expect-error type: `startTime` is an ISO 8601 string, not a Date
      void history.listFeed({ ...window, startTime: new Date() });
      // @ts-expect-error R4: `max` counts, so it is a number, not a string
      void history.listStream({ ...window, max: '500' });
      // @ts-expect-error type: `locations` is one comma-separated string, not an array
      void history.listFeed({ ...window, locations: ['San Jose Office'] });
    }
    expect(history.listFeed).toBeTypeOf('function');
    expect(history.listStream).toBeTypeOf('function');
  });

  it('listings iterate records keyed by the report’s column names', () => {
    const history = webex.calling.detailedCallHistory;
    expectTypeOf(history.listFeed(window).first()).resolves.toEqualTypeOf<
      CallingDetailedCallHistoryRecord | undefined
    >();
    expectTypeOf(history.listStream(window).first()).resolves.toEqualTypeOf<
      CallingDetailedCallHistoryRecord | undefined
    >();
    expectTypeOf<CallingDetailedCallHistoryRecord['Report ID']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<CallingDetailedCallHistoryRecord['Duration']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<CallingDetailedCallHistoryRecord['Start time']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<CallingDetailedCallHistoryRecord>().not.toHaveProperty('reportId');
  });
});
