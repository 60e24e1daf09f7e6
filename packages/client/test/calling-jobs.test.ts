// `waitForJob` over the real Calling job resources, against a loopback server that plays jobs: one that moves
// 0 → 40 → 100 %, ones that end with errors (paged, in one envelope, as one entry), one that never ends. Time is a
// counter the injected sleep moves forward, so no test waits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type SeenRequest, startServer, type TestServer } from '../../../test-utils/http-server.js';
import {
  CallingJobError,
  type CallingManageNumbersJob,
  CallingJobTimeoutError,
  Webex,
  WebexError,
  WebexTimeoutError,
  waitForJob,
} from '../src/index.js';

const MANAGE = '/v1/telephony/config/jobs/numbers/manageNumbers';
const DELETE_LOCATION = '/v1/telephony/config/jobs/locations/deleteCallingLocation';
const ROUTING_PREFIX = '/v1/telephony/config/jobs/updateRoutingPrefix';

/** A manage numbers job of five numbers, `moved` of them moved. */
const numbersJob = (id: string, status: string, moved: number, exitCode = 'UNKNOWN') => ({
  id,
  latestExecutionStatus: status,
  latestExecutionExitCode: exitCode,
  counts: { totalNumbers: 5, numbersMoved: moved, numbersFailed: 0 },
});

/** What each read of a job answers, in order; the last one again once they run out. */
const plays: Record<string, object[]> = {
  [`${MANAGE}/moving`]: [
    numbersJob('moving', 'STARTING', 0),
    numbersJob('moving', 'STARTED', 2),
    numbersJob('moving', 'STARTED', 2),
    numbersJob('moving', 'COMPLETED', 5, 'COMPLETED'),
  ],
  [`${MANAGE}/partly`]: [
    numbersJob('partly', 'STARTED', 1),
    numbersJob('partly', 'COMPLETED', 3, 'COMPLETED_WITH_ERRORS'),
  ],
  [`${MANAGE}/stuck`]: [numbersJob('stuck', 'STARTED', 1)],
  [`${DELETE_LOCATION}/gone`]: [{ id: 'gone', latestExecutionStatus: 'FAILED', latestExecutionExitCode: 'FAILED' }],
  [`${ROUTING_PREFIX}/prefix`]: [{ id: 'prefix', latestExecutionStatus: 'ABANDONED' }],
};

const failure = (item: string, description: string) => ({
  item,
  itemNumber: Number(item.slice(-1)),
  error: { key: '409', message: [{ description, code: '4202' }] },
});

let server: TestServer;
let webex: Webex;
beforeAll(async () => {
  server = await startServer((request, response, seen) => {
    const { pathname, searchParams } = new URL(request.url, 'http://x');
    if (pathname === `${MANAGE}/partly/errors`) {
      // Two pages, the second reached through the Link header.
      if (searchParams.get('start') === '2') return json(response, 200, { items: [failure('+14085550103', 'Busy')] });
      return json(
        response,
        200,
        { items: [failure('+14085550101', 'Assigned'), failure('+14085550102', 'Assigned')] },
        { link: `<${server.url}${MANAGE}/partly/errors?start=2>; rel="next"` },
      );
    }
    if (pathname === `${DELETE_LOCATION}/gone/errors`)
      return json(response, 200, { items: [{ ...failure('hunt-group-1', 'Has members'), errorType: 'ERROR' }] });
    if (pathname === `${ROUTING_PREFIX}/prefix/errors`) return json(response, 200, failure('record-7', 'Locked'));
    const play = plays[pathname];
    if (!play) return json(response, 404, { message: `no job at ${pathname}` });
    const reads = seen.filter((earlier) => new URL(earlier.url, 'http://x').pathname === pathname).length;
    json(response, 200, play[Math.min(reads, play.length) - 1]);
  });
  webex = new Webex({ accessToken: 'token-of-the-test', baseUrl: `${server.url}/v1` });
});
afterAll(() => server.close());

/** A clock that only the injected sleep moves, and the waits asked of it. */
function fakeTime() {
  let time = 0;
  const waits: number[] = [];
  return {
    waits,
    now: () => time,
    sleep: async (ms: number, signal?: AbortSignal) => {
      signal?.throwIfAborted();
      waits.push(ms);
      time += ms;
    },
  };
}

const readsOf = (path: string): SeenRequest[] =>
  server.requests.filter((request) => new URL(request.url, 'http://x').pathname === path);

describe('waitForJob', () => {
  it('reads a job until it completes, backing off, and reports each change of status or count', async () => {
    const time = fakeTime();
    const seen: CallingManageNumbersJob[] = [];
    const job = await waitForJob(webex.calling.jobs.manageNumbers, 'moving', {
      orgId: 'org-1',
      onProgress: (progress) => seen.push(progress),
      ...time,
    });
    expect(job.latestExecutionExitCode).toBe('COMPLETED');
    expect(job.counts?.numbersMoved).toBe(5);
    // 0 %, 40 %, 100 %: the third read changed nothing, so it reported nothing.
    expect(seen.map((progress) => (100 * (progress.counts?.numbersMoved ?? 0)) / 5)).toEqual([0, 40, 100]);
    expect(time.waits).toEqual([1000, 1500, 2250]);
    const reads = readsOf(`${MANAGE}/moving`);
    expect(reads).toHaveLength(4);
    expect(reads.every((read) => read.url.endsWith('?orgId=org-1'))).toBe(true);
  });

  it('takes the started job itself, and stops backing off at maxDelayMs', async () => {
    const time = fakeTime();
    const error = await waitForJob(
      webex.calling.jobs.manageNumbers,
      { id: 'stuck' },
      { deadline: 60_000, maxDelayMs: 4000, ...time },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CallingJobTimeoutError);
    expect(time.waits.slice(0, 6)).toEqual([1000, 1500, 2250, 3375, 4000, 4000]);
    expect(Math.max(...time.waits)).toBe(4000);
  });

  it('throws a CallingJobError with every failed item, read page by page, for a job completed with errors', async () => {
    const error = await waitForJob(webex.calling.jobs.manageNumbers, 'partly', fakeTime()).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(CallingJobError);
    expect(error).toBeInstanceOf(WebexError);
    const jobError = error as CallingJobError<CallingManageNumbersJob>;
    expect(jobError.jobId).toBe('partly');
    expect(jobError.status).toBe('COMPLETED');
    expect(jobError.exitCode).toBe('COMPLETED_WITH_ERRORS');
    expect(jobError.job.counts?.numbersMoved).toBe(3);
    expect(jobError.errors.map((failed) => failed.item)).toEqual(['+14085550101', '+14085550102', '+14085550103']);
    expect(jobError.message).toContain('+14085550101: Assigned');
    expect(jobError.message).not.toContain('token-of-the-test');
    expect(readsOf(`${MANAGE}/partly/errors`)).toHaveLength(2);
  });

  it('keeps to maxErrors', async () => {
    const error = (await waitForJob(webex.calling.jobs.manageNumbers, 'partly', {
      maxErrors: 1,
      ...fakeTime(),
    }).catch((caught: unknown) => caught)) as CallingJobError;
    expect(error.errors).toHaveLength(1);
  });

  it('reads the errors of a failed job whose errors come in one envelope', async () => {
    const error = (await waitForJob(webex.calling.jobs.deleteCallingLocation, 'gone', fakeTime()).catch(
      (caught: unknown) => caught,
    )) as CallingJobError;
    expect(error).toBeInstanceOf(CallingJobError);
    expect(error.status).toBe('FAILED');
    expect(error.errors.map((failed) => failed.item)).toEqual(['hunt-group-1']);
  });

  it('reads the one error entry of an abandoned update routing prefix job', async () => {
    const error = (await waitForJob(webex.calling.jobs.updateRoutingPrefix, 'prefix', fakeTime()).catch(
      (caught: unknown) => caught,
    )) as CallingJobError;
    expect(error.status).toBe('ABANDONED');
    expect(error.errors.map((failed) => failed.item)).toEqual(['record-7']);
  });

  it('gives up at the deadline with a timeout error that carries the job as last read', async () => {
    const time = fakeTime();
    const before = readsOf(`${MANAGE}/stuck`).length;
    const error = (await waitForJob(webex.calling.jobs.manageNumbers, 'stuck', { deadline: 10_000, ...time }).catch(
      (caught: unknown) => caught,
    )) as CallingJobTimeoutError<CallingManageNumbersJob>;
    expect(error).toBeInstanceOf(CallingJobTimeoutError);
    expect(error).toBeInstanceOf(WebexTimeoutError);
    expect(error.jobId).toBe('stuck');
    expect(error.job?.latestExecutionStatus).toBe('STARTED');
    expect(error.timeoutMs).toBe(10_000);
    // The last wait ends at the deadline, for a last read there.
    expect(time.waits).toEqual([1000, 1500, 2250, 3375, 1875]);
    expect(readsOf(`${MANAGE}/stuck`).length - before).toBe(6);
  });

  it("stops with the signal's reason, between two reads", async () => {
    const controller = new AbortController();
    const reason = new Error('the operator pressed Ctrl-C');
    const error = await waitForJob(webex.calling.jobs.manageNumbers, 'stuck', {
      signal: controller.signal,
      onProgress: () => controller.abort(reason),
      ...fakeTime(),
    }).catch((caught: unknown) => caught);
    expect(error).toBe(reason);
  });

  it('does not read at all with a signal already aborted', async () => {
    const before = server.requests.length;
    const reason = new Error('not now');
    const error = await waitForJob(webex.calling.jobs.manageNumbers, 'moving', {
      signal: AbortSignal.abort(reason),
      ...fakeTime(),
    }).catch((caught: unknown) => caught);
    expect(error).toBe(reason);
    expect(server.requests.length).toBe(before);
  });
});
